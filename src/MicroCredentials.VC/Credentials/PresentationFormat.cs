using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Issuance;

namespace MicroCredentials.VC.Credentials;

/// <summary>
/// The structural rules of a verifiable presentation that the <c>format</c> check applies (W3C VC Data Model 2.0
/// §4.13 "Verifiable Presentations", and 1.1 §4.10 "Presentations"): base context first, type
/// <c>VerifiablePresentation</c>, <c>id</c> and <c>holder</c> URLs, and <c>verifiableCredential</c> entries that are
/// credential objects or enveloped credentials. The credentials themselves are checked in their own reports.
/// </summary>
public static class PresentationFormat
{
    /// <summary>Checks a presentation's structure. Returns every problem found.</summary>
    /// <param name="presentation">The presentation.</param>
    /// <returns>The problems (code, message); empty when well-formed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="presentation"/> is null.</exception>
    public static IReadOnlyList<(string Code, string Message)> Check(JsonObject presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        var problems = new List<(string, string)>();
        var version = CheckContext(presentation, problems);

        var type = presentation["type"];
        if (type is null)
        {
            problems.Add(("format.missingType", "The presentation has no type."));
        }
        else if (!IsStringOrStringArray(type))
        {
            problems.Add(("format.invalidType", "type must be a string or an array of strings."));
        }
        else if (!CredentialFormat.HasType(presentation, "VerifiablePresentation"))
        {
            problems.Add(("format.notAPresentation", "type does not include VerifiablePresentation."));
        }

        if (presentation["id"] is { } id && !IsUrl(id))
        {
            problems.Add(("format.invalidId", "id must be a URL."));
        }

        switch (presentation["holder"])
        {
            case null:
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                if (!IsUrl(v))
                {
                    problems.Add(("format.invalidHolder", "holder must be a URL."));
                }

                break;
            case JsonObject o:
                if (o["id"] is not { } holderId || !IsUrl(holderId))
                {
                    problems.Add(("format.invalidHolder", "holder must be a URL or an object whose id is a URL."));
                }

                break;
            default:
                problems.Add(("format.invalidHolder", "holder must be a URL or an object with an id."));
                break;
        }

        var entries = presentation["verifiableCredential"] switch
        {
            null => [],
            JsonArray a => a.ToList(),
            var single => [single],
        };
        var index = 0;
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case JsonObject o when CredentialFormat.HasType(o, Presentations.EnvelopedCredentialType):
                    if (!(o["id"] is JsonValue iv && iv.TryGetValue(out string? url) && url.StartsWith("data:", StringComparison.Ordinal) && url.Contains(',', StringComparison.Ordinal)))
                    {
                        problems.Add(("format.invalidEnvelopedCredential", $"verifiableCredential[{index}] is an EnvelopedVerifiableCredential whose id is not a data: URL."));
                    }

                    break;
                case JsonObject o when CredentialFormat.HasType(o, "VerifiableCredential"):
                    break;
                case JsonObject:
                    problems.Add(("format.invalidVerifiableCredential", $"verifiableCredential[{index}] is neither a verifiable credential (type VerifiableCredential) nor an EnvelopedVerifiableCredential."));
                    break;
                case JsonValue sv when sv.GetValueKind() == JsonValueKind.String:
                    if (version != VcVersion.V1)
                    {
                        problems.Add(("format.credentialAsString", $"verifiableCredential[{index}] is a string: a VC 2.0 presentation carries credentials as objects (a secured credential, or an EnvelopedVerifiableCredential for a JWT)."));
                    }

                    break;
                default:
                    problems.Add(("format.invalidVerifiableCredential", $"verifiableCredential[{index}] must be an object."));
                    break;
            }

            index++;
        }

        return problems;
    }

    /// <summary>
    /// The credentials inside a presentation, as the presentation verification expects them:
    /// credential objects as they are; an <c>EnvelopedVerifiableCredential</c>'s <c>data:</c> URL decoded to its content
    /// (a string: a compact JWS, or JSON text); strings (VC 1.1 JWT credentials) as they are. Other entries are kept
    /// as they are and reported unreadable.
    /// </summary>
    /// <param name="presentation">The presentation.</param>
    /// <returns>The entries, in order.</returns>
    internal static List<JsonNode> CredentialsOf(JsonObject presentation)
    {
        var entries = presentation["verifiableCredential"] switch
        {
            null => [],
            JsonArray a => a.ToList(),
            var single => [single],
        };
        var result = new List<JsonNode>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry is JsonObject o && CredentialFormat.HasType(o, Presentations.EnvelopedCredentialType)
                && o["id"] is JsonValue iv && iv.TryGetValue(out string? url) && TryDecodeDataUrl(url, out var content))
            {
                result.Add(JsonValue.Create(content));
            }
            else
            {
                result.Add(entry?.DeepClone() ?? new JsonArray());
            }
        }

        return result;
    }

    /// <summary>The holder's identifier: <c>holder</c> or <c>holder.id</c>.</summary>
    /// <param name="presentation">The presentation.</param>
    /// <returns>The identifier, or null.</returns>
    public static string? HolderOf(JsonObject presentation) => presentation?["holder"] switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonObject o when o["id"] is JsonValue iv && iv.TryGetValue(out string? id) => id,
        _ => null,
    };

    /// <summary>Decodes an RFC 2397 <c>data:</c> URL: base64 when marked <c>;base64</c>, else percent-decoded text.</summary>
    internal static bool TryDecodeDataUrl(string url, out string content)
    {
        content = string.Empty;
        if (!url.StartsWith("data:", StringComparison.Ordinal))
        {
            return false;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return false;
        }

        var header = url.AsSpan(5, comma - 5);
        var data = url[(comma + 1)..];
        if (header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                content = Encoding.UTF8.GetString(Convert.FromBase64String(data));
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        try
        {
            content = Uri.UnescapeDataString(data);
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    private static VcVersion CheckContext(JsonObject presentation, List<(string, string)> problems)
    {
        var context = presentation["@context"];
        if (context is null)
        {
            problems.Add(("format.missingContext", "The presentation has no @context."));
            return VcVersion.Unknown;
        }

        if (context is not JsonArray entries)
        {
            problems.Add(("format.invalidContext", "@context must be an array whose first entry is the VC base context."));
            return CredentialFormat.VersionOf(presentation);
        }

        if (entries.Any(e => e is not JsonObject && !(e is JsonValue v && v.TryGetValue(out string? s) && CredentialFormat.IsUrlText(s))))
        {
            problems.Add(("format.invalidContext", "Every @context entry must be a URL or a context object."));
        }

        var version = CredentialFormat.VersionOf(presentation);
        if (version == VcVersion.Unknown)
        {
            problems.Add(("format.missingBaseContext", $"The first @context entry must be {CredentialFormat.V2Context} (VC 2.0) or {CredentialFormat.V1Context} (VC 1.1)."));
        }
        else if (entries.Skip(1).Any(e => e is JsonValue v && v.TryGetValue(out string? s) && s is CredentialFormat.V1Context or CredentialFormat.V2Context))
        {
            problems.Add(("format.mixedContext", "The VC 1.1 and 2.0 base contexts cannot be mixed or repeated."));
        }

        return version;
    }

    private static bool IsStringOrStringArray(JsonNode node) => node switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.String,
        JsonArray a => a.Count > 0 && a.All(x => x is JsonValue xv && xv.GetValueKind() == JsonValueKind.String),
        _ => false,
    };

    private static bool IsUrl(JsonNode node) => node is JsonValue v && v.TryGetValue(out string? s) && CredentialFormat.IsUrlText(s);
}
