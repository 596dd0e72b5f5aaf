using System.Net;
using System.Net.Http.Headers;

namespace MicroCredentials.VC.Resources;

/// <summary>The limits of an <see cref="HttpResourceResolver"/>. Immutable; the defaults are conservative.</summary>
public sealed record HttpResourceResolverOptions
{
    /// <summary>
    /// What may be fetched, the one allow-list rule for every document: a host (<c>example.edu</c>, any port), a host and
    /// port (<c>example.edu:8443</c>), both compared case-insensitively, or an HTTPS URL prefix
    /// (<c>https://example.org/contexts/</c>: only URLs that start with it, compared after <see cref="Uri"/>
    /// normalization; end it with <c>/</c>). Empty by default: nothing is fetched until the caller names what it trusts.
    /// </summary>
    public IReadOnlyCollection<string> AllowedHosts { get; init; } = [];

    /// <summary>Largest accepted document, in bytes (default 1 MiB).</summary>
    public int MaxBytes { get; init; } = 1024 * 1024;

    /// <summary>How long one fetch (redirects included) may take (default 10 seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a fetched document is reused without asking again (default 5 minutes; <see cref="TimeSpan.Zero"/> disables the cache).</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many documents the cache holds at most (default 128).</summary>
    public int MaxCacheEntries { get; init; } = 128;

    /// <summary>How many redirects within the same host are followed (default 3). A redirect to another host, away from HTTPS or outside the allow-list is always refused.</summary>
    public int MaxRedirects { get; init; } = 3;

    /// <summary>The clock for the cache's expiry and the timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>
/// An opt-in resolver that fetches documents (DID documents for did:web, status lists, JSON-LD contexts through
/// <c>JsonLd.ResourceDocumentLoader</c>) over HTTPS with the caller's <see cref="HttpClient"/>. Only <c>https</c> URLs
/// the allow-list names are fetched; a response is limited in size and time; a redirect is followed only to the same
/// host over HTTPS and only when the allow-list names the target too; successful responses are cached for a while.
/// Failures are results with <c>resource.*</c> codes, never exceptions (except cancellation by the caller).
/// </summary>
/// <remarks>
/// Redirects: when the client's handler follows redirects itself, the final request URI is checked and a response
/// from another host (or over plain HTTP) is refused; when it does not (recommended:
/// <c>new HttpClientHandler { AllowAutoRedirect = false }</c>), this class follows same-host redirects itself.
/// </remarks>
public sealed class HttpResourceResolver : IResourceResolver
{
    private readonly HttpClient _client;
    private readonly HttpResourceResolverOptions _options;
    private readonly HashSet<string> _allowed;
    private readonly string[] _allowedPrefixes;
    private readonly Dictionary<string, (ResourceResult Result, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _cacheLock = new();

    /// <summary>Creates a resolver.</summary>
    /// <param name="client">The HTTP client (owned by the caller; not disposed here).</param>
    /// <param name="options">The allow-list and limits.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An allow-list entry is empty, or a URL prefix that is not an absolute <c>https</c> URL.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public HttpResourceResolver(HttpClient client, HttpResourceResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.AllowedHosts, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (options.MaxBytes <= 0 || options.Timeout <= TimeSpan.Zero || options.CacheDuration < TimeSpan.Zero || options.MaxCacheEntries < 0 || options.MaxRedirects < 0)
        {
            throw Error.ArgumentOutOfRange(nameof(options), "MaxBytes and Timeout must be positive; CacheDuration, MaxCacheEntries and MaxRedirects must not be negative.");
        }

        _client = client;
        _options = options;
        _allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var prefixes = new List<string>();
        foreach (var entry in options.AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                throw Error.Argument(nameof(options), "An allow-list entry must not be empty.");
            }

            if (!entry.Contains("://", StringComparison.Ordinal))
            {
                _allowed.Add(entry.Trim());
            }
            else if (Uri.TryCreate(entry.Trim(), UriKind.Absolute, out var prefix) && prefix.Scheme == Uri.UriSchemeHttps)
            {
                prefixes.Add(prefix.AbsoluteUri);
            }
            else
            {
                throw Error.Argument(nameof(options), "The allow-list entry '" + entry + "' is a URL but not an absolute https URL.");
            }
        }

        _allowedPrefixes = [.. prefixes];
    }

    /// <summary>The options in use.</summary>
    public HttpResourceResolverOptions Options => _options;

    /// <summary>Whether the allow-list lets <paramref name="url"/> be fetched: an absolute <c>https</c> URL on an allowed host, or under an allowed URL prefix.</summary>
    /// <param name="url">A URL.</param>
    /// <returns><see langword="true"/> when it would be fetched.</returns>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Refused(url) is null;
    }

    /// <inheritdoc/>
    public async ValueTask<ResourceResult> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (Refused(url) is { } refusal)
        {
            return refusal;
        }

        var key = url.AbsoluteUri;
        var now = _options.TimeProvider.GetUtcNow();
        lock (_cacheLock)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                if (cached.Expires > now)
                {
                    return cached.Result;
                }

                _cache.Remove(key);
            }
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ResourceResult result;
        try
        {
            result = await FetchAsync(url, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = ResourceResult.Failed("resource.timeout", $"Fetching {url} took longer than {_options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            result = ResourceResult.Failed("resource.fetchFailed", $"Fetching {url} failed: {ex.Message}");
        }
        catch (IOException ex)
        {
            result = ResourceResult.Failed("resource.fetchFailed", $"Reading {url} failed: {ex.Message}");
        }

        if (result.Succeeded && _options.CacheDuration > TimeSpan.Zero && _options.MaxCacheEntries > 0)
        {
            lock (_cacheLock)
            {
                if (_cache.Count >= _options.MaxCacheEntries)
                {
                    foreach (var expired in _cache.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
                    {
                        _cache.Remove(expired);
                    }

                    if (_cache.Count >= _options.MaxCacheEntries)
                    {
                        _cache.Remove(_cache.MinBy(e => e.Value.Expires).Key);
                    }
                }

                _cache[key] = (result, now + _options.CacheDuration);
            }
        }

        return result;
    }

    private ResourceResult? Refused(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps)
        {
            return ResourceResult.Failed("resource.notHttps", $"Only https URLs are fetched, not {url}.");
        }

        return _allowed.Contains(url.Host) || _allowed.Contains(url.Authority) || Array.Exists(_allowedPrefixes, p => url.AbsoluteUri.StartsWith(p, StringComparison.Ordinal))
            ? null
            : ResourceResult.Failed("resource.hostNotAllowed", $"The host '{url.Host}' is not in the allow-list, so {url} was not fetched.");
    }

    private async Task<ResourceResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.1));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

            // A handler that follows redirects itself reports where it ended up.
            var final = response.RequestMessage?.RequestUri ?? current;
            if ((OtherOrigin(url, final) ?? OutsideAllowList(url, final)) is { } moved)
            {
                return moved;
            }

            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(current, location);
                if ((OtherOrigin(url, target) ?? OutsideAllowList(url, target)) is { } refused)
                {
                    return refused;
                }

                if (redirects >= _options.MaxRedirects)
                {
                    return ResourceResult.Failed("resource.tooManyRedirects", $"Fetching {url} was redirected more than {_options.MaxRedirects} times.");
                }

                current = target;
                continue;
            }

            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return ResourceResult.Failed("resource.notFound", $"{current} answered {status} ({response.ReasonPhrase}).");
            }

            if (!response.IsSuccessStatusCode)
            {
                return ResourceResult.Failed("resource.httpError", $"{current} answered {status} ({response.ReasonPhrase}).");
            }

            if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
            {
                return TooLarge(current);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[Math.Min(_options.MaxBytes + 1, 64 * 1024)];
                using var content = new MemoryStream();
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (content.Length + read > _options.MaxBytes)
                    {
                        return TooLarge(current);
                    }

                    content.Write(buffer, 0, read);
                }

                return ResourceResult.Found(content.ToArray(), response.Content.Headers.ContentType?.MediaType) with
                {
                    Location = final,
                    Links = response.Headers.TryGetValues("Link", out var links) ? [.. links] : [],
                };
            }
        }
    }

    private ResourceResult TooLarge(Uri url) =>
        ResourceResult.Failed("resource.tooLarge", $"{url} is larger than the limit of {_options.MaxBytes} bytes.");

    private ResourceResult? OutsideAllowList(Uri original, Uri target) =>
        Refused(target) is null
            ? null
            : ResourceResult.Failed("resource.redirectRefused", $"Fetching {original} was redirected to {target}, which the allow-list does not name.");

    private static ResourceResult? OtherOrigin(Uri original, Uri target) =>
        target.Scheme != Uri.UriSchemeHttps || !string.Equals(target.Host, original.Host, StringComparison.OrdinalIgnoreCase) || target.Port != original.Port
            ? ResourceResult.Failed("resource.redirectRefused", $"Fetching {original} was redirected to {target.GetLeftPart(UriPartial.Authority)}, another host or scheme; only same-host HTTPS redirects are followed.")
            : null;
}
