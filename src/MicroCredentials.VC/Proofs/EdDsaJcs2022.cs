using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// <c>eddsa-jcs-2022</c> (W3C Data Integrity EdDSA Cryptosuites v1.0 §3.3): JSON Canonicalization Scheme
/// (RFC 8785) of the document and of the proof configuration (which carries the document's <c>@context</c>),
/// SHA-256, Ed25519. The emitted proof keeps the <c>@context</c>.
/// </summary>
public sealed class EdDsaJcs2022 : Ed25519Cryptosuite
{
    private EdDsaJcs2022()
    {
    }

    /// <summary>The suite.</summary>
    public static EdDsaJcs2022 Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "eddsa-jcs-2022";

    /// <inheritdoc/>
    protected override bool ProofKeepsContext => true;

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
