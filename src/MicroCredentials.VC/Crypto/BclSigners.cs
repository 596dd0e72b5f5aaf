using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Signs with a BCL <see cref="ECDsa"/> key on P-256, P-384 or P-521 (<c>ES256</c>, <c>ES384</c>, <c>ES512</c> by the
/// curve; RFC 7518 §3.4), the signature as R ‖ S. The key is not owned: keep it alive while signing. A key whose
/// private part stays in an HSM (e.g. through a platform <see cref="ECDsa"/> implementation) works as well.
/// </summary>
public sealed class EcdsaSigner : LocalSigner
{
    private readonly JwsAlgorithm algorithm;
    private readonly JsonObject publicJwk;

    /// <summary>Creates the signer.</summary>
    /// <param name="key">The key (the caller's), on P-256, P-384, P-521 (ES256/384/512) or secp256k1 (ES256K).</param>
    /// <param name="keyId">The verification method URL or <c>kid</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty, or the key is not on a supported curve.</exception>
    public EcdsaSigner(ECDsa key, string keyId)
        : this(key, keyId, JwsKeys.CurveName(key ?? throw new ArgumentNullException(nameof(key))) ?? throw Error.Argument(nameof(key), "The EC key is not on P-256, P-384, P-521 or secp256k1."))
    {
    }

    private EcdsaSigner(ECDsa key, string keyId, string crv)
        : base(JwsAlgorithm.ForCurve(crv)!.Name, keyId)
    {
        algorithm = JwsAlgorithm.ForCurve(crv)!;
        var p = key.ExportParameters(false);
        publicJwk = new JsonObject { ["kty"] = "EC", ["crv"] = crv, ["x"] = Base64Url.Encode(p.Q.X), ["y"] = Base64Url.Encode(p.Q.Y) };
        Key = key;
    }

    /// <summary>The key.</summary>
    public ECDsa Key { get; }

    /// <inheritdoc/>
    public override JsonObject PublicKeyJwk => (JsonObject)publicJwk.DeepClone();

    /// <inheritdoc/>
    public override byte[] Sign(ReadOnlySpan<byte> data) => algorithm.Sign(Key, data);

}

/// <summary>
/// Signs with a BCL <see cref="RSA"/> key of at least 2048 bits: <c>RS256</c> (RSASSA-PKCS1-v1_5, RFC 7518 §3.3) or
/// <c>PS256</c> (RSASSA-PSS, §3.5). The key is not owned: keep it alive while signing.
/// </summary>
public sealed class RsaSigner : LocalSigner
{
    private readonly JwsAlgorithm algorithm;
    private readonly JsonObject publicJwk;

    /// <summary>Creates the signer.</summary>
    /// <param name="key">The key (the caller's), at least 2048 bits.</param>
    /// <param name="keyId">The verification method URL or <c>kid</c>.</param>
    /// <param name="algorithm"><c>RS256</c> (the default) or <c>PS256</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty, the key is too small, or the algorithm is not an RSA one.</exception>
    public RsaSigner(RSA key, string keyId, string algorithm = SignatureAlgorithms.Rs256)
        : base(RsaAlgorithm(key, algorithm).Name, keyId)
    {
        this.algorithm = RsaAlgorithm(key, algorithm);
        var p = key.ExportParameters(false);
        publicJwk = new JsonObject { ["kty"] = "RSA", ["n"] = Base64Url.Encode(p.Modulus), ["e"] = Base64Url.Encode(p.Exponent) };
        Key = key;
    }

    private static JwsAlgorithm RsaAlgorithm(RSA key, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (algorithm is not (SignatureAlgorithms.Rs256 or SignatureAlgorithms.Ps256 or "RS384" or "RS512" or "PS384" or "PS512") || !JwsAlgorithm.TryGet(algorithm, out var alg))
        {
            throw Error.Argument(nameof(algorithm), "An RSA key signs with RS256 or PS256 (also RS384, RS512, PS384, PS512).");
        }

        return alg.KeyProblem(JwsKeyType.Rsa, null, key.KeySize) is { } problem ? throw Error.Argument(nameof(key), problem) : alg;
    }

    /// <summary>The key.</summary>
    public RSA Key { get; }

    /// <inheritdoc/>
    public override JsonObject PublicKeyJwk => (JsonObject)publicJwk.DeepClone();

    /// <inheritdoc/>
    public override byte[] Sign(ReadOnlySpan<byte> data) => algorithm.Sign(Key, data);

}
