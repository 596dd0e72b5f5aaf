using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// Options of a JSON-LD operation (JSON-LD 1.1 API §9.4.3 <c>JsonLdOptions</c>, the subset used by expansion and
/// toRdf) plus safe mode and resource limits. Immutable.
/// </summary>
public sealed record JsonLdOptions
{
    /// <summary>The default options: offline (bundled contexts only), JSON-LD 1.1, safe mode off.</summary>
    public static JsonLdOptions Default { get; } = new();

    /// <summary>The safe options used for signing and verifying: like <see cref="Default"/> with <see cref="SafeMode"/> on.</summary>
    public static JsonLdOptions Safe { get; } = new() { SafeMode = true };

    /// <summary>The loader for remote contexts (and remote documents). Defaults to the offline <see cref="EmbeddedDocumentLoader.Default"/>.</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary>The base IRI of the document; when <see langword="null"/>, the document URL if it was loaded, else none.</summary>
    public string? Base { get; init; }

    /// <summary>A context applied before the document's own (a context object, an object with <c>@context</c>, or a URL string).</summary>
    public JsonNode? ExpandContext { get; init; }

    /// <summary><c>json-ld-1.1</c> (default) or <c>json-ld-1.0</c>.</summary>
    public string ProcessingMode { get; init; } = "json-ld-1.1";

    /// <summary>
    /// Safe mode: any value expansion or toRdf would silently drop — a property or type that does not expand to an
    /// absolute IRI, an unresolvable relative <c>@id</c>, an ill-formed language tag, a free-floating value — raises
    /// <see cref="JsonLdException"/> (codes as jsonld.js safe mode) naming the offending term. Always on for signing and
    /// verifying.
    /// </summary>
    public bool SafeMode { get; init; }

    /// <summary><c>i18n-datatype</c> or <c>compound-literal</c> to keep <c>@direction</c> in RDF; <see langword="null"/> (default) drops it.</summary>
    public string? RdfDirection { get; init; }

    /// <summary>Whether toRdf keeps triples whose predicate is a blank node (generalized RDF).</summary>
    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>The deepest nesting of arrays and objects accepted (default 256); deeper input raises <see cref="JsonLdErrorCode.MaxDepthExceeded"/>.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// The most JSON values (objects, arrays, scalars) expansion may visit, scoped contexts included (default
    /// 10,000,000); more raises <see cref="JsonLdErrorCode.WorkLimitExceeded"/>. Expansion and toRdf take time linear in
    /// this count.
    /// </summary>
    public long MaxNodes { get; init; } = 10_000_000;

    /// <summary>The most quads toRdf may produce (default 10,000,000); more raises <see cref="JsonLdErrorCode.WorkLimitExceeded"/>.</summary>
    public long MaxQuads { get; init; } = 10_000_000;

    /// <summary>The most remote contexts one context may pull in, transitively (default 32); more raises <see cref="JsonLdErrorCode.ContextOverflow"/>.</summary>
    public int MaxRemoteContexts { get; init; } = 32;

    /// <summary>The most documents loaded asynchronously in one operation (default 64).</summary>
    public int MaxRemoteDocuments { get; init; } = 64;

    /// <summary>
    /// In safe mode, where a property or a <c>@type</c> value that no context defines is recorded (the term itself)
    /// instead of failing; it is then dropped (a property) or left relative (a type), as JSON-LD does outside safe mode.
    /// Every other safe-mode rule still fails. For documents whose signature covers their bytes, not their dataset.
    /// </summary>
    internal ISet<string>? UndefinedTerms { get; init; }

    /// <summary>These options with the JSON-LD work limits of <paramref name="limits"/> (values expanded, quads produced).</summary>
    internal JsonLdOptions WithLimits(InputLimits limits) => this with { MaxNodes = limits.MaxJsonLdNodes, MaxQuads = limits.MaxQuads };
}
