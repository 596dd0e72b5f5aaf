using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// JSON-LD 1.1 Processing Algorithms and API §9.2 (<c>JsonLdProcessor</c>): <c>expand</c> and <c>toRdf</c>
/// (§9.2.2, §9.2.6 with §8.1 Deserialize JSON-LD to RDF). Processed contexts are cached per document loader, so
/// repeated operations over the same contexts do no context work; with a synchronous loader (the embedded one)
/// the operations complete synchronously.
/// </summary>
public static class JsonLdProcessor
{
    private const int MaxRootsPerLoader = 16;
    private static readonly ConditionalWeakTable<IDocumentLoader, ConcurrentDictionary<(string Base, string Mode), ActiveContext>> Roots = new();

    /// <summary>Expands <paramref name="input"/> (§9.2.2 <c>expand</c>).</summary>
    /// <param name="input">The JSON-LD document (not modified).</param>
    /// <param name="options">Options; <see cref="JsonLdOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels remote loads.</param>
    /// <returns>The expanded document: always an array.</returns>
    /// <exception cref="JsonLdException">The document is invalid, a context cannot be loaded, or safe mode rejects it.</exception>
    public static ValueTask<JsonArray> ExpandAsync(JsonNode input, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ExpandAsync(input, null, options, cancellationToken);
    }

    /// <summary>Expands a loaded document: its URL is the base IRI (unless <see cref="JsonLdOptions.Base"/> is set) and its Link-header context applies.</summary>
    /// <param name="input">The remote document.</param>
    /// <param name="options">Options; <see cref="JsonLdOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels remote loads.</param>
    /// <returns>The expanded document: always an array.</returns>
    /// <exception cref="JsonLdException">The document is invalid, a context cannot be loaded, or safe mode rejects it.</exception>
    public static ValueTask<JsonArray> ExpandAsync(RemoteDocument input, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ExpandAsync(input.Document, input, options, cancellationToken);
    }

    /// <summary>Converts <paramref name="input"/> to an RDF dataset (§9.2.6 <c>toRdf</c>): expansion, node map generation, §8.1.</summary>
    /// <param name="input">The JSON-LD document (not modified).</param>
    /// <param name="options">Options; <see cref="JsonLdOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels remote loads.</param>
    /// <returns>The quads, blank nodes labelled <c>b0</c>, <c>b1</c>… in algorithm order.</returns>
    /// <exception cref="JsonLdException">The document is invalid, a context cannot be loaded, or safe mode rejects it.</exception>
    public static ValueTask<IReadOnlyList<Quad>> ToRdfAsync(JsonNode input, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ToRdfAsync(input, null, options, cancellationToken);
    }

    /// <summary>Converts a loaded document to an RDF dataset; its URL is the base IRI and its Link-header context applies.</summary>
    /// <param name="input">The remote document.</param>
    /// <param name="options">Options; <see cref="JsonLdOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels remote loads.</param>
    /// <returns>The quads.</returns>
    /// <exception cref="JsonLdException">The document is invalid, a context cannot be loaded, or safe mode rejects it.</exception>
    public static ValueTask<IReadOnlyList<Quad>> ToRdfAsync(RemoteDocument input, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ToRdfAsync(input.Document, input, options, cancellationToken);
    }

    /// <summary>Loads <paramref name="url"/> with the options' loader and expands it (the remote-document form of §9.2.2).</summary>
    /// <param name="url">The document URL.</param>
    /// <param name="options">Options; <see cref="JsonLdOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels remote loads.</param>
    /// <returns>The expanded document.</returns>
    /// <exception cref="JsonLdException">The document cannot be loaded or is invalid.</exception>
    public static async ValueTask<JsonArray> ExpandAsync(Uri url, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var loader = (options ?? JsonLdOptions.Default).DocumentLoader ?? EmbeddedDocumentLoader.Default;
        RemoteDocument doc;
        try
        {
            doc = await loader.LoadDocumentAsync(url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonLdException ex) when (ex.Code != JsonLdErrorCode.LoadingDocumentFailed && ex.Code != JsonLdErrorCode.MultipleContextLinkHeaders)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, ex.Message, ex);
        }

        return await ExpandAsync(doc, options, cancellationToken).ConfigureAwait(false);
    }

    private static ValueTask<JsonArray> ExpandAsync(JsonNode input, RemoteDocument? remote, JsonLdOptions? options, CancellationToken ct)
    {
        var run = new JsonLdRun(options ?? JsonLdOptions.Default, ct);
        try
        {
            return new ValueTask<JsonArray>(ToJsonArray(ExpandInternal(run, input, remote)));
        }
        catch (PendingLoadException pending)
        {
            return SlowAsync(run, pending, () => ToJsonArray(ExpandInternal(run, input, remote)));
        }
    }

    private static ValueTask<IReadOnlyList<Quad>> ToRdfAsync(JsonNode input, RemoteDocument? remote, JsonLdOptions? options, CancellationToken ct)
    {
        var run = new JsonLdRun(options ?? JsonLdOptions.Default, ct);
        try
        {
            return new ValueTask<IReadOnlyList<Quad>>(ToRdfInternal(run, input, remote));
        }
        catch (PendingLoadException pending)
        {
            return SlowAsync<IReadOnlyList<Quad>>(run, pending, () => ToRdfInternal(run, input, remote));
        }
    }

    private static async ValueTask<T> SlowAsync<T>(JsonLdRun run, PendingLoadException pending, Func<T> again)
    {
        for (var loads = 0; ; loads++)
        {
            if (loads >= run.Options.MaxRemoteDocuments)
            {
                throw new JsonLdException(JsonLdErrorCode.ContextOverflow, "Too many remote documents in one operation.");
            }

            try
            {
                run.AddLoaded(pending.Url, await pending.Task.ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                run.AddLoaded(pending.Url, ex);
            }

            try
            {
                return again();
            }
            catch (PendingLoadException next)
            {
                pending = next;
            }
        }
    }

    private static JsonArray ToJsonArray(object? expanded)
    {
        var array = new JsonArray();
        if (expanded is List<object> list)
        {
            foreach (var item in list)
            {
                array.Add(Expanded.ToJson(item));
            }
        }
        else if (expanded is not null)
        {
            array.Add(Expanded.ToJson(expanded));
        }

        return array;
    }

    private static IReadOnlyList<Quad> ToRdfInternal(JsonLdRun run, JsonNode input, RemoteDocument? remote)
    {
        var expanded = ExpandInternal(run, input, remote);
        return new RdfSerializer(run).Serialize(expanded);
    }

    /// <summary>The initial active context for a loader, base IRI and processing mode (shared and cached).</summary>
    private static ActiveContext Root(IDocumentLoader loader, string? baseIri, string mode)
    {
        var perLoader = Roots.GetValue(loader, _ => new ConcurrentDictionary<(string, string), ActiveContext>());
        var key = (baseIri ?? "\0", mode);
        if (perLoader.TryGetValue(key, out var ctx))
        {
            return ctx;
        }

        if (perLoader.Count >= MaxRootsPerLoader)
        {
            return new ActiveContext(baseIri, mode, shared: false);
        }

        return perLoader.GetOrAdd(key, _ => new ActiveContext(baseIri, mode, shared: true));
    }

    /// <summary>§9.2.2 expand, steps 4–8, returning the internal expanded form (a list, never null).</summary>
    internal static List<object> ExpandInternal(JsonLdRun run, JsonNode input, RemoteDocument? remote)
    {
        var options = run.Options;
        run.BeginAttempt();
        if (options.ProcessingMode is not ("json-ld-1.1" or "json-ld-1.0"))
        {
            throw new JsonLdException(JsonLdErrorCode.ProcessingModeConflict, "Unknown processing mode " + options.ProcessingMode + ".");
        }

        var baseIri = options.Base ?? remote?.DocumentUrl;
        var active = Root(run.Loader, baseIri, options.ProcessingMode);
        if (options.ExpandContext is { } expandContext)
        {
            var ctx = expandContext is JsonObject eo && eo.TryGetPropertyValue("@context", out var inner) ? inner : expandContext;
            active = ContextProcessor.Process(run, active, ctx, baseIri, null);
        }

        if (remote?.ContextUrl is { } contextUrl)
        {
            active = ContextProcessor.Process(run, active, JsonValue.Create(contextUrl), contextUrl, null);
        }

        var expanded = new Expander(run).Expand(active, null, input, baseIri, false, 0);
        if (expanded is JMap map && map.Count == 1 && map.TryGetValue("@graph", out var graph))
        {
            expanded = graph;
        }

        return expanded switch
        {
            null => new List<object>(),
            List<object> l => l,
            _ => new List<object>(1) { expanded },
        };
    }
}
