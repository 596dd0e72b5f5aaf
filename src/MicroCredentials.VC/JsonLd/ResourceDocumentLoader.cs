using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// The JSON-LD document loader over the library's one fetch stack, an <see cref="IResourceResolver"/> (JSON-LD 1.1 API
/// §9.4 <c>LoadDocumentCallback</c>). The resolver decides what may be fetched and how (offline files with
/// <see cref="OfflineResourceResolver"/>; opt-in HTTPS with <see cref="HttpResourceResolver"/>: its allow-list,
/// redirect policy, size and time limits); this loader adds the JSON-LD rules of §9.4.1: the document must be served
/// as JSON (<c>application/json</c>, <c>application/ld+json</c> or another <c>+json</c> type); a non-JSON response with
/// an <c>alternate</c> <c>Link</c> to <c>application/ld+json</c> is followed once; a JSON (not JSON-LD) response may
/// name its context in a <c>http://www.w3.org/ns/json-ld#context</c> <c>Link</c> (more than one is an error); the
/// document's URL is the one it was finally served from.
/// </summary>
/// <remarks>
/// A resolver failure becomes a <see cref="JsonLdException"/> with <see cref="JsonLdErrorCode.LoadingDocumentFailed"/>
/// whose message carries the resolver's <c>resource.*</c> code. URLs the resolver does not serve (codes
/// <c>resource.notFound</c>, <c>resource.unavailable</c>, <c>resource.hostNotAllowed</c>, <c>resource.notHttps</c>) go
/// to the fallback loader when there is one, typically <see cref="EmbeddedDocumentLoader.Default"/> for the bundled
/// contexts.
/// </remarks>
public sealed class ResourceDocumentLoader : IDocumentLoader
{
    private const string ContextRel = "http://www.w3.org/ns/json-ld#context";
    private readonly IDocumentLoader? fallback;

    /// <summary>Creates a loader.</summary>
    /// <param name="resources">Where documents come from.</param>
    /// <param name="fallback">The loader for URLs <paramref name="resources"/> does not serve; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resources"/> is <see langword="null"/>.</exception>
    public ResourceDocumentLoader(IResourceResolver resources, IDocumentLoader? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        Resources = resources;
        this.fallback = fallback;
    }

    /// <summary>The resolver documents are fetched through.</summary>
    public IResourceResolver Resources { get; }

    /// <inheritdoc/>
    public async ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var current))
        {
            throw Fail(url, "it is not an absolute URL");
        }

        for (var alternates = 0; ; alternates++)
        {
            var fetched = await Resources.GetAsync(current, cancellationToken).ConfigureAwait(false);
            if (!fetched.Succeeded)
            {
                if (alternates == 0 && fallback is not null && fetched.Problem?.Code is "resource.notFound" or "resource.unavailable" or "resource.hostNotAllowed" or "resource.notHttps")
                {
                    return await fallback.LoadDocumentAsync(url, cancellationToken).ConfigureAwait(false);
                }

                throw Fail(url, fetched.Problem?.ToString() ?? "resource.failed");
            }

            var final = (fetched.Location ?? current).AbsoluteUri;
            var mediaType = fetched.MediaType;
            if (!IsJson(mediaType))
            {
                if (alternates == 0 && Alternate(fetched.Links, final) is { } alternate)
                {
                    current = alternate;
                    continue;
                }

                throw Fail(url, "it is served as " + mediaType + ", not JSON");
            }

            // The checks every JSON input gets (UTF-8, a member name given twice, depth...); the fetch stack limits the size.
            if (!JsonInput.TryParse(fetched.Content!.Value.Span, int.MaxValue, 128, out var node, out var problem))
            {
                throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Loading document failed: " + url + " is not valid JSON: " + problem.Message);
            }

            var contextUrl = mediaType != "application/ld+json" && fetched.Links.Count > 0 ? ContextLink(fetched.Links, final) : null;
            return new RemoteDocument(final, node, contextUrl, mediaType);
        }
    }

    /// <summary>Whether a media type is JSON for JSON-LD (§9.4.1); an unknown one is taken as JSON.</summary>
    internal static bool IsJson(string? mediaType) =>
        mediaType is null or "application/json" or "application/ld+json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>The target of the <c>http://www.w3.org/ns/json-ld#context</c> link, resolved against <paramref name="baseUrl"/>.</summary>
    /// <exception cref="JsonLdException">More than one such link (<see cref="JsonLdErrorCode.MultipleContextLinkHeaders"/>).</exception>
    internal static string? ContextLink(IEnumerable<string> headers, string baseUrl)
    {
        string? found = null;
        foreach (var link in Links(headers))
        {
            if (HasRel(link.Rel, ContextRel))
            {
                if (found is not null)
                {
                    throw new JsonLdException(JsonLdErrorCode.MultipleContextLinkHeaders, "More than one JSON-LD context Link header for " + baseUrl + ".");
                }

                found = Iri.Resolve(baseUrl, link.Target);
            }
        }

        return found;
    }

    /// <summary>The target of an <c>alternate</c> link of type <c>application/ld+json</c>, resolved against <paramref name="baseUrl"/>.</summary>
    internal static Uri? Alternate(IEnumerable<string> headers, string baseUrl)
    {
        foreach (var link in Links(headers))
        {
            if (HasRel(link.Rel, "alternate") && link.Type == "application/ld+json" && Uri.TryCreate(new Uri(baseUrl), link.Target, out var target))
            {
                return target;
            }
        }

        return null;
    }

    private static bool HasRel(string? rels, string rel) =>
        rels is not null && rels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rel, StringComparer.Ordinal);

    /// <summary>The links of RFC 8288 <c>Link</c> header values: target, <c>rel</c> and <c>type</c> (quoted or not).</summary>
    private static IEnumerable<(string Target, string? Rel, string? Type)> Links(IEnumerable<string> headers)
    {
        foreach (var header in headers)
        {
            foreach (var part in header.Split(','))
            {
                var p = part.Trim();
                var lt = p.IndexOf('<', StringComparison.Ordinal);
                var gt = p.IndexOf('>', StringComparison.Ordinal);
                if (lt < 0 || gt < lt)
                {
                    continue;
                }

                string? rel = null;
                string? type = null;
                foreach (var parameter in p[(gt + 1)..].Split(';'))
                {
                    var eq = parameter.IndexOf('=', StringComparison.Ordinal);
                    if (eq < 0)
                    {
                        continue;
                    }

                    var name = parameter[..eq].Trim();
                    var value = parameter[(eq + 1)..].Trim().Trim('"');
                    if (name.Equals("rel", StringComparison.OrdinalIgnoreCase))
                    {
                        rel = value;
                    }
                    else if (name.Equals("type", StringComparison.OrdinalIgnoreCase))
                    {
                        type = value;
                    }
                }

                yield return (p[(lt + 1)..gt], rel, type);
            }
        }
    }

    private static JsonLdException Fail(string url, string reason) =>
        new(JsonLdErrorCode.LoadingDocumentFailed, "Loading document failed: " + url + " (" + reason + ").");
}
