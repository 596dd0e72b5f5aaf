using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// Public keys for VC-JOSE-COSE verification (RFC 7517 JWK, RFC 7518 §6, RFC 8037 §2): a resolved verification
/// method becomes an IdentityModel <see cref="SecurityKey"/> backed by the BCL (EC, RSA) or by this library
/// (Ed25519), and the algorithm-to-key fit is decided here.
/// </summary>
internal static class JoseKeys
{
    /// <summary>
    /// IdentityModel's default factory caches signature providers by key thumbprint; our BCL key objects live only for
    /// one verification, so a cached provider would outlive its (disposed) key. Keys get this non-caching factory instead.
    /// </summary>
    internal static readonly CryptoProviderFactory NonCachingFactory = new() { CacheSignatureProviders = false };

    private static readonly string[] PublicMembers = ["kty", "crv", "x", "y", "n", "e", "kid", "alg", "use"];

    /// <summary>A copy of a JWK with only its public members, or null when it is not an EC, RSA or OKP key.</summary>
    public static JsonObject? PublicJwkOrNull(JsonObject jwk)
    {
        if (jwk["kty"] is not JsonValue kv || !kv.TryGetValue(out string? kty) || kty is not ("EC" or "RSA" or "OKP"))
        {
            return null;
        }

        var copy = new JsonObject();
        foreach (var name in PublicMembers)
        {
            if (jwk[name] is JsonValue v)
            {
                copy[name] = v.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>
    /// A verification key for a resolved method: Ed25519 (from <see cref="VerificationMethod.PublicKey"/>), or EC/RSA from
    /// its <see cref="VerificationMethod.PublicKeyJwk"/>. The caller disposes the result (it owns the BCL key object).
    /// </summary>
    public static bool TryCreateVerificationKey(VerificationMethod method, [NotNullWhen(true)] out VerificationKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (method.PublicKey is { } ed)
        {
            key = new VerificationKey(new Ed25519SecurityKey(ed) { KeyId = method.Id }, "OKP", "Ed25519", 256, null);
            error = null;
            return true;
        }

        if (method.PublicKeyJwk is not { } jwk)
        {
            error = "The verification method has no public key.";
            return false;
        }

        var kty = Str(jwk, "kty");
        try
        {
            switch (kty)
            {
                case "EC":
                    {
                        var crv = Str(jwk, "crv");
                        var curve = CurveOf(crv);
                        if (curve is null || !TryB64(jwk, "x", out var x) || !TryB64(jwk, "y", out var y))
                        {
                            error = "The EC public key needs crv P-256, P-384 or P-521, and x and y.";
                            return false;
                        }

                        var ecdsa = ECDsa.Create(new ECParameters { Curve = curve.Value, Q = new ECPoint { X = x, Y = y } });
                        key = new VerificationKey(new ECDsaSecurityKey(ecdsa) { KeyId = method.Id, CryptoProviderFactory = NonCachingFactory }, "EC", crv, ecdsa.KeySize, ecdsa);
                        error = null;
                        return true;
                    }

                case "RSA":
                    {
                        if (!TryB64(jwk, "n", out var n) || !TryB64(jwk, "e", out var e))
                        {
                            error = "The RSA public key needs n and e.";
                            return false;
                        }

                        var rsa = RSA.Create(new RSAParameters { Modulus = n, Exponent = e });
                        key = new VerificationKey(new RsaSecurityKey(rsa) { KeyId = method.Id, CryptoProviderFactory = NonCachingFactory }, "RSA", null, rsa.KeySize, rsa);
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

    /// <summary>Whether a JWS algorithm fits a key (type, curve, size); the reason when it does not.</summary>
    public static bool Fits(string alg, string kty, string? crv, int keySize, [NotNullWhen(false)] out string? reason)
    {
        var ok = alg switch
        {
            JoseAlgorithms.EdDsa => kty == "OKP" && crv == "Ed25519",
            JoseAlgorithms.Es256 or JoseAlgorithms.Es384 or JoseAlgorithms.Es512 => kty == "EC" && JoseAlgorithms.ForCurve(crv) == alg,
            JoseAlgorithms.Rs256 or JoseAlgorithms.Ps256 => kty == "RSA" && keySize >= 2048,
            _ => false,
        };
        reason = ok ? null : $"The algorithm {alg} does not fit the key ({kty}{(crv is null ? string.Empty : " " + crv)}{(kty == "RSA" ? ", " + keySize + " bits; at least 2048 are required" : string.Empty)}).";
        return ok;
    }

    internal static ECCurve? CurveOf(string? crv) => crv switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        "P-521" => ECCurve.NamedCurves.nistP521,
        _ => null,
    };

    internal static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    internal static bool TryB64(JsonObject o, string name, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        return Str(o, name) is { } s && Base64Url.TryDecode(s, out bytes) && bytes.Length > 0;
    }
}

/// <summary>A verification key and the BCL object it owns.</summary>
internal sealed class VerificationKey(SecurityKey key, string kty, string? crv, int keySize, IDisposable? owned) : IDisposable
{
    public SecurityKey Key { get; } = key;

    public string Kty { get; } = kty;

    public string? Crv { get; } = crv;

    public int KeySize { get; } = keySize;

    public void Dispose() => owned?.Dispose();
}
