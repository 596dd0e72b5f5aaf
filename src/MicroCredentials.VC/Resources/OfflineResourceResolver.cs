namespace MicroCredentials.VC.Resources;

/// <summary>
/// Serves a fixed set of documents (DID documents, status lists, JSON-LD contexts) under the URLs they stand for, without any network
/// access: the library side of the CLI's <c>--resource URL=FILE</c>. A URL matches only exactly (after the
/// normalization <see cref="Uri"/> applies: lower-case scheme and host, default port dropped); anything else is
/// <c>resource.notFound</c>.
/// </summary>
public sealed class OfflineResourceResolver : IResourceResolver
{
    private readonly Dictionary<string, ResourceResult> _documents = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over URL-to-content pairs (the content is copied).</summary>
    /// <param name="documents">Absolute URL to the document's bytes. A later duplicate URL replaces an earlier one.</param>
    /// <param name="mediaType">The media type reported for every document; <c>application/json</c> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of its URLs is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A URL is not absolute.</exception>
    public OfflineResourceResolver(IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> documents, string? mediaType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var (url, content) in documents)
        {
            ArgumentNullException.ThrowIfNull(url, nameof(documents));
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                throw Error.Argument(nameof(documents), "'" + url + "' is not an absolute URL.");
            }

            _documents[Key(uri)] = ResourceResult.Found(content.ToArray(), mediaType);
        }
    }

    /// <summary>The URLs served, normalized.</summary>
    public IReadOnlyCollection<string> Urls => _documents.Keys;

    /// <inheritdoc/>
    public ValueTask<ResourceResult> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(url.IsAbsoluteUri && _documents.TryGetValue(Key(url), out var found)
            ? found
            : ResourceResult.Failed("resource.notFound", $"No document is served offline under {url} (give it with --resource {url}=FILE)."));
    }

    private static string Key(Uri uri) => uri.AbsoluteUri;
}
