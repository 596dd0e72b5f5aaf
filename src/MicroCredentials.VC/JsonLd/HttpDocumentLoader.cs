using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// An opt-in network document loader: a <see cref="ResourceDocumentLoader"/> over an <see cref="HttpResourceResolver"/>
/// whose allow-list is <c>allowedPrefixes</c>, so contexts are fetched with the same HTTPS rules as DID documents and
/// status lists (HTTPS only, allow-list, same-host redirects within the allow-list, size and time limits,
/// <c>resource.*</c> reasons). Give it an <see cref="HttpClient"/> created with automatic redirects switched off, so
/// every hop is checked.
/// </summary>
[Obsolete("Use new ResourceDocumentLoader(new HttpResourceResolver(client, options)): one HTTPS client, allow-list and limits for contexts, DID documents and status lists alike. This type remains a thin adapter over them until 1.0.")]
public sealed class HttpDocumentLoader : IDocumentLoader
{
    private readonly HttpClient client;
    private readonly string[] allowedPrefixes;
    private readonly Lazy<ResourceDocumentLoader> inner;

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

            // A prefix that is not https can never match (only https is fetched): it is dropped rather than refused.
            var prefix = p.Contains("://", StringComparison.Ordinal) ? p : "https://" + p.TrimEnd('/') + "/";
            if (prefix.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                list.Add(prefix);
            }
        }

        this.allowedPrefixes = [.. list];
        inner = new Lazy<ResourceDocumentLoader>(() => new ResourceDocumentLoader(new HttpResourceResolver(this.client, new HttpResourceResolverOptions
        {
            AllowedHosts = this.allowedPrefixes,
            MaxBytes = (int)Math.Clamp(MaxBytes, 1, int.MaxValue),
            Timeout = Timeout,
            CacheDuration = TimeSpan.Zero,
        })));
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
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && ((HttpResourceResolver)inner.Value.Resources).IsAllowed(uri);
    }

    /// <inheritdoc/>
    public ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default) =>
        inner.Value.LoadDocumentAsync(url, cancellationToken);
}
