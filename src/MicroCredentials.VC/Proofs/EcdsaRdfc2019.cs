using System.Text.Json.Nodes;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// <c>ecdsa-rdfc-2019</c> (W3C Data Integrity ECDSA Cryptosuites v1.0 §3.2): JSON-LD to RDF in safe mode, RDF
/// Dataset Canonicalization (RDFC-1.0) of the document and of the proof configuration (with the document's
/// <c>@context</c>), then ECDSA. P-256 keys hash with SHA-256; P-384 keys with SHA-384, both in the hashing step and
/// as RDFC-1.0's internal hash (as the W3C test vectors are made). The emitted proof has no <c>@context</c> of its own.
/// </summary>
public sealed class EcdsaRdfc2019 : EcdsaCryptosuite
{
    private static readonly RdfcOptions Sha384 = RdfcOptions.Default with { HashAlgorithm = System.Security.Cryptography.HashAlgorithmName.SHA384 };

    private EcdsaRdfc2019(string curve)
        : base(curve)
    {
    }

    /// <summary>The suite (its P-256 variant; P-384 keys select <see cref="P384"/>).</summary>
    public static EcdsaRdfc2019 Instance { get; } = new("P-256");

    /// <summary>The P-384 variant (SHA-384).</summary>
    public static EcdsaRdfc2019 P384 { get; } = new("P-384");

    /// <inheritdoc/>
    public override string Name => "ecdsa-rdfc-2019";

    /// <inheritdoc/>
    protected override bool ProofKeepsContext => false;

    /// <inheritdoc/>
    public override EcdsaCryptosuite ForCurve(string curve) => IsP384(curve) ? P384 : Instance;

    /// <inheritdoc/>
    protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken) =>
        RdfcTransform.CanonicalizeAsync(document, context, Options, cancellationToken);

    /// <inheritdoc/>
    private protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, List<Quad>? capture, CancellationToken cancellationToken) =>
        RdfcTransform.CanonicalizeAsync(document, context, Options, cancellationToken, capture);

    private RdfcOptions Options => Curve == "P-384" ? Sha384 : RdfcOptions.Default;
}
