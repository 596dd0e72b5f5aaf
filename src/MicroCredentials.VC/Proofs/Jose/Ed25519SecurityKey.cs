using System.Security.Cryptography;
using System.Text;
using MicroCredentials.VC.Crypto;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// An Ed25519 key for IdentityModel (JWS algorithm <c>EdDSA</c>, RFC 8037 §3.1), backed by this library's
/// <see cref="Ed25519PublicKey"/> and, for signing, <see cref="Ed25519SigningKey"/>. Its
/// <see cref="SecurityKey.CryptoProviderFactory"/> is a private factory whose custom provider is
/// <see cref="Ed25519CryptoProvider"/>, so IdentityModel signs and verifies through our Ed25519 implementation;
/// nothing global is changed.
/// </summary>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey
{
    private static readonly CryptoProviderFactory Factory = new() { CustomCryptoProvider = Ed25519CryptoProvider.Instance, CacheSignatureProviders = false };

    /// <summary>Creates a verification-only key.</summary>
    /// <param name="publicKey">The public key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public Ed25519SecurityKey(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        PublicKey = publicKey;
        CryptoProviderFactory = Factory;
    }

    /// <summary>Creates a key that can sign (and verify).</summary>
    /// <param name="signingKey">The signing key; owned by the caller, who keeps it alive (not disposed) while this key is used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signingKey"/> is <see langword="null"/>.</exception>
    public Ed25519SecurityKey(Ed25519SigningKey signingKey)
        : this((signingKey ?? throw new ArgumentNullException(nameof(signingKey))).PublicKey)
    {
        SigningKey = signingKey;
    }

    /// <summary>The public key.</summary>
    public Ed25519PublicKey PublicKey { get; }

    /// <summary>The signing key, when this key can sign.</summary>
    internal Ed25519SigningKey? SigningKey { get; }

    /// <summary>256 (bits).</summary>
    public override int KeySize => 256;

    /// <summary>Whether this key can sign.</summary>
    [Obsolete("HasPrivateKey is obsolete in IdentityModel; use PrivateKeyStatus.")]
    public override bool HasPrivateKey => SigningKey is not null;

    /// <summary><see cref="PrivateKeyStatus.Exists"/> when this key can sign, else <see cref="PrivateKeyStatus.DoesNotExist"/>.</summary>
    public override PrivateKeyStatus PrivateKeyStatus => SigningKey is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;

    /// <summary>Only <c>EdDSA</c> (RFC 8037 §3.1).</summary>
    /// <param name="algorithm">The JWS algorithm.</param>
    /// <returns>Whether it is <c>EdDSA</c>.</returns>
    public override bool IsSupportedAlgorithm(string algorithm) => string.Equals(algorithm, JoseAlgorithms.EdDsa, StringComparison.Ordinal);

    /// <summary>Always true: an OKP key has a JWK thumbprint.</summary>
    /// <returns><see langword="true"/>.</returns>
    public override bool CanComputeJwkThumbprint() => true;

    /// <summary>The RFC 7638 thumbprint (SHA-256) of the public JWK, with the members RFC 8037 §2 requires (<c>crv</c>, <c>kty</c>, <c>x</c>).</summary>
    /// <returns>The 32-byte thumbprint.</returns>
    public override byte[] ComputeJwkThumbprint() =>
        SHA256.HashData(Encoding.UTF8.GetBytes("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.Encode(PublicKey.Bytes) + "\"}"));

    /// <summary>Describes the key by its public part only.</summary>
    /// <returns><c>Ed25519SecurityKey(z6Mk…)</c>.</returns>
    public override string ToString() => "Ed25519SecurityKey(" + PublicKey.ToMultibase() + ")";
}
