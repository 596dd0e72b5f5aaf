namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// The error codes of JSON-LD 1.1 Processing Algorithms and API §9.4.2 (<c>JsonLdErrorCode</c>), plus the safe-mode
/// codes (named after the jsonld.js safe-mode events) and the resource limits of this processor.
/// </summary>
public static class JsonLdErrorCode
{
    /// <summary>Two properties which expand to the same keyword have been detected.</summary>
    public const string CollidingKeywords = "colliding keywords";

    /// <summary>Multiple conflicting indexes have been found for the same node.</summary>
    public const string ConflictingIndexes = "conflicting indexes";

    /// <summary>Maximum number of @context URLs exceeded (recursive context inclusion).</summary>
    public const string ContextOverflow = "context overflow";

    /// <summary>A cycle in IRI mappings has been detected.</summary>
    public const string CyclicIriMapping = "cyclic IRI mapping";

    /// <summary>An @id entry was encountered whose value was not a string.</summary>
    public const string InvalidIdValue = "invalid @id value";

    /// <summary>An invalid value for @import has been found.</summary>
    public const string InvalidImportValue = "invalid @import value";

    /// <summary>An included block contains an invalid value.</summary>
    public const string InvalidIncludedValue = "invalid @included value";

    /// <summary>An @index entry was encountered whose value was not a string.</summary>
    public const string InvalidIndexValue = "invalid @index value";

    /// <summary>An invalid value for @nest has been found.</summary>
    public const string InvalidNestValue = "invalid @nest value";

    /// <summary>An invalid value for @prefix has been found.</summary>
    public const string InvalidPrefixValue = "invalid @prefix value";

    /// <summary>An invalid value for @propagate has been found.</summary>
    public const string InvalidPropagateValue = "invalid @propagate value";

    /// <summary>An invalid value for @protected has been found.</summary>
    public const string InvalidProtectedValue = "invalid @protected value";

    /// <summary>An invalid value for an @reverse entry has been detected.</summary>
    public const string InvalidReverseValue = "invalid @reverse value";

    /// <summary>The @version entry was used in a context with an out of range value.</summary>
    public const string InvalidVersionValue = "invalid @version value";

    /// <summary>The value of @direction is not "ltr", "rtl", or null.</summary>
    public const string InvalidBaseDirection = "invalid base direction";

    /// <summary>An invalid base IRI has been detected.</summary>
    public const string InvalidBaseIri = "invalid base IRI";

    /// <summary>An @container entry was encountered whose value was not valid.</summary>
    public const string InvalidContainerMapping = "invalid container mapping";

    /// <summary>An entry in a context is invalid due to processing mode incompatibility.</summary>
    public const string InvalidContextEntry = "invalid context entry";

    /// <summary>An attempt was made to nullify a context containing protected term definitions.</summary>
    public const string InvalidContextNullification = "invalid context nullification";

    /// <summary>The value of the default language is not a string or null.</summary>
    public const string InvalidDefaultLanguage = "invalid default language";

    /// <summary>A local context contains a term that has an invalid or missing IRI mapping.</summary>
    public const string InvalidIriMapping = "invalid IRI mapping";

    /// <summary>An invalid JSON literal was detected.</summary>
    public const string InvalidJsonLiteral = "invalid JSON literal";

    /// <summary>An invalid keyword alias definition has been encountered.</summary>
    public const string InvalidKeywordAlias = "invalid keyword alias";

    /// <summary>An invalid value in a language map has been detected.</summary>
    public const string InvalidLanguageMapValue = "invalid language map value";

    /// <summary>An @language entry in a term definition was encountered whose value was neither a string nor null.</summary>
    public const string InvalidLanguageMapping = "invalid language mapping";

    /// <summary>A language-tagged string with an invalid language value was detected.</summary>
    public const string InvalidLanguageTaggedString = "invalid language-tagged string";

    /// <summary>A number, true, or false with an associated language tag was detected.</summary>
    public const string InvalidLanguageTaggedValue = "invalid language-tagged value";

    /// <summary>In invalid local context was detected.</summary>
    public const string InvalidLocalContext = "invalid local context";

    /// <summary>No valid context document has been found for a referenced remote context.</summary>
    public const string InvalidRemoteContext = "invalid remote context";

    /// <summary>An invalid reverse property definition has been detected.</summary>
    public const string InvalidReverseProperty = "invalid reverse property";

    /// <summary>An invalid reverse property map has been detected.</summary>
    public const string InvalidReversePropertyMap = "invalid reverse property map";

    /// <summary>An invalid value for a reverse property has been detected.</summary>
    public const string InvalidReversePropertyValue = "invalid reverse property value";

    /// <summary>The local context defined within a term definition is invalid.</summary>
    public const string InvalidScopedContext = "invalid scoped context";

    /// <summary>A set object or list object with disallowed entries has been detected.</summary>
    public const string InvalidSetOrListObject = "invalid set or list object";

    /// <summary>An invalid term definition has been detected.</summary>
    public const string InvalidTermDefinition = "invalid term definition";

    /// <summary>An @type entry in a term definition was encountered whose value could not be expanded to an IRI.</summary>
    public const string InvalidTypeMapping = "invalid type mapping";

    /// <summary>An invalid value for an @type entry has been detected.</summary>
    public const string InvalidTypeValue = "invalid type value";

    /// <summary>A typed value with an invalid type was detected.</summary>
    public const string InvalidTypedValue = "invalid typed value";

    /// <summary>A value object with disallowed entries has been detected.</summary>
    public const string InvalidValueObject = "invalid value object";

    /// <summary>An invalid value for the @value entry of a value object has been detected.</summary>
    public const string InvalidValueObjectValue = "invalid value object value";

    /// <summary>An invalid vocabulary mapping has been detected.</summary>
    public const string InvalidVocabMapping = "invalid vocab mapping";

    /// <summary>An IRI was confused with a compact IRI of the same prefix (raised by compaction).</summary>
    public const string IriConfusedWithPrefix = "IRI confused with prefix";

    /// <summary>A keyword redefinition has been detected.</summary>
    public const string KeywordRedefinition = "keyword redefinition";

    /// <summary>The document could not be loaded or parsed as JSON.</summary>
    public const string LoadingDocumentFailed = "loading document failed";

    /// <summary>There was a problem encountered loading a remote context.</summary>
    public const string LoadingRemoteContextFailed = "loading remote context failed";

    /// <summary>Multiple HTTP Link Headers using the http://www.w3.org/ns/json-ld#context relation have been detected.</summary>
    public const string MultipleContextLinkHeaders = "multiple context link headers";

    /// <summary>An attempt was made to change the processing mode which is incompatible with the previous specified version.</summary>
    public const string ProcessingModeConflict = "processing mode conflict";

    /// <summary>An attempt was made to redefine a protected term.</summary>
    public const string ProtectedTermRedefinition = "protected term redefinition";

    /// <summary>Not a spec code: the document nests deeper than <see cref="JsonLdOptions.MaxDepth"/>.</summary>
    public const string MaxDepthExceeded = "max depth exceeded";

    /// <summary>Not a spec code: the document needs more work than <see cref="JsonLdOptions.MaxNodes"/> or <see cref="JsonLdOptions.MaxQuads"/> allow.</summary>
    public const string WorkLimitExceeded = "work limit exceeded";

    /// <summary>Not a spec code: a JSON number outside the IEEE 754 double range (e.g. <c>1e400</c>), which has no RDF literal.</summary>
    public const string NonFiniteNumber = "non-finite number";

    /// <summary>Safe mode: a property does not expand to an absolute IRI and would be dropped.</summary>
    public const string SafeInvalidProperty = "invalid property";

    /// <summary>Safe mode: an <c>@id</c> value is a relative IRI reference that could not be resolved.</summary>
    public const string SafeRelativeIdReference = "relative @id reference";

    /// <summary>Safe mode: an <c>@type</c> value is a relative IRI reference that could not be resolved.</summary>
    public const string SafeRelativeTypeReference = "relative @type reference";

    /// <summary>Safe mode: an <c>@vocab</c> value is relative.</summary>
    public const string SafeRelativeVocabReference = "relative @vocab reference";

    /// <summary>Safe mode: a language tag is not well-formed (BCP 47).</summary>
    public const string SafeInvalidLanguageValue = "invalid @language value";

    /// <summary>Safe mode: a term or value has the form of a keyword but is not one, and would be ignored.</summary>
    public const string SafeReservedTerm = "reserved term";

    /// <summary>Safe mode: an <c>@id</c> value has the form of a keyword.</summary>
    public const string SafeReservedIdValue = "reserved @id value";

    /// <summary>Safe mode: an <c>@reverse</c> value has the form of a keyword.</summary>
    public const string SafeReservedReverseValue = "reserved @reverse value";

    /// <summary>Safe mode: an object would be dropped because it is empty.</summary>
    public const string SafeEmptyObject = "empty object";

    /// <summary>Safe mode: a scalar outside any property would be dropped.</summary>
    public const string SafeFreeFloatingScalar = "free-floating scalar";

    /// <summary>Safe mode: an <c>@id</c> is <c>null</c>.</summary>
    public const string SafeNullIdValue = "null @id value";

    /// <summary>Safe mode: a value object with <c>@value: null</c> would be dropped.</summary>
    public const string SafeNullValueValue = "null @value value";

    /// <summary>Safe mode: a top-level object with only <c>@id</c> would be dropped.</summary>
    public const string SafeObjectWithOnlyId = "object with only @id";

    /// <summary>Safe mode: an object with only <c>@language</c> would be dropped.</summary>
    public const string SafeObjectWithOnlyLanguage = "object with only @language";

    /// <summary>Safe mode: a free-floating list would be dropped.</summary>
    public const string SafeObjectWithOnlyList = "object with only @list";

    /// <summary>Safe mode: a free-floating value would be dropped.</summary>
    public const string SafeObjectWithOnlyValue = "object with only @value";

    /// <summary>Safe mode (toRdf): a property is a blank node, so its triples would be dropped.</summary>
    public const string SafeBlankNodePredicate = "blank node predicate";

    /// <summary>Safe mode (toRdf): a graph name is a relative IRI, so its triples would be dropped.</summary>
    public const string SafeRelativeGraphReference = "relative graph reference";

    /// <summary>Safe mode (toRdf): a property is a relative IRI, so its triples would be dropped.</summary>
    public const string SafeRelativePropertyReference = "relative property reference";

    /// <summary>Safe mode (toRdf): a subject is a relative IRI, so its triples would be dropped.</summary>
    public const string SafeRelativeSubjectReference = "relative subject reference";

    /// <summary>Safe mode (toRdf): a type or datatype is a relative IRI, so the triple would be dropped.</summary>
    public const string SafeRelativeTypeReferenceRdf = "relative type reference";

    /// <summary>Safe mode (toRdf): an object is a relative IRI, so the triple would be dropped.</summary>
    public const string SafeRelativeObjectReference = "relative object reference";

    private static readonly HashSet<string> SafeCodes = new(StringComparer.Ordinal)
    {
        SafeInvalidProperty, SafeRelativeIdReference, SafeRelativeTypeReference, SafeRelativeVocabReference,
        SafeInvalidLanguageValue, SafeReservedTerm, SafeReservedIdValue, SafeReservedReverseValue, SafeEmptyObject,
        SafeFreeFloatingScalar, SafeNullIdValue, SafeNullValueValue, SafeObjectWithOnlyId, SafeObjectWithOnlyLanguage,
        SafeObjectWithOnlyList, SafeObjectWithOnlyValue, SafeBlankNodePredicate, SafeRelativeGraphReference,
        SafeRelativePropertyReference, SafeRelativeSubjectReference, SafeRelativeTypeReferenceRdf, SafeRelativeObjectReference,
    };

    /// <summary>Whether <paramref name="code"/> is raised only by safe mode.</summary>
    /// <param name="code">An error code.</param>
    /// <returns><see langword="true"/> for a safe-mode code.</returns>
    public static bool IsSafeModeCode(string code) => SafeCodes.Contains(code);
}
