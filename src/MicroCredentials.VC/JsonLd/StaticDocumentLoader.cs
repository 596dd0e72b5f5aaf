using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// A document loader over a fixed, caller-supplied map of URL to already parsed document (tests, documents built in
/// memory), falling back to an inner loader (by default <see cref="EmbeddedDocumentLoader.Default"/>) for other URLs. It
/// fetches nothing: for files (the CLI's <c>--resource URL=FILE</c>) or HTTPS use a <see cref="ResourceDocumentLoader"/>
/// over the resolver that also serves DID documents and status lists. Documents are copied on the way in and on the
/// way out, so the map cannot be changed afterwards.
/// </summary>
public sealed class StaticDocumentLoader : IDocumentLoader
{
    private readonly Dictionary<string, RemoteDocument> documents;
    private readonly IDocumentLoader? fallback;

    /// <summary>Creates a loader over <paramref name="documents"/>.</summary>
    /// <param name="documents">URL to parsed document.</param>
    /// <param name="fallback">The loader for other URLs; <see cref="EmbeddedDocumentLoader.Default"/> when <see langword="null"/>. Pass a loader that always fails to serve only the map.</param>
    public StaticDocumentLoader(IEnumerable<KeyValuePair<string, JsonNode>> documents, IDocumentLoader? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        this.documents = new Dictionary<string, RemoteDocument>(StringComparer.Ordinal);
        foreach (var (url, doc) in documents)
        {
            if (url is null || doc is null)
            {
                throw Error.Argument(nameof(documents), "URLs and documents must not be null.");
            }

            this.documents[url] = new RemoteDocument(url, doc.DeepClone(), null, "application/ld+json");
        }

        this.fallback = fallback ?? EmbeddedDocumentLoader.Default;
    }

    /// <summary>Creates a loader over remote documents (which may carry a <see cref="RemoteDocument.ContextUrl"/> or another final URL).</summary>
    /// <param name="documents">The documents, keyed by the URL they are requested with.</param>
    /// <param name="fallback">The loader for other URLs; <see cref="EmbeddedDocumentLoader.Default"/> when <see langword="null"/>.</param>
    public StaticDocumentLoader(IEnumerable<KeyValuePair<string, RemoteDocument>> documents, IDocumentLoader? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        this.documents = new Dictionary<string, RemoteDocument>(StringComparer.Ordinal);
        foreach (var (url, doc) in documents)
        {
            if (url is null || doc is null)
            {
                throw Error.Argument(nameof(documents), "URLs and documents must not be null.");
            }

            this.documents[url] = doc with { Document = doc.Document.DeepClone() };
        }

        this.fallback = fallback ?? EmbeddedDocumentLoader.Default;
    }

    /// <summary>The URLs served from the map (not counting the fallback).</summary>
    public IReadOnlyCollection<string> Urls => documents.Keys;

    /// <inheritdoc/>
    public ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (documents.TryGetValue(url, out var doc))
        {
            return new ValueTask<RemoteDocument>(doc with { Document = doc.Document.DeepClone() });
        }

        if (fallback is not null)
        {
            return fallback.LoadDocumentAsync(url, cancellationToken);
        }

        throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Loading document failed: " + url + " is not among the supplied documents.");
    }
}
