using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// The legacy <c>Ed25519Signature2020</c> proof type (W3C CCG "Ed25519 Signature 2020", superseded by
/// eddsa-rdfc-2022): the same transformation and hashing as eddsa-rdfc-2022 — RDFC-1.0 of the document and of the
/// proof configuration under the document's <c>@context</c>, SHA-256, Ed25519 — with the proof type naming the suite
/// and no <c>cryptosuite</c> property. Kept to verify credentials issued with it.
/// </summary>
public sealed class Ed25519Signature2020 : Ed25519Cryptosuite
{
    private Ed25519Signature2020()
    {
    }

    /// <summary>The suite.</summary>
    public static Ed25519Signature2020 Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "Ed25519Signature2020";

    /// <inheritdoc/>
    public override string ProofType => "Ed25519Signature2020";

    /// <inheritdoc/>
    public override string VerificationMethodType => "Ed25519VerificationKey2020";

    /// <inheritdoc/>
    protected override bool ProofKeepsContext => false;

    /// <inheritdoc/>
    protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken) =>
        EdDsaRdfc2022.Instance.CanonicalizeForSuite(document, context, cancellationToken);

    /// <inheritdoc/>
    private protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, List<Rdf.Quad>? capture, CancellationToken cancellationToken) =>
        EdDsaRdfc2022.Instance.CanonicalizeForSuite(document, context, cancellationToken, capture);
}
