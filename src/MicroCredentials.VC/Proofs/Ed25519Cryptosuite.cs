namespace MicroCredentials.VC.Proofs;

/// <summary>
/// What eddsa-rdfc-2022 and eddsa-jcs-2022 share (W3C Data Integrity EdDSA Cryptosuites v1.0 §3.2, §3.3):
/// SHA-256 of the canonical proof configuration followed by SHA-256 of the canonical document, signed with Ed25519.
/// </summary>
public abstract class Ed25519Cryptosuite : DataIntegrityCryptosuite
{
    private static readonly string[] VmTypes = ["Multikey", "Ed25519VerificationKey2020", "JsonWebKey"];

    private protected Ed25519Cryptosuite()
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> VerificationMethodTypes => VmTypes;

    /// <inheritdoc/>
    public override string SignatureAlgorithm => Crypto.SignatureAlgorithms.EdDsa;

    /// <inheritdoc/>
    internal override int SignatureLength => 64;

    /// <inheritdoc/>
    internal override string KeyDescription => "Ed25519";

    /// <inheritdoc/>
    internal override DataIntegrityCryptosuite? ForMethod(Dids.VerificationMethod method) => method.PublicKey is null ? null : this;

    /// <inheritdoc/>
    internal override bool IsSignatureLength(int length) => length == 64;

    /// <inheritdoc/>
    internal override bool VerifySignature(Dids.VerificationMethod method, byte[] data, byte[] signature) =>
        method.PublicKey is { } key && key.Verify(data, signature);
}
