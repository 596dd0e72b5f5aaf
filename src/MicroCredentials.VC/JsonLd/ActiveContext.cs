using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>Container mapping flags of a term definition (JSON-LD 1.1 API §4.2.2 step 20).</summary>
[Flags]
internal enum Container
{
    None = 0,
    List = 1,
    Set = 2,
    Index = 4,
    Language = 8,
    Id = 16,
    Type = 32,
    Graph = 64,
}

/// <summary>A term definition (JSON-LD 1.1 API §4.1, "term definition"). Immutable once its context is built.</summary>
internal sealed class TermDefinition
{
    public string? IriMapping { get; set; }

    public bool IsPrefix { get; set; }

    public bool IsProtected { get; set; }

    public bool IsReverse { get; set; }

    public string? TypeMapping { get; set; }

    public bool HasLanguage { get; set; }

    public string? Language { get; set; }

    public bool HasDirection { get; set; }

    public string? Direction { get; set; }

    public bool HasContext { get; set; }

    /// <summary>The scoped (local) context; may be JSON null when <see cref="HasContext"/>.</summary>
    public JsonNode? Context { get; set; }

    /// <summary>Whether <see cref="Context"/> comes from an immutable, cacheable source (a loaded remote context).</summary>
    public bool ContextShared { get; set; }

    public string? BaseUrl { get; set; }

    public Container Container { get; set; }

    /// <summary>Whether an <c>@container</c> entry was present (even if it was <c>null</c> or <c>@set</c> only).</summary>
    public bool HasContainer { get; set; }

    public string? Index { get; set; }

    public string? Nest { get; set; }

    /// <summary>Equality other than <see cref="IsProtected"/> (§4.2.2 step 28.1).</summary>
    public bool SameAs(TermDefinition o) =>
        IriMapping == o.IriMapping && IsPrefix == o.IsPrefix && IsReverse == o.IsReverse && TypeMapping == o.TypeMapping
        && HasLanguage == o.HasLanguage && Language == o.Language && HasDirection == o.HasDirection && Direction == o.Direction
        && HasContext == o.HasContext && Container == o.Container && Index == o.Index && Nest == o.Nest
        && (!HasContext || JsonNode.DeepEquals(Context, o.Context));
}

/// <summary>
/// An active context (JSON-LD 1.1 API §4.1): term definitions, base IRI, vocabulary mapping, default language and
/// direction, and the previous context for non-propagated contexts. Built by <see cref="ContextProcessor"/>;
/// immutable once returned, so it is safely shared between threads and cached.
/// </summary>
internal sealed class ActiveContext
{
    private const int MaxDerived = 256;
    private const int MaxVocabExpansions = 2048;
    private ConcurrentDictionary<DerivedKey, ActiveContext>? derived;
    private ConcurrentDictionary<string, string?>? vocabExpansions;

    public ActiveContext(string? baseIri, string processingMode, bool shared)
    {
        BaseIri = baseIri;
        OriginalBaseUrl = baseIri;
        ProcessingMode = processingMode;
        Shared = shared;
        Terms = new Dictionary<string, TermDefinition>(StringComparer.Ordinal);
    }

    public Dictionary<string, TermDefinition> Terms { get; private set; }

    public string? BaseIri { get; set; }

    public string? OriginalBaseUrl { get; set; }

    public string? Vocab { get; set; }

    public string? DefaultLanguage { get; set; }

    public string? DefaultDirection { get; set; }

    public ActiveContext? PreviousContext { get; set; }

    public string ProcessingMode { get; }

    public bool Is10 => ProcessingMode == "json-ld-1.0";

    /// <summary>Whether this context was built only from immutable, cacheable sources (and can cache derived contexts).</summary>
    public bool Shared { get; set; }

    public bool HasProtected { get; set; }

    public ActiveContext Clone()
    {
        var c = new ActiveContext(BaseIri, ProcessingMode, Shared)
        {
            OriginalBaseUrl = OriginalBaseUrl,
            Vocab = Vocab,
            DefaultLanguage = DefaultLanguage,
            DefaultDirection = DefaultDirection,
            PreviousContext = PreviousContext,
            HasProtected = HasProtected,
        };
        c.Terms = new Dictionary<string, TermDefinition>(Terms, StringComparer.Ordinal);
        return c;
    }

    public TermDefinition? Get(string? term) =>
        term is not null && Terms.TryGetValue(term, out var d) ? d : null;

    /// <summary>A cached vocabulary-relative IRI expansion of a key that is not a defined term.</summary>
    public bool TryGetVocabExpansion(string key, out string? iri)
    {
        var d = vocabExpansions;
        if (d is null)
        {
            iri = null;
            return false;
        }

        return d.TryGetValue(key, out iri);
    }

    public void AddVocabExpansion(string key, string? iri)
    {
        var d = vocabExpansions ?? Interlocked.CompareExchange(ref vocabExpansions, new ConcurrentDictionary<string, string?>(StringComparer.Ordinal), null) ?? vocabExpansions;
        if (d.Count < MaxVocabExpansions)
        {
            d.TryAdd(key, iri);
        }
    }

    public bool TryGetDerived(in DerivedKey key, out ActiveContext? result)
    {
        var d = derived;
        if (d is null)
        {
            result = null;
            return false;
        }

        return d.TryGetValue(key, out result);
    }

    public void AddDerived(in DerivedKey key, ActiveContext result)
    {
        var d = derived ?? Interlocked.CompareExchange(ref derived, new ConcurrentDictionary<DerivedKey, ActiveContext>(), null) ?? derived;
        if (d.Count < MaxDerived)
        {
            d.TryAdd(key, result);
        }
    }
}

/// <summary>Cache key of a context derived from an active context by processing a local context.</summary>
/// <param name="Source">The context URL (a string) or the shared scoped-context node (by reference).</param>
/// <param name="BaseUrl">The base URL the local context was processed with.</param>
/// <param name="Flags">Override-protected, propagate and validate-scoped flags.</param>
internal readonly record struct DerivedKey(object Source, string? BaseUrl, int Flags)
{
    public bool Equals(DerivedKey other) =>
        Flags == other.Flags && BaseUrl == other.BaseUrl
        && (Source is string s ? other.Source is string os && s == os : ReferenceEquals(Source, other.Source));

    public override int GetHashCode() =>
        HashCode.Combine(Source is string s ? s.GetHashCode(StringComparison.Ordinal) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Source), BaseUrl, Flags);
}
