using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>How a <see cref="JoseIssuer"/> dates its tokens. Immutable.</summary>
public sealed record JoseSignOptions
{
    /// <summary>The defaults: system clock, <c>iat</c> written, no expiry.</summary>
    public static JoseSignOptions Default { get; } = new();

    /// <summary>The clock for <c>iat</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>A fixed <c>iat</c> instead of the clock (reproducible output).</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>Whether to write <c>iat</c> (RFC 7519 §4.1.6); true by default.</summary>
    public bool IncludeIssuedAt { get; init; } = true;

    /// <summary>When set, the token's <c>exp</c> (RFC 7519 §4.1.4). A credential's own <c>validUntil</c> is not changed.</summary>
    public DateTimeOffset? Expires { get; init; }
}

/// <summary>The parameters of a vp+jwt made by <see cref="JoseIssuer.CreatePresentation"/>. Immutable.</summary>
public sealed record JosePresentationOptions
{
    /// <summary>The presentation's <c>holder</c>; the signing key's controller when null.</summary>
    public string? Holder { get; init; }

    /// <summary>The verifier's challenge, written as the <c>nonce</c> claim.</summary>
    public string? Nonce { get; init; }

    /// <summary>The verifier's domain, written as the <c>aud</c> claim (RFC 7519 §4.1.3).</summary>
    public string? Audience { get; init; }

    /// <summary>An optional <c>id</c> for the presentation (e.g. <c>urn:uuid:…</c>).</summary>
    public string? Id { get; init; }
}

/// <summary>
/// Issues VC-JOSE-COSE tokens (W3C VC-JOSE-COSE §3.1.1 and §3.2.1): a VC 2.0 credential as a compact JWS
/// (RFC 7515 §7.1) with <c>typ</c> <c>vc+jwt</c>, <c>cty</c> <c>vc</c>, <c>kid</c> the verification method and the
/// credential itself as the payload, plus <c>iss</c> (the issuer) and <c>iat</c> (RFC 7519); and presentations as
/// <c>vp+jwt</c> whose credentials are <c>EnvelopedVerifiableCredential</c>s. The signature comes from the key's
/// <see cref="ISigner"/> on the one JWS algorithm table: EdDSA through this library's Ed25519 (RFC 8037), ECDSA and RSA through the BCL.
/// Thread-safe. The caller's documents are never modified.
/// </summary>
/// <param name="key">The signing key (kept alive by the caller while this issuer is used).</param>
/// <param name="options">How tokens are dated; <see cref="JoseSignOptions.Default"/> when null.</param>
public sealed class JoseIssuer(JoseSigningKey key, JoseSignOptions? options = null)
{
    /// <summary>The media type of a secured credential, <c>application/vc+jwt</c>.</summary>
    public const string CredentialMediaType = "application/vc+jwt";

    /// <summary>The media type of a secured presentation, <c>application/vp+jwt</c>.</summary>
    public const string PresentationMediaType = "application/vp+jwt";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The signing key.</summary>
    public JoseSigningKey Key { get; } = key ?? throw new ArgumentNullException(nameof(key));

    /// <summary>How tokens are dated.</summary>
    public JoseSignOptions Options { get; } = options ?? JoseSignOptions.Default;

    /// <summary>The <c>id</c> of an <c>EnvelopedVerifiableCredential</c> carrying a vc+jwt: <c>data:application/vc+jwt,&lt;jws&gt;</c>.</summary>
    /// <param name="compactJws">The vc+jwt.</param>
    /// <returns>The data URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="compactJws"/> is <see langword="null"/>.</exception>
    public static string EnvelopeId(string compactJws)
    {
        ArgumentNullException.ThrowIfNull(compactJws);
        return "data:" + CredentialMediaType + "," + compactJws.Trim();
    }

    /// <summary>
    /// Secures a VC 2.0 credential as a vc+jwt. The payload is the credential with <c>iss</c> (its issuer), <c>iat</c>
    /// and, when asked, <c>exp</c> added; the header is <c>alg</c>, <c>cty</c> <c>vc</c>, <c>kid</c>, <c>typ</c> <c>vc+jwt</c>.
    /// </summary>
    /// <param name="credential">A VC 2.0 credential without proof (not modified).</param>
    /// <returns>The compact JWS.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Not a VC 2.0 credential (vc+jwt secures VC 2.0 only; a VC 1.1 / Europass EDC credential needs Data Integrity or a JAdES seal), no issuer, or it carries <c>vc</c>/<c>vp</c>/a conflicting <c>iss</c>.</exception>
    public string SignCredential(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (CredentialFormat.VersionOf(credential) != VcVersion.V2)
        {
            throw Error.Argument(nameof(credential), "vc+jwt secures VC Data Model 2.0 credentials (first @context https://www.w3.org/ns/credentials/v2); this one is not. Secure a VC 1.1 (Europass EDC) credential with a Data Integrity proof or a JAdES seal.");
        }

        if (credential["vc"] is not null || credential["vp"] is not null)
        {
            throw Error.Argument(nameof(credential), "A vc+jwt payload must not carry the JWT claims vc or vp (VC-JOSE-COSE §3.1.1).");
        }

        var issuer = CredentialFormat.IssuerOf(credential) ?? throw Error.Argument(nameof(credential), "The credential names no issuer.");
        var payload = (JsonObject)credential.DeepClone();
        SetClaim(payload, "iss", issuer, nameof(credential));
        AddTimes(payload);
        return Sign(payload, "vc+jwt", "vc");
    }

    /// <summary>
    /// Creates a vp+jwt (VC-JOSE-COSE §3.2.1): a VC 2.0 presentation whose <c>verifiableCredential</c> entries are
    /// <c>EnvelopedVerifiableCredential</c>s for compact JWS strings (<c>data:application/vc+jwt,…</c>) and the JSON
    /// credentials as they are; <c>holder</c> and <c>iss</c> are the holder, <c>nonce</c> and <c>aud</c> the verifier's
    /// challenge and domain, with <c>iat</c> (and <c>exp</c>) as the options say.
    /// </summary>
    /// <param name="credentials">Compact JWS strings (vc+jwt) or credential objects.</param>
    /// <param name="presentation">Holder, nonce, audience, id.</param>
    /// <returns>The compact JWS.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entry is neither a string nor a JSON object.</exception>
    public string CreatePresentation(IEnumerable<JsonNode> credentials, JosePresentationOptions? presentation = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        presentation ??= new JosePresentationOptions();
        var holder = presentation.Holder ?? Key.Controller;
        var entries = new JsonArray();
        foreach (var credential in credentials)
        {
            entries.Add(credential switch
            {
                JsonValue v when v.TryGetValue(out string? jws) => new JsonObject
                {
                    ["@context"] = CredentialFormat.V2Context,
                    ["id"] = EnvelopeId(jws),
                    ["type"] = "EnvelopedVerifiableCredential",
                },
                JsonObject o => o.DeepClone(),
                _ => throw Error.Argument(nameof(credentials), "Each credential must be a compact JWS string or a JSON object."),
            });
        }

        var payload = new JsonObject { ["@context"] = new JsonArray(CredentialFormat.V2Context) };
        if (presentation.Id is { } id)
        {
            payload["id"] = id;
        }

        payload["type"] = "VerifiablePresentation";
        payload["holder"] = holder;
        payload["verifiableCredential"] = entries;
        payload["iss"] = holder;
        if (presentation.Nonce is { } nonce)
        {
            payload["nonce"] = nonce;
        }

        if (presentation.Audience is { } audience)
        {
            payload["aud"] = audience;
        }

        AddTimes(payload);
        return Sign(payload, "vp+jwt", "vp");
    }

    /// <summary>
    /// Secures a presentation document as it is (VC-JOSE-COSE §3.2.1) as a vp+jwt, adding <c>iss</c> (its holder, when
    /// it names one), <c>nonce</c>, <c>aud</c> and the times. Its credentials must already be secured (enveloped).
    /// </summary>
    /// <param name="presentation">A VC 2.0 presentation without proof (not modified).</param>
    /// <param name="options">Nonce and audience; <see cref="JosePresentationOptions.Holder"/> and <see cref="JosePresentationOptions.Id"/> are ignored here.</param>
    /// <returns>The compact JWS.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="presentation"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Not a VC 2.0 presentation, or it carries <c>vc</c>/<c>vp</c> or claims that conflict.</exception>
    public string SignPresentation(JsonObject presentation, JosePresentationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        if (CredentialFormat.VersionOf(presentation) != VcVersion.V2 || !CredentialFormat.HasType(presentation, "VerifiablePresentation"))
        {
            throw Error.Argument(nameof(presentation), "vp+jwt secures VC Data Model 2.0 presentations (type VerifiablePresentation, first @context https://www.w3.org/ns/credentials/v2).");
        }

        if (presentation["vc"] is not null || presentation["vp"] is not null)
        {
            throw Error.Argument(nameof(presentation), "A vp+jwt payload must not carry the JWT claims vc or vp.");
        }

        var payload = (JsonObject)presentation.DeepClone();
        var holder = presentation["holder"] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonObject o => JoseKeys.Str(o, "id"),
            _ => null,
        };
        if (holder is not null)
        {
            SetClaim(payload, "iss", holder, nameof(presentation));
        }

        if (options?.Nonce is { } nonce)
        {
            SetClaim(payload, "nonce", nonce, nameof(presentation));
        }

        if (options?.Audience is { } audience)
        {
            SetClaim(payload, "aud", audience, nameof(presentation));
        }

        AddTimes(payload);
        return Sign(payload, "vp+jwt", "vp");
    }

    private static void SetClaim(JsonObject payload, string name, string value, string paramName)
    {
        if (payload[name] is { } existing && !(existing is JsonValue v && v.TryGetValue(out string? s) && s == value))
        {
            throw Error.Argument(paramName, $"The document already has a '{name}' that differs from the value the token needs.");
        }

        payload[name] = value;
    }

    private void AddTimes(JsonObject payload)
    {
        if (Options.IncludeIssuedAt)
        {
            payload["iat"] = (Options.IssuedAt ?? Options.TimeProvider.GetUtcNow()).ToUnixTimeSeconds();
        }

        if (Options.Expires is { } expires)
        {
            payload["exp"] = expires.ToUnixTimeSeconds();
        }
    }

    private string Sign(JsonObject payload, string typ, string cty)
    {
        // The header is written here, not by JsonWebTokenHandler.CreateToken: its writer escapes '+' ("vc\u002Bjwt"),
        // valid JSON but not what readers expect of a media type. Members in the order the W3C test suite uses.
        var header = new JsonObject { ["alg"] = Key.Algorithm, ["cty"] = cty, ["kid"] = Key.KeyId, ["typ"] = typ };
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString(Compact))) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString(Compact)));
        return signingInput + "." + Base64Url.Encode(Key.Sign(Encoding.ASCII.GetBytes(signingInput)));
    }
}
