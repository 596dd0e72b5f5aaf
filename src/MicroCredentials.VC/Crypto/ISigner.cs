using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Something that signs with one private key, wherever the key is held: in this process
/// (<see cref="Ed25519Signer"/>, <see cref="EcdsaSigner"/>, <see cref="RsaSigner"/>), or in a KMS or HSM, so that
/// the private key never enters the process. Securing mechanisms (Data Integrity, vc+jwt, status lists) sign only
/// through this interface.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and must produce signatures in the encoding JWS uses for
/// <see cref="Algorithm"/> (RFC 7518 §3): EdDSA 64 bytes R ‖ S (RFC 8037 §3.1), ECDSA R ‖ S in fixed-size fields
/// (IEEE P1363, not DER), RSA the plain signature.
/// </remarks>
public interface ISigner
{
    /// <summary>The JWS name of the signature algorithm: <c>EdDSA</c>, <c>ES256</c>, <c>ES384</c>, <c>ES512</c>, <c>RS256</c> or <c>PS256</c>.</summary>
    string Algorithm { get; }

    /// <summary>The key's identifier: the verification method URL (e.g. <c>did:web:example.org#key-1</c>), written as a proof's <c>verificationMethod</c> or a JWS <c>kid</c>.</summary>
    string KeyId { get; }

    /// <summary>The public key as a JWK without private members (a new object on each call), to derive a verification method or publish the key.</summary>
    JsonObject PublicKeyJwk { get; }

    /// <summary>Signs <paramref name="data"/> with <see cref="Algorithm"/> (the algorithm hashes; pass the message, not a digest).</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <param name="cancellationToken">Cancels the work (e.g. a remote call).</param>
    /// <returns>The signature, encoded as JWS encodes it for the algorithm.</returns>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);
}

/// <summary>
/// A signer whose key is in this process (or behind a platform key object that signs synchronously): signing needs no
/// I/O, so it can also sign synchronously. The base of <see cref="Ed25519Signer"/>, <see cref="EcdsaSigner"/> and
/// <see cref="RsaSigner"/>; the key is not owned: keep it alive while signing.
/// </summary>
public abstract class LocalSigner : ISigner
{
    private protected LocalSigner(string algorithm, string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        Algorithm = algorithm;
        KeyId = keyId;
    }

    /// <inheritdoc/>
    public string Algorithm { get; }

    /// <inheritdoc/>
    public string KeyId { get; }

    /// <inheritdoc/>
    public abstract JsonObject PublicKeyJwk { get; }

    /// <inheritdoc/>
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Sign(data.Span));
    }

    /// <summary>Signs synchronously.</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <returns>The signature.</returns>
    public abstract byte[] Sign(ReadOnlySpan<byte> data);

    /// <summary>Describes the signer without key material.</summary>
    /// <returns>E.g. <c>EcdsaSigner(ES256, kid)</c>.</returns>
    public override string ToString() => GetType().Name + "(" + Algorithm + ", " + KeyId + ")";
}

/// <summary>The JWS algorithm names a <see cref="ISigner"/> reports.</summary>
public static class SignatureAlgorithms
{
    /// <summary><c>EdDSA</c> with Ed25519 (RFC 8037 §3.1).</summary>
    public const string EdDsa = "EdDSA";

    /// <summary><c>ES256</c>: ECDSA P-256 with SHA-256 (RFC 7518 §3.4).</summary>
    public const string Es256 = "ES256";

    /// <summary><c>ES384</c>: ECDSA P-384 with SHA-384.</summary>
    public const string Es384 = "ES384";

    /// <summary><c>ES512</c>: ECDSA P-521 with SHA-512.</summary>
    public const string Es512 = "ES512";

    /// <summary>ECDSA with secp256k1 and SHA-256 (RFC 8812 §3.2).</summary>
    public const string Es256K = "ES256K";

    /// <summary><c>RS256</c>: RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3).</summary>
    public const string Rs256 = "RS256";

    /// <summary><c>PS256</c>: RSASSA-PSS with SHA-256 (RFC 7518 §3.5).</summary>
    public const string Ps256 = "PS256";
}

/// <summary>
/// Signs with an in-process <see cref="Ed25519SigningKey"/> (<c>EdDSA</c>, RFC 8032 §5.1.6). The key is not owned:
/// keep it alive (not disposed) while signing.
/// </summary>
public sealed class Ed25519Signer : LocalSigner
{
    /// <summary>Creates the signer.</summary>
    /// <param name="key">The key (the caller's).</param>
    /// <param name="keyId">The verification method URL, e.g. from <c>DidKey.CreateVerificationMethodId</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is null, empty or white space.</exception>
    public Ed25519Signer(Ed25519SigningKey key, string keyId)
        : base(SignatureAlgorithms.EdDsa, keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
    }

    /// <summary>The key.</summary>
    public Ed25519SigningKey Key { get; }

    /// <summary>The public key.</summary>
    public Ed25519PublicKey PublicKey => Key.PublicKey;

    /// <inheritdoc/>
    public override JsonObject PublicKeyJwk => Key.PublicKey.ToJwk();

    /// <inheritdoc/>
    public override byte[] Sign(ReadOnlySpan<byte> data) => Key.Sign(data);
}
