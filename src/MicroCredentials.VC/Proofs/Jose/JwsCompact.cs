using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// A compact JWS (RFC 7515 §7.1) taken apart without trusting it: the protected header as a JSON object (no
/// duplicate members, RFC 7515 §5.2 step 4), the payload bytes, the signature and the signing input. The payload
/// is parsed here and not by <c>JsonWebToken</c>, because a vc+jwt payload is a credential, not a JWT claims set
/// (IdentityModel rejects, for example, a string <c>iat</c> that the W3C test suite writes).
/// </summary>
internal sealed record JwsCompact(JsonObject Header, byte[] Payload, byte[] Signature, byte[] SigningInput)
{
    /// <summary>Takes a compact JWS apart; codes <c>signature.unsupportedFormat</c> (SD-JWT), <c>format.encryptedJwt</c> (JWE), <c>format.malformedJws</c>.</summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out JwsCompact? jws, [NotNullWhen(false)] out Problem? problem)
    {
        jws = null;
        if (token.Contains('~', StringComparison.Ordinal))
        {
            problem = new Problem("signature.unsupportedFormat", "The token is an SD-JWT (selective disclosure, vc+sd-jwt), which this version does not verify.");
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length == 5)
        {
            problem = new Problem("format.encryptedJwt", "The token is a JWE (encrypted, five segments); only signed compact JWS (three segments) is verified.");
            return false;
        }

        // An empty signature is read (an unsecured JWS, alg none, RFC 7519 §6) so that it is refused for what it is.
        if (parts.Length != 3 || parts[0].Length == 0)
        {
            problem = MalformedParts(parts.Length);
            return false;
        }

        if (!Base64Url.TryDecode(parts[0], out var headerBytes) || !TryParseObject(headerBytes, 8, out var header))
        {
            problem = new Problem("format.malformedJws", "The JWS protected header is not base64url-encoded JSON object without duplicate members.");
            return false;
        }

        if (!Base64Url.TryDecode(parts[1], out var payload) || !Base64Url.TryDecode(parts[2], out var signature))
        {
            problem = new Problem("format.malformedJws", "The JWS payload or signature is not valid base64url.");
            return false;
        }

        jws = new JwsCompact(header, payload, signature, Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1])));
        problem = null;
        return true;
    }

    /// <summary>The problem of a token with the wrong number of segments (code <c>format.malformedJws</c>).</summary>
    public static Problem MalformedParts(int parts) => new(
        "format.malformedJws",
        $"The input is not a well-formed compact JWS/JWT: expected three (header.payload.signature) or five (JWE) dot-separated base64url parts, found {parts}.");

    /// <summary>A string header parameter, or null.</summary>
    public string? HeaderString(string name) => JoseKeys.Str(Header, name);

    /// <summary>The <c>typ</c>/<c>cty</c> value without an <c>application/</c> prefix (RFC 7515 §4.1.9, §4.1.10), lower-cased.</summary>
    public string? MediaType(string name) => HeaderString(name) is { } v
        ? (v.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? v["application/".Length..] : v).ToLowerInvariant()
        : null;

    public static bool TryParseObject(ReadOnlySpan<byte> utf8, int maxDepth, [NotNullWhen(true)] out JsonObject? value)
    {
        value = null;
        try
        {
            value = JsonNode.Parse(utf8, null, new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false }) as JsonObject;
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A JWT NumericDate (RFC 7519 §2) as an instant; also an XML Schema dateTime string, as the W3C test suite writes <c>iat</c>.</summary>
    public static bool TryReadDate(JsonNode? node, out DateTimeOffset value, bool allowXsdString)
    {
        value = default;
        if (node is not JsonValue v)
        {
            return false;
        }

        if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out double seconds) && double.IsFinite(seconds)
            && seconds is >= -62135596800d and <= 253402300799d)
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(seconds * 1000));
            return true;
        }

        return allowXsdString && v.TryGetValue(out string? text) && XsdDateTime.TryParse(text, out value);
    }
}
