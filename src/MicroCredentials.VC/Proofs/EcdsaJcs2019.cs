using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// <c>ecdsa-jcs-2019</c> (W3C Data Integrity ECDSA Cryptosuites v1.0 §3.3): JSON Canonicalization Scheme (RFC 8785)
/// of the document and of the proof configuration (which carries the document's <c>@context</c>), then ECDSA:
/// SHA-256 with P-256 keys, SHA-384 with P-384 keys. The emitted proof keeps the <c>@context</c>.
/// </summary>
public sealed class EcdsaJcs2019 : EcdsaCryptosuite
{
    private EcdsaJcs2019(string curve)
        : base(curve)
    {
    }

    /// <summary>The suite (its P-256 variant; P-384 keys select <see cref="P384"/>).</summary>
    public static EcdsaJcs2019 Instance { get; } = new("P-256");

    /// <summary>The P-384 variant (SHA-384).</summary>
    public static EcdsaJcs2019 P384 { get; } = new("P-384");

    /// <inheritdoc/>
    public override string Name => "ecdsa-jcs-2019";

    /// <inheritdoc/>
    protected override bool ProofKeepsContext => true;

    /// <inheritdoc/>
    public override EcdsaCryptosuite ForCurve(string curve) => IsP384(curve) ? P384 : Instance;

    /// <inheritdoc/>
    protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken) =>
        JcsTransform.CanonicalizeAsync(document);

    /// <inheritdoc/>
    private protected override bool TryHashDirect(JsonObject document, bool ignoreProofMember, JsonObject proofConfiguration, byte[] hashData) =>
        JcsTransform.HashSha256(document, ignoreProofMember, proofConfiguration, hashData);

    /// <inheritdoc/>
    protected override ValueTask<byte[]> CanonicalizeDocumentAsync(JsonObject document, bool ignoreProofMember, CryptosuiteContext context, CancellationToken cancellationToken) =>
        JcsTransform.CanonicalizeDocumentAsync(document, ignoreProofMember);
}
