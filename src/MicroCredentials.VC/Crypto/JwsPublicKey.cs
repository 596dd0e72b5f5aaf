using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// A public key for <see cref="JwsAlgorithm.Verify"/>: Ed25519, or a BCL ECDSA/RSA key this object owns (dispose it).
/// Built from a public JWK (RFC 7517, RFC 7518 §6.2–6.3, RFC 8037 §2), an X.509 certificate or an Ed25519 key.
/// </summary>
internal sealed class JwsPublicKey : IDisposable
{
    private JwsPublicKey(JwsKeyType keyType, string? curve, int keySize, Ed25519PublicKey? ed25519, ECDsa? ecdsa, RSA? rsa)
    {
        KeyType = keyType;
        Curve = curve;
        KeySize = keySize;
        Ed25519 = ed25519;
        Ecdsa = ecdsa;
        Rsa = rsa;
    }

    /// <summary>The key type.</summary>
    internal JwsKeyType KeyType { get; }

    /// <summary>The JWK <c>crv</c>, null for RSA.</summary>
    internal string? Curve { get; }

    /// <summary>The size in bits.</summary>
    internal int KeySize { get; }

    /// <summary>The Ed25519 key (OKP).</summary>
    internal Ed25519PublicKey? Ed25519 { get; }

    /// <summary>The ECDSA key (EC).</summary>
    internal ECDsa? Ecdsa { get; }

    /// <summary>The RSA key.</summary>
    internal RSA? Rsa { get; }

    /// <summary>Wraps an Ed25519 public key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The verification key.</returns>
    internal static JwsPublicKey FromEd25519(Ed25519PublicKey key) => new(JwsKeyType.Okp, Jwk.CurveEd25519, 256, key, null, null);

    /// <summary>Reads a public JWK: OKP Ed25519, EC P-256/P-384/P-521 or RSA.</summary>
    /// <param name="jwk">The JWK (private members are ignored).</param>
    /// <param name="key">The key.</param>
    /// <param name="error">Why the JWK is not usable.</param>
    /// <returns>Whether the JWK is a usable public key.</returns>
    internal static bool TryFromJwk(JsonObject jwk, [NotNullWhen(true)] out JwsPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        var kty = JwsKeys.Str(jwk, "kty");
        try
        {
            switch (kty)
            {
                case "OKP":
                    if (!Ed25519PublicKey.TryFromJwkCore(jwk, out var ed, out error))
                    {
                        return false;
                    }

                    key = FromEd25519(ed);
                    return true;

                case "EC":
                    {
                        var crv = JwsKeys.Str(jwk, "crv");
                        var curve = JwsKeys.CurveOf(crv);
                        if (curve is null || !JwsKeys.TryB64(jwk, "x", out var x) || !JwsKeys.TryB64(jwk, "y", out var y))
                        {
                            error = "The EC public key needs crv P-256, P-384 or P-521, and x and y.";
                            return false;
                        }

                        var ecdsa = ECDsa.Create(new ECParameters { Curve = curve.Value, Q = new ECPoint { X = x, Y = y } });
                        key = new JwsPublicKey(JwsKeyType.Ec, crv, ecdsa.KeySize, null, ecdsa, null);
                        error = null;
                        return true;
                    }

                case "RSA":
                    {
                        if (!JwsKeys.TryB64(jwk, "n", out var n) || !JwsKeys.TryB64(jwk, "e", out var e))
                        {
                            error = "The RSA public key needs n and e.";
                            return false;
                        }

                        var rsa = RSA.Create(new RSAParameters { Modulus = n, Exponent = e });
                        key = new JwsPublicKey(JwsKeyType.Rsa, null, rsa.KeySize, null, null, rsa);
                        error = null;
                        return true;
                    }

                default:
                    error = kty is null ? "The public JWK has no kty." : "The public JWK has key type '" + Jwk.Printable(kty) + "', which is not supported (EC, RSA or OKP Ed25519).";
                    return false;
            }
        }
        catch (CryptographicException)
        {
            error = "The public JWK is not a valid " + kty + " key (the point is not on the curve, or the values are malformed).";
            return false;
        }
    }

    /// <summary>The public key of a certificate (RSA or ECDSA on P-256/P-384/P-521), or an error naming its type.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="key">The key.</param>
    /// <param name="error">Why the key is not usable.</param>
    /// <returns>Whether the certificate holds a usable key.</returns>
    internal static bool TryFromCertificate(X509Certificate2 certificate, [NotNullWhen(true)] out JwsPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            key = new JwsPublicKey(JwsKeyType.Rsa, null, rsa.KeySize, null, null, rsa);
            error = null;
            return true;
        }

        var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            key = new JwsPublicKey(JwsKeyType.Ec, JwsKeys.CurveName(ecdsa), ecdsa.KeySize, null, ecdsa, null);
            error = null;
            return true;
        }

        error = "the certificate's key is " + (certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "of an unknown type");
        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Ecdsa?.Dispose();
        Rsa?.Dispose();
    }
}

/// <summary>JWK helpers shared by the JWS table, the signers and the JOSE layer.</summary>
internal static class JwsKeys
{
    /// <summary>The BCL curve of a JWK <c>crv</c>, or null.</summary>
    internal static ECCurve? CurveOf(string? crv) => crv switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        "P-521" => ECCurve.NamedCurves.nistP521,
        "secp256k1" => ECCurve.CreateFromValue(Secp256k1Oid),
        _ => null,
    };

    /// <summary>The OID of secp256k1 (SEC 2).</summary>
    internal const string Secp256k1Oid = "1.3.132.0.10";

    /// <summary>The JWK <c>crv</c> of an ECDSA key by its curve (OID, else size), or null when not a NIST curve.</summary>
    internal static string? CurveName(ECDsa key)
    {
        string? oid;
        try
        {
            oid = key.ExportParameters(false).Curve.Oid?.Value;
        }
        catch (CryptographicException)
        {
            // A key held where its parameters cannot be exported: fall back to its size.
            oid = null;
        }

        return oid switch
        {
            "1.2.840.10045.3.1.7" => "P-256",
            "1.3.132.0.34" => "P-384",
            "1.3.132.0.35" => "P-521",
            Secp256k1Oid => "secp256k1",
            null => key.KeySize switch { 256 => "P-256", 384 => "P-384", 521 => "P-521", _ => null },
            _ => null,
        };
    }

    /// <summary>The JWK <c>kty</c> of a key type.</summary>
    internal static string KtyOf(JwsKeyType keyType) => keyType switch
    {
        JwsKeyType.Okp => "OKP",
        JwsKeyType.Ec => "EC",
        _ => "RSA",
    };

    /// <summary>The RFC 7638 JWK thumbprint (SHA-256, base64url) of a public OKP, EC or RSA JWK.</summary>
    internal static string Thumbprint(JsonObject jwk)
    {
        var canonical = Str(jwk, "kty") switch
        {
            "EC" => "{\"crv\":\"" + Str(jwk, "crv") + "\",\"kty\":\"EC\",\"x\":\"" + Str(jwk, "x") + "\",\"y\":\"" + Str(jwk, "y") + "\"}",
            "OKP" => "{\"crv\":\"" + Str(jwk, "crv") + "\",\"kty\":\"OKP\",\"x\":\"" + Str(jwk, "x") + "\"}",
            _ => "{\"e\":\"" + Str(jwk, "e") + "\",\"kty\":\"RSA\",\"n\":\"" + Str(jwk, "n") + "\"}",
        };
        return Base64Url.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A string member, or null.</summary>
    internal static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>A non-empty base64url member.</summary>
    internal static bool TryB64(JsonObject o, string name, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        return Str(o, name) is { } s && Base64Url.TryDecode(s, out bytes) && bytes.Length > 0;
    }
}
