using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// The one table of JWS signature algorithms (RFC 7518 §3.1, §3.3–3.5; RFC 8037 §3.1) this library signs and
/// verifies with, for vc+jwt (VC-JOSE-COSE), JAdES seals and the <see cref="ISigner"/> implementations: EdDSA
/// (Ed25519), ES256/ES384/ES512 (ECDSA on P-256/P-384/P-521, signature R ‖ S in IEEE P1363 form), ES256K
/// (secp256k1, RFC 8812), RS256/384/512
/// (RSASSA-PKCS1-v1_5) and PS256/384/512 (RSASSA-PSS, salt the hash length). Unsecured (<c>none</c>) and MAC
/// (<c>HS*</c>) algorithms are never in it. Ed25519 runs on <see cref="Ed25519"/> (NSec), the rest on the BCL.
/// </summary>
internal sealed class JwsAlgorithm
{
    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    internal const int MinimumRsaKeySize = 2048;

    private static readonly Dictionary<string, JwsAlgorithm> Table = new(StringComparer.Ordinal)
    {
        ["EdDSA"] = new("EdDSA", JwsKeyType.Okp, "Ed25519", default, null, 0),
        ["ES256"] = new("ES256", JwsKeyType.Ec, "P-256", HashAlgorithmName.SHA256, null, 256),
        ["ES384"] = new("ES384", JwsKeyType.Ec, "P-384", HashAlgorithmName.SHA384, null, 384),
        ["ES512"] = new("ES512", JwsKeyType.Ec, "P-521", HashAlgorithmName.SHA512, null, 521),
        ["ES256K"] = new("ES256K", JwsKeyType.Ec, "secp256k1", HashAlgorithmName.SHA256, null, 256),
        ["RS256"] = new("RS256", JwsKeyType.Rsa, null, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, 0),
        ["RS384"] = new("RS384", JwsKeyType.Rsa, null, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1, 0),
        ["RS512"] = new("RS512", JwsKeyType.Rsa, null, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1, 0),
        ["PS256"] = new("PS256", JwsKeyType.Rsa, null, HashAlgorithmName.SHA256, RSASignaturePadding.Pss, 0),
        ["PS384"] = new("PS384", JwsKeyType.Rsa, null, HashAlgorithmName.SHA384, RSASignaturePadding.Pss, 0),
        ["PS512"] = new("PS512", JwsKeyType.Rsa, null, HashAlgorithmName.SHA512, RSASignaturePadding.Pss, 0),
    };

    private JwsAlgorithm(string name, JwsKeyType keyType, string? curve, HashAlgorithmName hash, RSASignaturePadding? padding, int curveBits)
    {
        Name = name;
        KeyType = keyType;
        Curve = curve;
        Hash = hash;
        Padding = padding;
        CurveBits = curveBits;
    }

    /// <summary>The JWS <c>alg</c>.</summary>
    internal string Name { get; }

    /// <summary>The key type the algorithm needs.</summary>
    internal JwsKeyType KeyType { get; }

    /// <summary>The JWK <c>crv</c> the algorithm needs (EdDSA: Ed25519; ES*: the NIST curve), null for RSA.</summary>
    internal string? Curve { get; }

    /// <summary>The hash (ES*, RS*, PS*).</summary>
    internal HashAlgorithmName Hash { get; }

    /// <summary>The RSA padding (RS*: PKCS #1 v1.5, PS*: PSS), null otherwise.</summary>
    internal RSASignaturePadding? Padding { get; }

    /// <summary>The ECDSA curve size in bits, 0 otherwise.</summary>
    internal int CurveBits { get; }

    /// <summary>The names of every algorithm in the table.</summary>
    internal static IEnumerable<string> Names => Table.Keys;

    /// <summary>Looks an algorithm up by its JWS name.</summary>
    /// <param name="name">The <c>alg</c>.</param>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>Whether it is in the table.</returns>
    internal static bool TryGet(string? name, [NotNullWhen(true)] out JwsAlgorithm? algorithm)
    {
        algorithm = null;
        return name is not null && Table.TryGetValue(name, out algorithm);
    }

    /// <summary>The algorithm by name (for names this library writes itself).</summary>
    /// <param name="name">The <c>alg</c>.</param>
    /// <returns>The algorithm.</returns>
    internal static JwsAlgorithm Get(string name) => Table[name];

    /// <summary>The ECDSA algorithm of a JWK curve (P-256 → ES256, P-384 → ES384, P-521 → ES512, secp256k1 → ES256K), or null.</summary>
    /// <param name="crv">The JWK <c>crv</c>.</param>
    /// <returns>The algorithm, or null.</returns>
    internal static JwsAlgorithm? ForCurve(string? crv) =>
        crv is null ? null : Table.Values.FirstOrDefault(a => a.KeyType == JwsKeyType.Ec && a.Curve == crv);

    /// <summary>The ECDSA algorithm for a NIST curve's size (256, 384, 521 bits), or null.</summary>
    /// <param name="keySize">The key size in bits.</param>
    /// <returns>ES256, ES384, ES512 or null.</returns>
    internal static JwsAlgorithm? ForEcdsaKeySize(int keySize) => keySize switch
    {
        256 => Table["ES256"],
        384 => Table["ES384"],
        521 => Table["ES512"],
        _ => null,
    };

    /// <summary>Why a key of this type, curve and size cannot be used with the algorithm, or null when it can.</summary>
    /// <param name="keyType">The key's type.</param>
    /// <param name="curve">The key's curve (JWK <c>crv</c>), null for RSA.</param>
    /// <param name="keySize">The key's size in bits.</param>
    /// <returns>The reason, or null.</returns>
    internal string? KeyProblem(JwsKeyType keyType, string? curve, int keySize)
    {
        var shown = $"{JwsKeys.KtyOf(keyType)}{(curve is null ? string.Empty : " " + curve)}{(keyType == JwsKeyType.Rsa ? ", " + keySize + " bits" : string.Empty)}";
        if (keyType != KeyType || (KeyType != JwsKeyType.Rsa && curve != Curve))
        {
            return $"The algorithm {Name} does not fit the key ({shown}): it needs an {(KeyType == JwsKeyType.Rsa ? "RSA" : JwsKeys.KtyOf(KeyType) + " " + Curve)} key.";
        }

        return KeyType == JwsKeyType.Rsa && keySize < MinimumRsaKeySize
            ? $"The algorithm {Name} does not fit the key ({shown}; at least {MinimumRsaKeySize} are required)."
            : null;
    }

    /// <summary>Signs with an ECDSA key (the signature as R ‖ S).</summary>
    /// <param name="key">The key; its curve must be the algorithm's.</param>
    /// <param name="data">The JWS signing input.</param>
    /// <returns>The signature.</returns>
    internal byte[] Sign(ECDsa key, ReadOnlySpan<byte> data)
    {
        RequireKey(JwsKeyType.Ec, JwsKeys.CurveName(key), key.KeySize);
        return key.SignData(data, Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Signs with an RSA key.</summary>
    /// <param name="key">The key (at least 2048 bits).</param>
    /// <param name="data">The JWS signing input.</param>
    /// <returns>The signature.</returns>
    internal byte[] Sign(RSA key, ReadOnlySpan<byte> data)
    {
        RequireKey(JwsKeyType.Rsa, null, key.KeySize);
        return key.SignData(data, Hash, Padding!);
    }

    /// <summary>Signs with an Ed25519 key (EdDSA).</summary>
    /// <param name="key">The key.</param>
    /// <param name="data">The JWS signing input.</param>
    /// <returns>The 64-byte signature.</returns>
    internal byte[] Sign(Ed25519SigningKey key, ReadOnlySpan<byte> data)
    {
        RequireKey(JwsKeyType.Okp, Jwk.CurveEd25519, 256);
        return key.Sign(data);
    }

    /// <summary>
    /// Verifies a signature. Never throws for bad input: a key that does not fit, a signature of the wrong length or
    /// a malformed one gives false (<paramref name="keyProblem"/> says when it was the key).
    /// </summary>
    /// <param name="key">The public key.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="keyProblem">Why the key does not fit the algorithm, or null.</param>
    /// <returns>Whether the signature verifies.</returns>
    internal bool Verify(JwsPublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, out string? keyProblem)
    {
        keyProblem = KeyProblem(key.KeyType, key.Curve, key.KeySize);
        if (keyProblem is not null)
        {
            return false;
        }

        try
        {
            return KeyType switch
            {
                JwsKeyType.Okp => key.Ed25519!.Verify(data, signature),
                JwsKeyType.Ec => signature.Length == 2 * ((CurveBits + 7) / 8)
                    && key.Ecdsa!.VerifyData(data, signature, Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => key.Rsa!.VerifyData(data, signature, Hash, Padding!),
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private void RequireKey(JwsKeyType keyType, string? curve, int keySize)
    {
        if (KeyProblem(keyType, curve, keySize) is { } problem)
        {
            throw Error.Argument("key", problem);
        }
    }
}

/// <summary>The key types of the JWS algorithm table (JWK <c>kty</c>).</summary>
internal enum JwsKeyType
{
    /// <summary><c>OKP</c> (Ed25519).</summary>
    Okp,

    /// <summary><c>EC</c>.</summary>
    Ec,

    /// <summary><c>RSA</c>.</summary>
    Rsa,
}
