using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Dids;

/// <summary>
/// Checks public JSON Web Keys found in DIDs and DID documents (RFC 7517 §4, RFC 7518 §6.2.1 for EC, RFC 8037 §2 for
/// OKP): OKP Ed25519/X25519 and EC P-256/P-384/P-521 (the point must lie on the curve). Private members are refused.
/// Messages name members, never values.
/// </summary>
internal static class PublicJwk
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    /// <summary>Validates a public JWK and returns a copy holding only its public members (<c>kty</c>, <c>crv</c>, <c>x</c>, <c>y</c>, and <c>alg</c>, <c>use</c>, <c>kid</c>, <c>key_ops</c> when present).</summary>
    /// <remarks>Codes: <c>jwk.privateKey</c> (a private member is present), <c>jwk.unsupported</c> (key type or curve), <c>jwk.invalid</c> (anything else).</remarks>
    public static bool TryValidate(JsonObject jwk, [NotNullWhen(true)] out JsonObject? publicJwk, [NotNullWhen(false)] out Problem? problem)
    {
        if (TryValidateCore(jwk, out publicJwk, out var code, out var error))
        {
            problem = null;
            return true;
        }

        problem = new Problem(code, error);
        return false;
    }

    private static bool TryValidateCore(JsonObject jwk, [NotNullWhen(true)] out JsonObject? publicJwk, out string code, [NotNullWhen(false)] out string? error)
    {
        code = "jwk.invalid";
        publicJwk = null;
        foreach (var member in PrivateMembers)
        {
            if (jwk.ContainsKey(member))
            {
                code = "jwk.privateKey";
                error = "The JWK holds private key material (\"" + member + "\"); a DID or DID document may carry only a public key.";
                return false;
            }
        }

        if (!Jwk.TryGetString(jwk, "kty", out var kty, out error) || !Jwk.TryGetString(jwk, "crv", out var crv, out error))
        {
            return false;
        }

        int size;
        switch (kty, crv)
        {
            case ("OKP", "Ed25519" or "X25519"):
                size = 32;
                break;
            case ("EC", "P-256" or "secp256k1"):
                size = 32;
                break;
            case ("EC", "P-384"):
                size = 48;
                break;
            case ("EC", "P-521"):
                size = 66;
                break;
            case (null, _):
                error = "The JWK has no \"kty\".";
                return false;
            default:
                code = "jwk.unsupported";
                error = "The JWK's key type (kty \"" + Jwk.Printable(kty) + "\", crv \"" + Jwk.Printable(crv ?? "(none)") + "\") is not supported; supported: OKP Ed25519/X25519, EC P-256/P-384/P-521/secp256k1.";
                return false;
        }

        if (!TryMember(jwk, "x", size, out var x, out error))
        {
            return false;
        }

        var copy = new JsonObject { ["kty"] = kty, ["crv"] = crv, ["x"] = Base64Url.Encode(x) };
        if (kty == "EC")
        {
            if (!TryMember(jwk, "y", size, out var y, out error))
            {
                return false;
            }

            if (!OnCurve(crv!, x, y))
            {
                error = "The JWK's point (x, y) is not on the " + crv + " curve.";
                return false;
            }

            copy["y"] = Base64Url.Encode(y);
        }

        foreach (var optional in new[] { "alg", "use", "kid", "key_ops" })
        {
            if (jwk[optional] is { } value)
            {
                copy[optional] = value.DeepClone();
            }
        }

        publicJwk = copy;
        error = null;
        return true;
    }

    /// <summary>Whether the JWK is an OKP Ed25519 key.</summary>
    public static bool IsEd25519(JsonObject jwk) => Str(jwk["kty"]) == "OKP" && Str(jwk["crv"]) == "Ed25519";

    /// <summary>The string value of a node, or null when it is absent or not a string.</summary>
    public static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool TryMember(JsonObject jwk, string name, int size, [NotNullWhen(true)] out byte[]? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (!Jwk.TryGetString(jwk, name, out var encoded, out error))
        {
            return false;
        }

        if (encoded is null)
        {
            error = "The JWK has no \"" + name + "\".";
            return false;
        }

        if (!Base64Url.TryDecodeCore(encoded, out var bytes, out var inner))
        {
            error = "The JWK's \"" + name + "\" is not valid base64url: " + inner;
            return false;
        }

        if (bytes.Length != size)
        {
            error = "The JWK's \"" + name + "\" must decode to " + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes, got " + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
            return false;
        }

        value = bytes;
        return true;
    }

    private static bool OnCurve(string crv, byte[] x, byte[] y)
    {
        var curve = Crypto.JwsKeys.CurveOf(crv)!.Value;
        try
        {
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = x, Y = y } });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
