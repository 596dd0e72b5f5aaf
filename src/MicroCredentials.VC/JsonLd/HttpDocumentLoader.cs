using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// An opt-in network document loader (JSON-LD 1.1 API §9.4 <c>LoadDocumentCallback</c>, with the §9.4.1 remote
/// document rules for media types and <c>Link</c> headers). It fetches only HTTPS URLs that start with one of the
/// allowed prefixes, follows at most five redirects and only within the same host and allow-list, reads at most
/// <see cref="MaxBytes"/> bytes, and gives up after <see cref="Timeout"/>. Give it an <see cref="HttpClient"/>
/// created with automatic redirects switched off, so every hop is checked.
/// </summary>
public sealed class HttpDocumentLoader : IDocumentLoader
{
    private const int MaxRedirects = 5;
    private readonly HttpClient client;
    private readonly string[] allowedPrefixes;

    /// <summary>Creates a loader.</summary>
    /// <param name="client">The HTTP client (owned by the caller).</param>
    /// <param name="allowedPrefixes">URL prefixes that may be fetched, such as <c>https://example.org/contexts/</c>; a bare host name allows the whole host over HTTPS.</param>
    public HttpDocumentLoader(HttpClient client, IEnumerable<string> allowedPrefixes)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(allowedPrefixes);
        this.client = client;
        var list = new List<string>();
        foreach (var p in allowedPrefixes)
        {
            if (string.IsNullOrWhiteSpace(p))
            {
                throw Error.Argument(nameof(allowedPrefixes), "Allowed prefixes must not be empty.");
            }

            list.Add(p.Contains("://", StringComparison.Ordinal) ? p : "https://" + p.TrimEnd('/') + "/");
        }

        allowedPrefixes = list;
        this.allowedPrefixes = [.. list];
    }

    /// <summary>The largest document accepted, in bytes (default 1 MiB).</summary>
    public long MaxBytes { get; init; } = 1024 * 1024;

    /// <summary>The time allowed for one load, redirects included (default 10 seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <paramref name="url"/> may be fetched: HTTPS and under an allowed prefix.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool IsAllowed(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        foreach (var p in allowedPrefixes)
        {
            if (url.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public async ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        var current = url;
        var host = Uri.TryCreate(url, UriKind.Absolute, out var first) ? first.Host : string.Empty;
        for (var hop = 0; ; hop++)
        {
            if (!IsAllowed(current) || !string.Equals(new Uri(current).Host, host, StringComparison.OrdinalIgnoreCase))
            {
                throw Fail(url, current == url ? "the URL is not HTTPS or not on the allow-list" : "it redirects to " + current + ", which is not allowed");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("application/ld+json, application/json;q=0.9");
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Loading document failed: " + url + " (" + ex.Message + ")", ex);
            }

            using (response)
            {
                var final = response.RequestMessage?.RequestUri?.AbsoluteUri ?? current;
                if (!IsAllowed(final) || !string.Equals(new Uri(final).Host, host, StringComparison.OrdinalIgnoreCase))
                {
                    throw Fail(url, "it was redirected to " + final + ", which is not allowed");
                }

                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw Fail(url, "too many redirects");
                    }

                    current = new Uri(new Uri(final), location).AbsoluteUri;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw Fail(url, "HTTP status " + status);
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (mediaType is not null && mediaType != "application/json" && mediaType != "application/ld+json" && !mediaType.EndsWith("+json", StringComparison.Ordinal))
                {
                    throw Fail(url, "it is served as " + mediaType + ", not JSON");
                }

                if (response.Content.Headers.ContentLength is long length && length > MaxBytes)
                {
                    throw Fail(url, "it is larger than " + MaxBytes + " bytes");
                }

                var bytes = await ReadLimitedAsync(response.Content, cts.Token).ConfigureAwait(false) ?? throw Fail(url, "it is larger than " + MaxBytes + " bytes");
                JsonNode? node;
                try
                {
                    node = JsonNode.Parse(bytes);
                }
                catch (JsonException ex)
                {
                    throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Loading document failed: " + url + " is not valid JSON.", ex);
                }

                if (node is null)
                {
                    throw Fail(url, "the document is null");
                }

                string? contextUrl = null;
                if (mediaType != "application/ld+json" && response.Headers.TryGetValues("Link", out var links))
                {
                    contextUrl = ContextLink(links, final);
                }

                return new RemoteDocument(final, node, contextUrl, mediaType);
            }
        }
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken ct)
    {
        using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var ms = new MemoryStream();
        var buffer = new byte[16384];
        while (true)
        {
            var n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
            if (n == 0)
            {
                return ms.ToArray();
            }

            if (ms.Length + n > MaxBytes)
            {
                return null;
            }

            ms.Write(buffer, 0, n);
        }
    }

    /// <summary>The target of the <c>http://www.w3.org/ns/json-ld#context</c> link, resolved against <paramref name="baseUrl"/>.</summary>
    internal static string? ContextLink(IEnumerable<string> headers, string baseUrl)
    {
        string? found = null;
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

                var target = p[(lt + 1)..gt];
                var pars = p[(gt + 1)..];
                if (pars.Contains("rel=\"http://www.w3.org/ns/json-ld#context\"", StringComparison.Ordinal)
                    || pars.Contains("rel=http://www.w3.org/ns/json-ld#context", StringComparison.Ordinal))
                {
                    if (found is not null)
                    {
                        throw new JsonLdException(JsonLdErrorCode.MultipleContextLinkHeaders, "More than one JSON-LD context Link header for " + baseUrl + ".");
                    }

                    found = Iri.Resolve(baseUrl, target);
                }
            }
        }

        return found;
    }

    private static JsonLdException Fail(string url, string reason) =>
        new(JsonLdErrorCode.LoadingDocumentFailed, "Loading document failed: " + url + " (" + reason + ").");

    /// <summary>Parses the media type of a content-type header value.</summary>
    internal static string? MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var v) ? v.MediaType : contentType;
}
