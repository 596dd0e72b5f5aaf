using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// The JWS signature algorithms allowed for JAdES seals (ETSI TS 119 182-1 over RFC 7518 §3.3–3.5): RS256/384/512,
/// PS256/384/512 and ES256/384/512, a subset of the one internal JWS algorithm table (<see cref="JwsAlgorithm"/>),
/// which does the key checks, signing and verifying with the certificate's key. Unsecured (<c>none</c>), MAC
/// (<c>HS*</c>) and EdDSA (no qualified seal certificates) are never allowed here.
/// </summary>
internal sealed class JadesAlgorithms
{
    private static readonly string[] Allowed = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    private readonly JwsAlgorithm algorithm;

    private JadesAlgorithms(JwsAlgorithm algorithm) => this.algorithm = algorithm;

    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinimumRsaKeySize = JwsAlgorithm.MinimumRsaKeySize;

    public string Name => algorithm.Name;

    /// <summary>The table entry.</summary>
    internal JwsAlgorithm Algorithm => algorithm;

    public static bool TryGet(string name, [NotNullWhen(true)] out JadesAlgorithms? result)
    {
        result = null;
        if (!Allowed.Contains(name, StringComparer.Ordinal) || !JwsAlgorithm.TryGet(name, out var entry))
        {
            return false;
        }

        result = new JadesAlgorithms(entry);
        return true;
    }

    /// <summary>The algorithm a key is sealed with by default: RS256 for RSA, ES256/384/512 for the P-256/384/521 curves.</summary>
    public static string? DefaultFor(X509Certificate2 certificate)
    {
        if (!JwsPublicKey.TryFromCertificate(certificate, out var key, out _))
        {
            return null;
        }

        using (key)
        {
            return key.KeyType == JwsKeyType.Rsa ? "RS256" : JwsAlgorithm.ForEcdsaKeySize(key.KeySize)?.Name;
        }
    }

    /// <summary>Why the certificate's key cannot be used with this algorithm, or null when it can.</summary>
    public string? KeyProblem(X509Certificate2 certificate)
    {
        if (!JwsPublicKey.TryFromCertificate(certificate, out var key, out var error))
        {
            return $"{Name} needs an {(algorithm.KeyType == JwsKeyType.Rsa ? "RSA" : "ECDSA")} key, but {error}.";
        }

        using (key)
        {
            return algorithm.KeyProblem(key.KeyType, key.Curve, key.KeySize);
        }
    }

    /// <summary>Verifies a signature with the certificate's public key; <paramref name="keyProblem"/> says why the key does not fit.</summary>
    public bool Verify(X509Certificate2 certificate, byte[] input, byte[] signature, out string? keyProblem)
    {
        if (!JwsPublicKey.TryFromCertificate(certificate, out var key, out var error))
        {
            keyProblem = $"{Name} needs an {(algorithm.KeyType == JwsKeyType.Rsa ? "RSA" : "ECDSA")} key, but {error}.";
            return false;
        }

        using (key)
        {
            return algorithm.Verify(key, input, signature, out keyProblem);
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

        if (algorithm.KeyType == JwsKeyType.Ec)
        {
            using var ecdsa = certificate.GetECDsaPrivateKey() ?? throw Error.Argument(nameof(certificate), "The certificate has no ECDSA private key.");
            return algorithm.Sign(ecdsa, input);
        }

        using var rsa = certificate.GetRSAPrivateKey() ?? throw Error.Argument(nameof(certificate), "The certificate has no RSA private key.");
        return algorithm.Sign(rsa, input);
    }
}
