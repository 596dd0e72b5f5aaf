using System.Text.Json.Nodes;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// <c>eddsa-rdfc-2022</c> (W3C Data Integrity EdDSA Cryptosuites v1.0 §3.2): JSON-LD to RDF in safe mode, RDF
/// Dataset Canonicalization (RDFC-1.0) of the document and of the proof configuration (with the document's
/// <c>@context</c>), SHA-256, Ed25519. The emitted proof has no <c>@context</c> of its own.
/// </summary>
public sealed class EdDsaRdfc2022 : Ed25519Cryptosuite
{
    private EdDsaRdfc2022()
    {
    }

    /// <summary>The suite.</summary>
    public static EdDsaRdfc2022 Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "eddsa-rdfc-2022";

    /// <inheritdoc/>
    protected override bool ProofKeepsContext => false;

    /// <inheritdoc/>
    protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken) =>
        CanonicalizeForSuite(document, context, cancellationToken);

    /// <inheritdoc/>
    private protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, List<Quad>? capture, CancellationToken cancellationToken) =>
        CanonicalizeForSuite(document, context, cancellationToken, capture);

    /// <summary>JSON-LD to RDF (safe mode), then RDFC-1.0: the canonical N-Quads as UTF-8.</summary>
    /// <param name="document">The document.</param>
    /// <param name="context">The environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="capture">Receives the dataset that is canonicalized, when given.</param>
    /// <returns>The canonical bytes.</returns>
    internal ValueTask<byte[]> CanonicalizeForSuite(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken, List<Quad>? capture = null) =>
        RdfcTransform.CanonicalizeAsync(document, context, RdfcOptions.Default, cancellationToken, capture);
}
