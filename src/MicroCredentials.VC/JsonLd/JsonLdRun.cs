using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// State of one JSON-LD operation: options, document loader, documents loaded so far (asynchronous loads are
/// awaited by the caller and the operation is re-run), and the safe-mode switch.
/// </summary>
internal sealed class JsonLdRun
{
    private Dictionary<string, object>? loaded;

    public JsonLdRun(JsonLdOptions options, CancellationToken cancellationToken)
    {
        Options = options;
        Loader = options.DocumentLoader ?? EmbeddedDocumentLoader.Default;
        Safe = options.SafeMode;
        CancellationToken = cancellationToken;
        Is10 = options.ProcessingMode == "json-ld-1.0";
    }

    public JsonLdOptions Options { get; }

    public IDocumentLoader Loader { get; }

    public bool Safe { get; }

    public bool Is10 { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>JSON values visited by the current attempt (an attempt re-run after an asynchronous load starts again).</summary>
    private long steps;

    /// <summary>Starts an attempt: the work count restarts.</summary>
    public void BeginAttempt() => steps = 0;

    /// <summary>
    /// Counts one unit of work against <see cref="JsonLdOptions.MaxNodes"/>, and every 1,024 units looks at the
    /// cancellation token, so that a time budget (a token cancelled after a delay) stops even one long operation.
    /// </summary>
    public void Step()
    {
        steps++;
        if ((steps & 1023) == 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
            if (steps > Options.MaxNodes)
            {
                throw new JsonLdException(JsonLdErrorCode.WorkLimitExceeded, "The document needs more than " + Options.MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " JSON-LD expansion steps (JsonLdOptions.MaxNodes).");
            }
        }
    }

    private int polls;

    /// <summary>Every 1,024 calls, looks at the cancellation token (toRdf's loops, which <see cref="Step"/> does not count).</summary>
    public void Poll()
    {
        polls = unchecked(polls + 1);
        if ((polls & 1023) == 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>How deeply context processing is nested right now (scoped contexts inside term definitions).</summary>
    public int ContextDepth { get; set; }

    /// <summary>Records the outcome of an asynchronous load (a <see cref="RemoteDocument"/> or an exception).</summary>
    public void AddLoaded(string url, object outcome) => (loaded ??= new Dictionary<string, object>(StringComparer.Ordinal))[url] = outcome;

    /// <summary>
    /// Loads <paramref name="url"/> synchronously when the loader completes synchronously (the embedded loader always
    /// does); otherwise throws <see cref="PendingLoadException"/> so the asynchronous driver can await and re-run.
    /// </summary>
    public RemoteDocument Load(string url)
    {
        if (loaded is not null && loaded.TryGetValue(url, out var outcome))
        {
            if (outcome is RemoteDocument d)
            {
                return d;
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture((Exception)outcome).Throw();
        }

        if (Loader is EmbeddedDocumentLoader embedded)
        {
            return embedded.LoadShared(url);
        }

        // Remember every result, so an operation that is re-run after an asynchronous load never loads a URL twice.
        var vt = Loader.LoadDocumentAsync(url, CancellationToken);
        if (vt.IsCompleted)
        {
            RemoteDocument doc;
            try
            {
                doc = vt.GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AddLoaded(url, ex);
                throw;
            }

            AddLoaded(url, doc);
            return doc;
        }

        throw new PendingLoadException(url, vt.AsTask());
    }

    /// <summary>Loads a context document and returns its <c>@context</c> value (§4.1.2 steps 5.2.5–5.2.6).</summary>
    public (JsonNode? Context, string DocumentUrl) LoadContext(string url)
    {
        RemoteDocument doc;
        try
        {
            doc = Load(url);
        }
        catch (PendingLoadException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, "Loading remote context failed: " + url + " (" + ex.Message + ")", ex);
        }

        if (doc.Document is not JsonObject o || !o.TryGetPropertyValue("@context", out var ctx))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidRemoteContext, "The remote document " + url + " has no top-level @context.");
        }

        return (ctx, doc.DocumentUrl ?? url);
    }
}

/// <summary>Signals that a document load completes asynchronously; the operation is re-run once it has.</summary>
internal sealed class PendingLoadException : Exception
{
    public PendingLoadException(string url, Task<RemoteDocument> task)
        : base("Pending load of " + url)
    {
        Url = url;
        Task = task;
    }

    public PendingLoadException()
        : this(string.Empty, System.Threading.Tasks.Task.FromException<RemoteDocument>(new InvalidOperationException()))
    {
    }

    public PendingLoadException(string message)
        : this(message, System.Threading.Tasks.Task.FromException<RemoteDocument>(new InvalidOperationException()))
    {
    }

    public PendingLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Url = string.Empty;
        Task = System.Threading.Tasks.Task.FromException<RemoteDocument>(innerException);
    }

    public string Url { get; }

    public Task<RemoteDocument> Task { get; }
}
