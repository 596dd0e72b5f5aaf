using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// VC-JOSE-COSE (W3C Recommendation, 2025) §3.1 and §3.2: credentials and presentations secured as a compact JWS
/// (RFC 7515 §7.1) with media types <c>application/vc+jwt</c> and <c>application/vp+jwt</c>; also the older
/// <c>vc+ld+jwt</c>/<c>vp+ld+jwt</c> types of earlier drafts, and VC Data Model 1.1 §6.3 JWTs (the <c>vc</c>
/// claim, <c>typ</c> <c>JWT</c> or absent) for verification. Signatures are checked by the one internal JWS
/// algorithm table (<see cref="Crypto.JwsAlgorithm"/>): the BCL for ES256/ES384/ES512, RS256 and PS256, this
/// library's Ed25519 for EdDSA (RFC 8037). An invalid token never throws: each problem is a failed check with a stable code.
/// </summary>
internal static class JoseSecuring
{
    /// <summary>The verification relationship an issuer's key needs (VC Data Model 2.0 §4.12 / Controlled Identifiers §2.3.2).</summary>
    private const string PurposeCredential = "assertionMethod";
    /// <summary>The verification relationship a holder's key needs.</summary>
    private const string PurposePresentation = "authentication";

    /// <summary>Whether the bytes look like a compact JWS (three base64url segments), not JSON.</summary>
    public static bool LooksLikeCompactJws(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.Trim("\r\n\t "u8);
        if (text.Length < 5 || text[0] == (byte)'{' || text[0] == (byte)'[')
        {
            return false;
        }

        var dots = 0;
        foreach (var b in text)
        {
            if (b == (byte)'.')
            {
                dots++;
            }
            else if (!(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'~'))
            {
                return false;
            }
        }

        return dots >= 2;
    }

    /// <summary>
    /// The number of dot-separated parts when the bytes are shaped like a compact JWS/JWT (only base64url characters
    /// and dots, at least one dot, starting with a letter as base64url JSON does), else 0: a JWS has three parts, a JWE
    /// five, any other count is a malformed (e.g. truncated) token, to be reported as such rather than as malformed JSON.
    /// The one shape test of the library and the command line.
    /// </summary>
    public static int TokenParts(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.Trim("\r\n\t "u8);
        if (text.Length == 0 || !(text[0] is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z'))
        {
            return 0;
        }

        var dots = 0;
        foreach (var b in text)
        {
            if (b == (byte)'.')
            {
                dots++;
            }
            else if (!(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_'))
            {
                return 0;
            }
        }

        return dots == 0 ? 0 : dots + 1;
    }

    /// <summary>Whether a compact JWS declares itself a presentation (<c>typ</c> <c>vp+jwt</c> or <c>vp+ld+jwt</c>).</summary>
    public static bool IsPresentationToken(string token) =>
        JwsCompact.TryParse(token, out var jws, out _) && jws.MediaType("typ") is "vp+jwt" or "vp+ld+jwt";

    /// <summary>Verifies a compact JWS credential (vc+jwt, or a VC 1.1 JWT): header, key, signature, issuer binding.</summary>
    public static async ValueTask<SecuringEvidence> VerifyCompactAsync(string token, SecuringEnvironment options, CancellationToken cancellationToken)
    {
        if (!JwsCompact.TryParse(token, out var jws, out var problem))
        {
            return Unreadable(problem.Code.StartsWith("signature.", StringComparison.Ordinal) ? "vc+sd-jwt" : "vc+jwt", problem.Code, problem.Message);
        }

        if (!JwsCompact.TryParseObject(jws.Payload, options.Limits.MaxDepth, out var payload))
        {
            return Unreadable("vc+jwt", "format.payloadNotJson", "The JWS payload is not a JSON object (a credential).");
        }

        // Media type and form: VC-JOSE-COSE §3.1.1 (vc+jwt, the payload is the credential) or VC 1.1 §6.3 (the vc claim).
        var typ = jws.MediaType("typ");
        var cty = jws.MediaType("cty");
        Problem? envelope = null;
        JsonObject credential = payload;
        var mechanism = "vc+jwt";
        if (typ is "vc+jwt" or "vc+ld+jwt")
        {
            if (payload["vc"] is not null || payload["vp"] is not null)
            {
                envelope = new Problem("format.jwtVcClaim", "A vc+jwt claims set must not carry the JWT claims vc or vp (VC-JOSE-COSE §3.1.1): the credential is the payload itself.");
            }
            else if (cty is not (null or "vc" or "vc+ld+json"))
            {
                envelope = new Problem("format.jwsContentType", "The JWS content type (cty) must be vc when present.");
            }
        }
        else if (typ is null or "jwt" && payload["vc"] is JsonObject vc)
        {
            mechanism = "jwt-vc";
            credential = MapVc11(payload, vc, out envelope);
        }
        else
        {
            envelope = new Problem("format.jwsType", typ is null
                ? "The JWS has no typ header: a VC-JOSE-COSE credential has typ vc+jwt (a VC 1.1 JWT carries a vc claim)."
                : "The JWS typ is not vc+jwt: the token is not declared a verifiable credential.");
        }

        var issuer = CredentialFormat.IssuerOf(credential);
        var (signature, method) = await CheckSignatureAsync(jws, issuer, PurposeCredential, "credential", options, cancellationToken).ConfigureAwait(false);

        var signedAt = JwsCompact.TryReadDate(payload["iat"], out var iat, allowXsdString: true) ? new[] { iat } : [];
        var document = WithoutJwtClaims(credential);
        return new SecuringEvidence
        {
            Mechanism = mechanism,
            Document = document,
            View = CredentialView.FromJson(document),
            Signature = signature,
            Keys = method is null ? [] : [new KeyEvidence(PurposeCredential, method.Method?.Id, method.Method?.Controller, method.AuthorizedForPurpose)],
            HasIssuerClaim = payload["iss"] is not null,
            IssuerClaim = payload["iss"] is JsonValue issValue && issValue.TryGetValue(out string? issText) ? issText : null,
            SignedAt = signedAt,
            SignsBytes = true,
            EnvelopeProblems = envelope is { } e ? [e] : NumericDateProblem(payload) is { } n ? [n] : [],
            NotBefore = JwsCompact.TryReadDate(payload["nbf"], out var nbf, allowXsdString: false) ? nbf : null,
            NotAfter = JwsCompact.TryReadDate(payload["exp"], out var exp, allowXsdString: false) ? exp : null,
        };
    }

    /// <summary>
    /// Verifies an <c>EnvelopedVerifiableCredential</c> (VC Data Model 2.0 §4.13): its <c>id</c> is a data URL
    /// carrying the secured credential. vc+jwt is verified; vc+sd-jwt and vc+cose are reported as not supported.
    /// </summary>
    public static ValueTask<SecuringEvidence> VerifyEnvelopedAsync(JsonObject envelope, SecuringEnvironment options, CancellationToken cancellationToken)
    {
        var id = JoseKeys.Str(envelope, "id");
        var comma = id?.IndexOf(',', StringComparison.Ordinal) ?? -1;
        if (id is null || !id.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || comma < 0)
        {
            return ValueTask.FromResult(Unreadable("enveloped", "format.envelope", "The EnvelopedVerifiableCredential's id is not a data: URL carrying a secured credential."));
        }

        var mediaType = id[5..comma].Split(';')[0].Trim().ToLowerInvariant();
        var data = id[(comma + 1)..].Trim();
        return mediaType switch
        {
            "application/vc+jwt" or "application/vc+ld+jwt" or "application/jwt" => VerifyCompactAsync(data, options, cancellationToken),
            "application/vc+sd-jwt" or "application/dc+sd-jwt" => ValueTask.FromResult(Unreadable("vc+sd-jwt", "signature.unsupportedFormat", "The enveloped credential is an SD-JWT (vc+sd-jwt), which this version does not verify.")),
            "application/vc+cose" or "application/vc-ld+cose" => ValueTask.FromResult(Unreadable("vc+cose", "signature.unsupportedFormat", "The enveloped credential is secured with COSE (vc+cose), which this version does not verify.")),
            _ => ValueTask.FromResult(Unreadable("enveloped", "format.envelope", "The enveloped credential's media type is not one of the VC-JOSE-COSE credential types (application/vc+jwt).")),
        };
    }

    /// <summary>
    /// Verifies a vp+jwt (VC-JOSE-COSE §3.2): the holder's signature (key from <c>kid</c>, authorized for
    /// <c>authentication</c>), <c>nonce</c> and <c>aud</c> as the options ask, the token's lifetime; and lists the
    /// credentials inside (enveloped vc+jwt as their compact JWS text, anything else as the JSON object).
    /// </summary>
    /// <returns>The evidence (unreadable when the token cannot be read as a presentation).</returns>
    public static async ValueTask<SecuringEvidence> VerifyPresentationCompactAsync(string token, SecuringEnvironment options, CancellationToken cancellationToken)
    {
        if (!JwsCompact.TryParse(token, out var jws, out var problem))
        {
            return Unreadable("vp+jwt", problem.Code, problem.Message);
        }

        if (!JwsCompact.TryParseObject(jws.Payload, options.Limits.MaxDepth, out var presentation))
        {
            return Unreadable("vp+jwt", "format.payloadNotJson", "The JWS payload is not a JSON object (a presentation).");
        }

        var problems = new List<Problem>();
        if (jws.MediaType("typ") is not ("vp+jwt" or "vp+ld+jwt"))
        {
            problems.Add(new Problem("format.jwsType", "The JWS typ is not vp+jwt."));
        }

        if (jws.MediaType("cty") is not (null or "vp" or "vp+ld+json"))
        {
            problems.Add(new Problem("format.jwsContentType", "The JWS content type (cty) must be vp when present."));
        }

        if (presentation["vc"] is not null || presentation["vp"] is not null)
        {
            problems.Add(new Problem("format.jwtVcClaim", "A vp+jwt claims set must not carry the JWT claims vc or vp: the presentation is the payload itself."));
        }

        var holder = presentation["holder"] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonObject o => JoseKeys.Str(o, "id"),
            _ => null,
        };
        var (signature, method) = await CheckSignatureAsync(jws, holder, PurposePresentation, "presentation", options, cancellationToken).ConfigureAwait(false);
        var document = WithoutJwtClaims(presentation);
        return new SecuringEvidence
        {
            Mechanism = "vp+jwt",
            Document = document,
            View = CredentialView.FromJson(document),
            Signature = signature,
            Keys = method is null ? [] : [new KeyEvidence(PurposePresentation, method.Method?.Id, method.Method?.Controller, method.AuthorizedForPurpose)],
            HasIssuerClaim = presentation["iss"] is not null,
            IssuerClaim = JoseKeys.Str(presentation, "iss"),
            SignedAt = JwsCompact.TryReadDate(presentation["iat"], out var iat, false) ? [iat] : [],
            NotBefore = JwsCompact.TryReadDate(presentation["nbf"], out var nbf, false) ? nbf : null,
            NotAfter = JwsCompact.TryReadDate(presentation["exp"], out var exp, false) ? exp : null,
            EnvelopeProblems = problems,
            SignsBytes = true,
            Presentation = new PresentationEvidence(
                CredentialsOf(presentation),
                JoseKeys.Str(presentation, "nonce"),
                presentation["aud"] switch
                {
                    JsonValue v when v.TryGetValue(out string? s) => [s],
                    JsonArray a => a.OfType<JsonValue>().Select(x => x.TryGetValue(out string? s) ? s : null).OfType<string>().ToList(),
                    _ => [],
                }),
        };
    }

    /// <summary>JWT registered claims (RFC 7519 §4.1, plus nonce and cnf) that VC-JOSE-COSE allows beside the credential's own data.</summary>
    private static readonly string[] JwtClaims = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "nonce", "cnf"];

    /// <summary>
    /// The credential or presentation as JSON-LD data: the JWT claims in the payload are the envelope's (already
    /// checked here: issuer, nonce, audience, dates) and are not terms of the VC contexts, so the later JSON-LD checks
    /// must not see them. Returns the payload itself when it has none.
    /// </summary>
    internal static JsonObject WithoutJwtClaims(JsonObject payload)
    {
        if (!JwtClaims.Any(payload.ContainsKey))
        {
            return payload;
        }

        var copy = new JsonObject();
        foreach (var (key, value) in payload)
        {
            if (!JwtClaims.Contains(key, StringComparer.Ordinal))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>The credentials of a presentation: an enveloped vc+jwt as its compact JWS text; other entries as they are.</summary>
    internal static List<JsonNode> CredentialsOf(JsonObject presentation)
    {
        var node = presentation["verifiableCredential"];
        var entries = node is JsonArray a ? a.ToList() : node is null ? [] : [node];
        var result = new List<JsonNode>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry is JsonObject o && CredentialFormat.HasType(o, "EnvelopedVerifiableCredential") && JoseKeys.Str(o, "id") is { } id
                && id.StartsWith("data:application/vc+jwt,", StringComparison.OrdinalIgnoreCase))
            {
                result.Add(JsonValue.Create(id["data:application/vc+jwt,".Length..].Trim())!);
            }
            else if (entry is not null)
            {
                result.Add(entry.DeepClone());
            }
        }

        return result;
    }

    /// <summary>Resolves the key the header names and verifies the signature; returns the check and the resolved method.</summary>
    private static async ValueTask<(Finding Check, VerificationMethodResult? Method)> CheckSignatureAsync(
        JwsCompact jws, string? controllerHint, string purpose, string what, SecuringEnvironment options, CancellationToken cancellationToken)
    {
        // RFC 7515 §4.1.11: a crit parameter this implementation does not understand makes the JWS invalid. We understand none.
        if (jws.Header["crit"] is { } crit)
        {
            var names = crit is JsonArray ca ? string.Join(", ", ca.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : "?")) : "?";
            return (Finding.Fail("signature.unknownCritical", $"The JWS marks header parameters as critical that this verifier does not understand ({Jwk.Printable(names)})."), null);
        }

        var alg = jws.HeaderString("alg");
        if (alg is null)
        {
            return (Finding.Fail("signature.algorithmMissing", "The JWS header names no algorithm (alg)."), null);
        }

        if (string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            return (Finding.Fail("signature.algorithmNone", "The JWS is unsecured (alg none): it carries no signature."), null);
        }

        if (alg.StartsWith("HS", StringComparison.OrdinalIgnoreCase))
        {
            return (Finding.Fail("signature.algorithmSymmetric", $"The JWS uses {Jwk.Printable(alg)}, a shared-secret MAC: a verifiable credential must be signed with the issuer's private key."), null);
        }

        if (!JoseAlgorithms.IsSupported(alg))
        {
            return (Finding.Fail("signature.algorithmNotAllowed", $"The JWS algorithm {Jwk.Printable(alg)} is not allowed (allowed: {string.Join(", ", JoseAlgorithms.All)})."), null);
        }

        var kid = jws.HeaderString("kid");
        string vmId;
        if (kid is null)
        {
            if (controllerHint is not null && controllerHint.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
            {
                vmId = controllerHint + "#" + controllerHint[DidKey.Prefix.Length..];
            }
            else
            {
                return (Finding.Fail("signature.noKeyId", $"The JWS header has no kid, and the {what}'s {(what == "credential" ? "issuer" : "holder")} is not a did:key: the key cannot be found."), null);
            }
        }
        else if (kid.StartsWith('#'))
        {
            if (controllerHint is null)
            {
                return (Finding.Fail("signature.noKeyId", $"The kid is relative, and the {what} names no {(what == "credential" ? "issuer" : "holder")} to resolve it against."), null);
            }

            vmId = controllerHint + kid;
        }
        else
        {
            vmId = kid;
        }

        // The holder's key names the learner: it is never echoed in a presentation's messages.
        var shown = what == "credential" ? "'" + Jwk.Printable(vmId) + "'" : "of the holder";
        VerificationMethodResult resolved;
        try
        {
            resolved = await options.VerificationMethodResolver.ResolveAsync(vmId, purpose, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A resolver failure is a failed check, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (Finding.Fail("signature.keyResolution", $"The key {shown} could not be resolved ({ex.GetType().Name})."), null);
        }

        if (resolved.Method is not { } method)
        {
            return (Finding.Fail(resolved.Problem?.Code ?? "signature.keyResolution", (what == "credential" ? resolved.Problem?.Message : null) ?? $"The key {shown} could not be resolved."), resolved);
        }

        if (!JoseKeys.TryCreateVerificationKey(method, out var key, out var keyError))
        {
            return (Finding.Fail("signature.unsupportedKey", keyError), resolved);
        }

        using (key)
        {
            if (!JoseKeys.Fits(alg, key.Kty, key.Crv, key.KeySize, out var reason))
            {
                return (Finding.Fail("signature.algorithmKeyMismatch", reason), resolved);
            }

            var valid = key.Verify(alg, jws.SigningInput, jws.Signature);
            return valid
                ? (Finding.Pass($"The {alg} JWS verifies with {(what == "credential" ? method.Id : "the holder's key")}."), resolved)
                : (Finding.Fail("signature.invalid", $"The {alg} JWS signature does not verify with the key {shown}: the token was changed after signing, or signed with another key."), resolved);
        }
    }

    /// <summary>
    /// VC Data Model 1.1 §6.3.1 (JWT decoding): the credential is the <c>vc</c> claim, with <c>iss</c> → issuer,
    /// <c>nbf</c> → issuanceDate, <c>exp</c> → expirationDate, <c>jti</c> → id, <c>sub</c> → credentialSubject.id. A
    /// claim that contradicts the property it maps to fails the format check.
    /// </summary>
    private static JsonObject MapVc11(JsonObject claims, JsonObject vc, out Problem? problem)
    {
        problem = null;
        var credential = (JsonObject)vc.DeepClone();
        var conflicts = new List<string>();

        if (JoseKeys.Str(claims, "iss") is { } iss)
        {
            switch (credential["issuer"])
            {
                case null:
                    credential["issuer"] = iss;
                    break;
                case JsonObject o when o["id"] is null:
                    o["id"] = iss;
                    break;
                default:
                    if (CredentialFormat.IssuerOf(credential) != iss)
                    {
                        conflicts.Add("iss/issuer");
                    }

                    break;
            }
        }

        MapDate(claims, "nbf", credential, "issuanceDate", conflicts);
        MapDate(claims, "exp", credential, "expirationDate", conflicts);

        if (JoseKeys.Str(claims, "jti") is { } jti)
        {
            if (credential["id"] is null)
            {
                credential["id"] = jti;
            }
            else if (JoseKeys.Str(credential, "id") != jti)
            {
                conflicts.Add("jti/id");
            }
        }

        if (JoseKeys.Str(claims, "sub") is { } sub && credential["credentialSubject"] is JsonObject subject)
        {
            if (subject["id"] is null)
            {
                subject["id"] = sub;
            }
            else if (JoseKeys.Str(subject, "id") != sub)
            {
                conflicts.Add("sub/credentialSubject.id");
            }
        }

        if (conflicts.Count > 0)
        {
            problem = new Problem("format.jwtClaimMismatch", "JWT claims contradict the credential properties they stand for (VC 1.1 §6.3.1): " + string.Join(", ", conflicts) + ".");
        }

        return credential;
    }

    private static void MapDate(JsonObject claims, string claim, JsonObject credential, string property, List<string> conflicts)
    {
        if (!JwsCompact.TryReadDate(claims[claim], out var value, allowXsdString: false))
        {
            return;
        }

        if (credential[property] is null)
        {
            credential[property] = XsdDateTime.Format(value);
        }
        else if (CredentialFormat.DateOf(credential, property) is not { } existing || existing != value)
        {
            conflicts.Add(claim + "/" + property);
        }
    }

    private static Problem? NumericDateProblem(JsonObject claims)
    {
        foreach (var name in new[] { "exp", "nbf" })
        {
            if (claims[name] is { } node && !JwsCompact.TryReadDate(node, out _, allowXsdString: false))
            {
                return new Problem("format.jwtNumericDate", $"The JWT claim {name} is not a NumericDate (seconds since 1970, RFC 7519 §2).");
            }
        }

        return null;
    }

    private static SecuringEvidence Unreadable(string mechanism, string code, string detail) => SecuringEvidence.Unreadably(mechanism, code, detail);
}
