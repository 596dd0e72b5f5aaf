using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// The default, offline document loader: serves only the context documents bundled with the library (the
/// repository's <c>contexts/</c> folder, listed in <c>contexts/manifest.json</c>). Each document is parsed once and
/// cached; callers receive a deep copy. Any other URL fails with <see cref="JsonLdErrorCode.LoadingDocumentFailed"/>,
/// because remote loading is off unless the caller opts in with a <see cref="ResourceDocumentLoader"/> over an HTTPS resolver.
/// </summary>
public sealed class EmbeddedDocumentLoader : IDocumentLoader
{
    private const string ResourcePrefix = "contexts/";
    private readonly FrozenDictionary<string, string> files;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RemoteDocument> cache = new(StringComparer.Ordinal);

    private EmbeddedDocumentLoader()
    {
        var assembly = typeof(EmbeddedDocumentLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + "manifest.json")
            ?? throw Error.InvalidOperation("The embedded context manifest is missing.");
        var manifest = JsonNode.Parse(stream) as JsonObject ?? throw Error.InvalidOperation("The embedded context manifest is not an object.");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in manifest["contexts"]?.AsArray() ?? [])
        {
            var url = entry?["url"]?.GetValue<string>();
            var file = entry?["file"]?.GetValue<string>();
            if (url is not null && file is not null)
            {
                map[url] = file;
            }
        }

        files = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The shared instance.</summary>
    public static EmbeddedDocumentLoader Default { get; } = new();

    /// <summary>The URLs this loader serves.</summary>
    public IReadOnlyCollection<string> Urls => files.Keys;

    /// <summary>Whether this loader serves <paramref name="url"/>.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns><see langword="true"/> when the document is bundled.</returns>
    public bool Contains(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return files.ContainsKey(url);
    }

    /// <inheritdoc/>
    public ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var shared = LoadShared(url);
        return new ValueTask<RemoteDocument>(shared with { Document = shared.Document.DeepClone() });
    }

    /// <summary>The cached document itself (never handed to callers outside the processor, which does not mutate it).</summary>
    internal RemoteDocument LoadShared(string url)
    {
        if (cache.TryGetValue(url, out var doc))
        {
            return doc;
        }

        if (!files.TryGetValue(url, out var file))
        {
            throw new JsonLdException(
                JsonLdErrorCode.LoadingDocumentFailed,
                "Loading document failed: " + url + " is not a bundled context, and remote loading is off (pass a ResourceDocumentLoader over an OfflineResourceResolver or an HttpResourceResolver, or a StaticDocumentLoader, to allow it).");
        }

        using var stream = typeof(EmbeddedDocumentLoader).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw Error.InvalidOperation("The embedded context " + file + " is missing.");
        JsonNode node;
        try
        {
            node = JsonNode.Parse(stream) ?? throw new JsonException("null document");
        }
        catch (JsonException ex)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "The bundled context " + url + " is not valid JSON.", ex);
        }

        doc = new RemoteDocument(url, node, null, "application/ld+json");
        return cache.GetOrAdd(url, doc);
    }
}
