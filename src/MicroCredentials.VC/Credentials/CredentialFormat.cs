using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Credentials;

/// <summary>The VC data model versions.</summary>
public enum VcVersion
{
    /// <summary>Not a verifiable credential or presentation.</summary>
    Unknown,

    /// <summary>VC Data Model 1.1 (<c>https://www.w3.org/2018/credentials/v1</c>).</summary>
    V1,

    /// <summary>VC Data Model 2.0 (<c>https://www.w3.org/ns/credentials/v2</c>).</summary>
    V2,
}

/// <summary>
/// The structural rules of the W3C VC Data Model 2.0 (§4) and 1.1 (§4) that the <c>format</c> check applies:
/// base context first, types, issuer, subject, identifiers, date-time values with a time zone, status and schema entries.
/// </summary>
public static class CredentialFormat
{
    /// <summary>The VC 2.0 base context.</summary>
    public const string V2Context = "https://www.w3.org/ns/credentials/v2";

    /// <summary>The VC 1.1 base context.</summary>
    public const string V1Context = "https://www.w3.org/2018/credentials/v1";

    /// <summary>The data model version a document declares by its first <c>@context</c> entry.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The version, or <see cref="VcVersion.Unknown"/>.</returns>
    public static VcVersion VersionOf(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var first = document["@context"] switch
        {
            JsonArray { Count: > 0 } a => a[0],
            JsonValue v => v,
            _ => null,
        };
        return first is JsonValue fv && fv.TryGetValue(out string? url)
            ? url switch { V2Context => VcVersion.V2, V1Context => VcVersion.V1, _ => VcVersion.Unknown }
            : VcVersion.Unknown;
    }

    /// <summary>Whether the document's <c>type</c> includes <paramref name="type"/>.</summary>
    /// <param name="document">The document.</param>
    /// <param name="type">E.g. <c>VerifiablePresentation</c>.</param>
    /// <returns>Whether it does.</returns>
    public static bool HasType(JsonObject document, string type) => TypesOf(document?["type"]).Contains(type, StringComparer.Ordinal);

    /// <summary>The issuer's identifier (<c>issuer</c> or <c>issuer.id</c>).</summary>
    /// <param name="document">The credential.</param>
    /// <returns>The identifier, or null.</returns>
    public static string? IssuerOf(JsonObject document) => document?["issuer"] switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonObject o when o["id"] is JsonValue iv && iv.TryGetValue(out string? id) => id,
        _ => null,
    };

    /// <summary>Checks a credential's structure. Returns every problem found.</summary>
    /// <param name="document">The credential.</param>
    /// <returns>The problems (code, message); empty when well-formed.</returns>
    public static IReadOnlyList<(string Code, string Message)> Check(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<(string, string)>();
        if (JsonNumbers.FirstNonFinite(document) is { } path)
        {
            var problem = JsonNumbers.NonFinite(path);
            problems.Add((problem.Code, problem.Message));
        }

        var version = CheckContext(document, problems);

        var types = TypesOf(document["type"]);
        if (document["type"] is null)
        {
            problems.Add(("format.missingType", "The credential has no type."));
        }
        else if (types.Count == 0 || !IsStringOrStringArray(document["type"]))
        {
            problems.Add(("format.invalidType", "type must be a string or an array of strings."));
        }
        else if (!types.Contains("VerifiableCredential"))
        {
            problems.Add(("format.notACredential", "type does not include VerifiableCredential."));
        }

        if (document["id"] is { } id && !IsUrl(id))
        {
            problems.Add(("format.invalidId", "id must be a URL."));
        }

        switch (document["issuer"])
        {
            case null:
                problems.Add(("format.missingIssuer", "The credential has no issuer."));
                break;
            case JsonValue v when v.TryGetValue(out string? s):
                if (!IsUrlText(s))
                {
                    problems.Add(("format.invalidIssuer", "issuer must be a URL."));
                }

                break;
            case JsonObject o:
                if (o["id"] is not { } issuerId || !IsUrl(issuerId))
                {
                    problems.Add(("format.invalidIssuer", "issuer.id must be a URL."));
                }

                break;
            default:
                problems.Add(("format.invalidIssuer", "issuer must be a URL or an object with an id."));
                break;
        }

        CheckSubjects(document["credentialSubject"], problems);

        if (version == VcVersion.V1)
        {
            if (document["issuanceDate"] is null)
            {
                problems.Add(("format.missingIssuanceDate", "A VC 1.1 credential needs issuanceDate."));
            }

            CheckDate(document, "issuanceDate", problems);
            CheckDate(document, "expirationDate", problems);
        }

        CheckDate(document, "validFrom", problems);
        CheckDate(document, "validUntil", problems);
        CheckDate(document, "issued", problems);
        if (DateOf(document, "validFrom") is { } from && DateOf(document, "validUntil") is { } until && until < from)
        {
            problems.Add(("format.validityOrder", "validUntil is earlier than validFrom."));
        }

        CheckTypedEntries(document, "credentialStatus", requireId: false, problems);
        CheckTypedEntries(document, "credentialSchema", requireId: true, problems);
        CheckTypedEntries(document, "evidence", requireId: false, problems, typeOptionalOk: false);
        CheckTypedEntries(document, "termsOfUse", requireId: false, problems);
        CheckTypedEntries(document, "refreshService", requireId: false, problems);
        CheckText(document, "name", problems);
        CheckText(document, "description", problems);
        return problems;
    }

    private static VcVersion CheckContext(JsonObject document, List<(string, string)> problems)
    {
        var context = document["@context"];
        if (context is null)
        {
            problems.Add(("format.missingContext", "The document has no @context."));
            return VcVersion.Unknown;
        }

        if (context is not JsonArray entries)
        {
            problems.Add(("format.invalidContext", "@context must be an array whose first entry is the VC base context."));
            return VersionOf(document);
        }

        foreach (var entry in entries)
        {
            if (entry is not JsonObject && !(entry is JsonValue v && v.TryGetValue(out string? s) && IsUrlText(s)))
            {
                problems.Add(("format.invalidContext", "Every @context entry must be a URL or a context object."));
                break;
            }
        }

        var version = VersionOf(document);
        if (version == VcVersion.Unknown)
        {
            problems.Add(("format.missingBaseContext", $"The first @context entry must be {V2Context} (VC 2.0) or {V1Context} (VC 1.1)."));
        }
        else
        {
            var other = version == VcVersion.V2 ? V1Context : V2Context;
            if (entries.Skip(1).Any(e => e is JsonValue v && v.TryGetValue(out string? s) && (s == other || s == (version == VcVersion.V2 ? V2Context : V1Context))))
            {
                problems.Add(("format.mixedContext", "The VC 1.1 and 2.0 base contexts cannot be mixed or repeated."));
            }
        }

        return version;
    }

    private static void CheckSubjects(JsonNode? subject, List<(string, string)> problems)
    {
        switch (subject)
        {
            case null:
                problems.Add(("format.missingSubject", "The credential has no credentialSubject."));
                break;
            case JsonObject o:
                CheckSubject(o, problems);
                break;
            case JsonArray { Count: > 0 } a:
                foreach (var s in a)
                {
                    if (s is JsonObject so)
                    {
                        CheckSubject(so, problems);
                    }
                    else
                    {
                        problems.Add(("format.invalidSubject", "Every credentialSubject must be an object."));
                        break;
                    }
                }

                break;
            default:
                problems.Add(("format.invalidSubject", "credentialSubject must be an object or a non-empty array of objects."));
                break;
        }
    }

    private static void CheckSubject(JsonObject subject, List<(string, string)> problems)
    {
        if (subject.Count == 0)
        {
            problems.Add(("format.emptySubject", "A credentialSubject must make at least one claim."));
        }

        if (subject["id"] is { } id && !IsUrl(id))
        {
            problems.Add(("format.invalidSubjectId", "credentialSubject.id must be a URL."));
        }
    }

    private static void CheckTypedEntries(JsonObject document, string name, bool requireId, List<(string, string)> problems, bool typeOptionalOk = false)
    {
        var node = document[name];
        if (node is null)
        {
            return;
        }

        var entries = node is JsonArray a ? a.ToList() : [node];
        foreach (var entry in entries)
        {
            if (entry is not JsonObject o)
            {
                problems.Add(("format.invalid" + char.ToUpperInvariant(name[0]) + name[1..], $"Every {name} entry must be an object."));
                return;
            }

            if (!typeOptionalOk && (o["type"] is null || !IsStringOrStringArray(o["type"])))
            {
                problems.Add(("format.invalid" + char.ToUpperInvariant(name[0]) + name[1..], $"Every {name} entry needs a type."));
                return;
            }

            if ((requireId && o["id"] is null) || (o["id"] is { } id && !IsUrl(id)))
            {
                problems.Add(("format.invalid" + char.ToUpperInvariant(name[0]) + name[1..], $"Every {name} entry needs an id that is a URL."));
                return;
            }
        }
    }

    private static void CheckText(JsonObject document, string name, List<(string, string)> problems)
    {
        var node = document[name];
        if (node is null || node is JsonValue { } v && v.GetValueKind() == JsonValueKind.String)
        {
            return;
        }

        var entries = node is JsonArray a ? a.ToList() : [node];
        if (entries.Any(e => e is not JsonObject && !(e is JsonValue ev && ev.GetValueKind() == JsonValueKind.String)) || entries.OfType<JsonObject>().Any(o => o["@value"] is null && node is JsonArray))
        {
            problems.Add(("format.invalid" + char.ToUpperInvariant(name[0]) + name[1..], $"{name} must be a string or language value objects."));
        }
    }

    private static void CheckDate(JsonObject document, string name, List<(string, string)> problems)
    {
        if (document[name] is { } node && !(node is JsonValue v && v.TryGetValue(out string? s) && XsdDateTime.TryParse(s, out _)))
        {
            problems.Add(("format.invalidDate", $"{name} must be an XML Schema dateTime with a time zone, e.g. 2026-06-30T10:00:00Z."));
        }
    }

    internal static DateTimeOffset? DateOf(JsonObject document, string name) =>
        document[name] is JsonValue v && v.TryGetValue(out string? s) && XsdDateTime.TryParse(s, out var d) ? d : null;

    internal static List<string> TypesOf(JsonNode? type) => type switch
    {
        JsonValue v when v.TryGetValue(out string? s) => [s],
        JsonArray a => [.. a.OfType<JsonValue>().Select(x => x.TryGetValue(out string? s) ? s : null).OfType<string>()],
        _ => [],
    };

    private static bool IsStringOrStringArray(JsonNode? node) => node switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.String,
        JsonArray a => a.Count > 0 && a.All(x => x is JsonValue xv && xv.GetValueKind() == JsonValueKind.String),
        _ => false,
    };

    private static bool IsUrl(JsonNode node) => node is JsonValue v && v.TryGetValue(out string? s) && IsUrlText(s);

    internal static bool IsUrlText(string? s) =>
        !string.IsNullOrEmpty(s) && s.IndexOfAny([' ', '\t', '\n', '\r', '<', '>', '"', '{', '}', '|', '\\', '^', '`']) < 0 &&
        s.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && char.IsAsciiLetter(s[0]) &&
        s.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") < 0;
}
