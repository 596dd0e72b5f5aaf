using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// The JWS signature algorithms allowed for JAdES seals (RFC 7518 §3.3–3.5): RSASSA-PKCS1-v1_5 (RS*), RSASSA-PSS (PS*)
/// and ECDSA with the signature as R‖S (ES*, IEEE P1363 form). Unsecured (<c>none</c>) and MAC (<c>HS*</c>) algorithms
/// never are. Every operation uses the .NET cryptography of the certificate's key.
/// </summary>
internal sealed class JadesAlgorithms
{
    private static readonly Dictionary<string, JadesAlgorithms> All = new(StringComparer.Ordinal)
    {
        ["RS256"] = new("RS256", Kind.Rsa, HashAlgorithmName.SHA256, 0),
        ["RS384"] = new("RS384", Kind.Rsa, HashAlgorithmName.SHA384, 0),
        ["RS512"] = new("RS512", Kind.Rsa, HashAlgorithmName.SHA512, 0),
        ["PS256"] = new("PS256", Kind.RsaPss, HashAlgorithmName.SHA256, 0),
        ["PS384"] = new("PS384", Kind.RsaPss, HashAlgorithmName.SHA384, 0),
        ["PS512"] = new("PS512", Kind.RsaPss, HashAlgorithmName.SHA512, 0),
        ["ES256"] = new("ES256", Kind.Ecdsa, HashAlgorithmName.SHA256, 256),
        ["ES384"] = new("ES384", Kind.Ecdsa, HashAlgorithmName.SHA384, 384),
        ["ES512"] = new("ES512", Kind.Ecdsa, HashAlgorithmName.SHA512, 521),
    };

    private JadesAlgorithms(string name, Kind kind, HashAlgorithmName hash, int curveBits)
    {
        Name = name;
        KeyKind = kind;
        Hash = hash;
        CurveBits = curveBits;
    }

    private enum Kind
    {
        Rsa,
        RsaPss,
        Ecdsa,
    }

    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinimumRsaKeySize = 2048;

    public string Name { get; }

    private Kind KeyKind { get; }

    private HashAlgorithmName Hash { get; }

    private int CurveBits { get; }

    public static bool TryGet(string name, [NotNullWhen(true)] out JadesAlgorithms? algorithm) => All.TryGetValue(name, out algorithm);

    /// <summary>The algorithm a key is sealed with by default: RS256 for RSA, ES256/384/512 for the P-256/384/521 curves.</summary>
    public static string? DefaultFor(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return "RS256";
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa?.KeySize switch
        {
            256 => "ES256",
            384 => "ES384",
            521 => "ES512",
            _ => null,
        };
    }

    /// <summary>Why the certificate's key cannot be used with this algorithm, or null when it can.</summary>
    public string? KeyProblem(X509Certificate2 certificate)
    {
        if (KeyKind is Kind.Rsa or Kind.RsaPss)
        {
            using var rsa = certificate.GetRSAPublicKey();
            return rsa is null ? $"{Name} needs an RSA key, but the certificate's key is {KeyType(certificate)}."
                : rsa.KeySize < MinimumRsaKeySize ? $"{Name} needs an RSA key of at least {MinimumRsaKeySize} bits; the certificate's has {rsa.KeySize}."
                : null;
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is null ? $"{Name} needs an ECDSA key, but the certificate's key is {KeyType(certificate)}."
            : ecdsa.KeySize != CurveBits ? $"{Name} needs an ECDSA key on the P-{CurveBits} curve; the certificate's key is {ecdsa.KeySize} bits."
            : null;
    }

    /// <summary>Verifies a signature with the certificate's public key; <paramref name="keyProblem"/> says why the key does not fit.</summary>
    public bool Verify(X509Certificate2 certificate, byte[] input, byte[] signature, out string? keyProblem)
    {
        keyProblem = KeyProblem(certificate);
        if (keyProblem is not null)
        {
            return false;
        }

        try
        {
            if (KeyKind is Kind.Ecdsa)
            {
                using var ecdsa = certificate.GetECDsaPublicKey()!;
                var field = (CurveBits + 7) / 8;
                return signature.Length == 2 * field
                    && ecdsa.VerifyData(input, signature, Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }

            using var rsa = certificate.GetRSAPublicKey()!;
            return rsa.VerifyData(input, signature, Hash, KeyKind is Kind.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Signs with the certificate's private key (ECDSA as R‖S).</summary>
    /// <exception cref="ArgumentException">The certificate has no private key of the algorithm's kind.</exception>
    public byte[] Sign(X509Certificate2 certificate, byte[] input)
    {
        if (KeyProblem(certificate) is { } problem)
        {
            throw Error.Argument(nameof(certificate), problem);
        }

        if (KeyKind is Kind.Ecdsa)
        {
            using var ecdsa = certificate.GetECDsaPrivateKey() ?? throw Error.Argument(nameof(certificate), "The certificate has no ECDSA private key.");
            return ecdsa.SignData(input, Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        using var rsa = certificate.GetRSAPrivateKey() ?? throw Error.Argument(nameof(certificate), "The certificate has no RSA private key.");
        return rsa.SignData(input, Hash, KeyKind is Kind.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
    }

    private static string KeyType(X509Certificate2 certificate) => certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "of an unknown type";
}
