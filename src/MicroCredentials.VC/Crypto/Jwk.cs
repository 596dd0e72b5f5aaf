using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Crypto;

/// <summary>Reading OKP/Ed25519 JSON Web Keys (RFC 8037 §2, RFC 7517 §4). Messages name fields, never values.</summary>
internal static class Jwk
{
    internal const string KeyTypeOkp = "OKP";
    internal const string CurveEd25519 = "Ed25519";

    /// <summary>Checks <c>kty</c>, <c>crv</c> and <c>alg</c> and decodes the named 32-byte member.</summary>
    internal static bool TryReadEd25519Member(JsonObject jwk, string member, bool required, out byte[]? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (!TryGetString(jwk, "kty", out var kty, out error))
        {
            return false;
        }

        if (kty != KeyTypeOkp)
        {
            error = kty is null
                ? "The JWK has no \"kty\"; an Ed25519 JWK has \"kty\": \"OKP\" (RFC 8037)."
                : "The JWK is not an Ed25519 key: \"kty\" is \"" + Printable(kty) + "\", expected \"OKP\" (RFC 8037).";
            return false;
        }

        if (!TryGetString(jwk, "crv", out var crv, out error))
        {
            return false;
        }

        if (crv != CurveEd25519)
        {
            error = crv is null
                ? "The JWK has no \"crv\"; expected \"Ed25519\" (RFC 8037)."
                : "The JWK is not an Ed25519 key: \"crv\" is \"" + Printable(crv) + "\", expected \"Ed25519\".";
            return false;
        }

        if (!TryGetString(jwk, "alg", out var alg, out error))
        {
            return false;
        }

        if (alg is not null && alg != "EdDSA" && alg != "Ed25519")
        {
            error = "The JWK's \"alg\" is \"" + Printable(alg) + "\"; an Ed25519 key allows only \"EdDSA\" or \"Ed25519\".";
            return false;
        }

        if (!TryGetString(jwk, member, out var encoded, out error))
        {
            return false;
        }

        if (encoded is null)
        {
            if (required)
            {
                error = "The JWK has no \"" + member + "\".";
                return false;
            }

            return true;
        }

        if (!Base64Url.TryDecodeCore(encoded, out var bytes, out var inner))
        {
            error = "The JWK's \"" + member + "\" is not valid: " + inner;
            return false;
        }

        if (bytes.Length != 32)
        {
            Array.Clear(bytes);
            error = "The JWK's \"" + member + "\" must decode to 32 bytes, got " + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
            return false;
        }

        value = bytes;
        return true;
    }

    internal static bool TryGetString(JsonObject obj, string name, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return true;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            error = "\"" + name + "\" must be a string.";
            return false;
        }

        value = node.GetValue<string>();
        return true;
    }

    /// <summary>Short printable excerpts of non-secret header values for messages.</summary>
    internal static string Printable(string s) => s.Length > 40 ? string.Concat(s.AsSpan(0, 40), "…") : s;
}
