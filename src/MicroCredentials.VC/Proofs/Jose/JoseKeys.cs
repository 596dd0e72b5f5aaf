using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// Public keys for VC-JOSE-COSE verification (RFC 7517 JWK, RFC 7518 §6, RFC 8037 §2): a resolved verification
/// method becomes a public key of the one JWS algorithm table (<see cref="JwsAlgorithm"/>): BCL (EC, RSA) or this
/// library's Ed25519, which also decides the algorithm-to-key fit.
/// </summary>
internal static class JoseKeys
{
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
            key = new VerificationKey(JwsPublicKey.FromEd25519(ed));
            error = null;
            return true;
        }

        if (method.PublicKeyJwk is not { } jwk)
        {
            error = "The verification method has no public key.";
            return false;
        }

        if (Str(jwk, "kty") == "OKP")
        {
            error = "The public JWK is not an Ed25519 key this verifier supports.";
            return false;
        }

        if (!JwsPublicKey.TryFromJwk(jwk, out var publicKey, out error))
        {
            return false;
        }

        key = new VerificationKey(publicKey);
        return true;
    }

    /// <summary>Whether a JWS algorithm fits a key (type, curve, size); the reason when it does not.</summary>
    public static bool Fits(string alg, string kty, string? crv, int keySize, [NotNullWhen(false)] out string? reason)
    {
        var keyType = kty switch { "OKP" => JwsKeyType.Okp, "EC" => JwsKeyType.Ec, _ => JwsKeyType.Rsa };
        if (!JoseAlgorithms.IsSupported(alg) || !JwsAlgorithm.TryGet(alg, out var algorithm))
        {
            reason = $"The algorithm {alg} is not supported for vc+jwt.";
            return false;
        }

        reason = kty is "OKP" or "EC" or "RSA" ? algorithm.KeyProblem(keyType, crv, keySize) : $"The algorithm {alg} does not fit the key ({kty}).";
        return reason is null;
    }

    internal static ECCurve? CurveOf(string? crv) => Crypto.JwsKeys.CurveOf(crv);

    internal static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    internal static bool TryB64(JsonObject o, string name, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        return Str(o, name) is { } s && Base64Url.TryDecode(s, out bytes) && bytes.Length > 0;
    }
}

/// <summary>A verification key and the BCL object it owns.</summary>
internal sealed class VerificationKey(JwsPublicKey key) : IDisposable
{
    public JwsPublicKey Key { get; } = key;

    public string Kty { get; } = JwsKeys.KtyOf(key.KeyType);

    public string? Crv { get; } = key.Curve;

    public int KeySize { get; } = key.KeySize;

    /// <summary>Verifies a JWS signature with the table's algorithm <paramref name="alg"/>; false for any bad input.</summary>
    public bool Verify(string alg, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature) =>
        JwsAlgorithm.TryGet(alg, out var algorithm) && algorithm.Verify(Key, signingInput, signature, out _);

    public void Dispose() => Key.Dispose();
}
