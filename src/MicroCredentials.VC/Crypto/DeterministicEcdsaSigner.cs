using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bc = Org.BouncyCastle.Crypto;
using BcMath = Org.BouncyCastle.Math;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Signs with ECDSA on P-256 (<c>ES256</c>) or P-384 (<c>ES384</c>) using deterministic nonces (RFC 6979 §3.2,
/// HMAC-DRBG with the signature's hash), through BouncyCastle's <c>ECDsaSigner</c> with <c>HMacDsaKCalculator</c>.
/// The same key and message always give the same signature R ‖ S (IEEE P1363): what reproduces the W3C vc-di-ecdsa
/// test vectors byte for byte, and what avoids depending on a random number generator. Verifiers cannot tell it from
/// <see cref="EcdsaSigner"/>, which uses the BCL's randomized nonces.
/// </summary>
/// <remarks>The private scalar is copied out of the BCL key once, when the signer is made: the key must be exportable.</remarks>
public sealed class DeterministicEcdsaSigner : LocalSigner
{
    private readonly Bc.Parameters.ECPrivateKeyParameters privateKey;
    private readonly HashAlgorithmName hash;
    private readonly int fieldSize;
    private readonly JsonObject publicJwk;

    /// <summary>Creates the signer.</summary>
    /// <param name="key">The key (its private part must be exportable), on P-256 or P-384.</param>
    /// <param name="keyId">The verification method URL or <c>kid</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty, or the key is not on P-256 or P-384.</exception>
    /// <exception cref="CryptographicException">The private key cannot be exported.</exception>
    public DeterministicEcdsaSigner(ECDsa key, string keyId)
        : base(AlgorithmOf(key), keyId)
    {
        var crv = JwsKeys.CurveName(key)!;
        var p = key.ExportParameters(true);
        var curve = Org.BouncyCastle.Asn1.Nist.NistNamedCurves.GetByName(crv);
        var domain = new Bc.Parameters.ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H, curve.GetSeed());
        privateKey = new Bc.Parameters.ECPrivateKeyParameters(new BcMath.BigInteger(1, p.D), domain);
        CryptographicOperations.ZeroMemory(p.D);
        hash = crv == "P-256" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;
        fieldSize = crv == "P-256" ? 32 : 48;
        publicJwk = new JsonObject { ["kty"] = "EC", ["crv"] = crv, ["x"] = Base64Url.Encode(p.Q.X), ["y"] = Base64Url.Encode(p.Q.Y) };
    }

    /// <inheritdoc/>
    public override JsonObject PublicKeyJwk => (JsonObject)publicJwk.DeepClone();

    /// <inheritdoc/>
    public override byte[] Sign(ReadOnlySpan<byte> data)
    {
        var digest = hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data) : SHA384.HashData(data);
        Bc.IDigest drbgHash = hash == HashAlgorithmName.SHA256 ? new Bc.Digests.Sha256Digest() : new Bc.Digests.Sha384Digest();
        var signer = new Bc.Signers.ECDsaSigner(new Bc.Signers.HMacDsaKCalculator(drbgHash));
        signer.Init(true, privateKey);
        var rs = signer.GenerateSignature(digest);
        var signature = new byte[2 * fieldSize];
        rs[0].ToByteArrayUnsigned().CopyTo(signature, fieldSize - rs[0].ToByteArrayUnsigned().Length);
        rs[1].ToByteArrayUnsigned().CopyTo(signature, (2 * fieldSize) - rs[1].ToByteArrayUnsigned().Length);
        return signature;
    }

    private static string AlgorithmOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return JwsKeys.CurveName(key) switch
        {
            "P-256" => SignatureAlgorithms.Es256,
            "P-384" => SignatureAlgorithms.Es384,
            _ => throw Error.Argument(nameof(key), "Deterministic ECDSA signs with keys on P-256 or P-384."),
        };
    }
}
