using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// JSON-LD 1.1 Processing Algorithms and API §4.1 (Context Processing), §4.2 (Create Term Definition) and §5.2
/// (IRI Expansion). Contexts built from cacheable sources (documents served by the loader and the scoped contexts
/// they define) are cached on the active context they were derived from.
/// </summary>
internal static class ContextProcessor
{
    /// <summary>The local context being processed and the parameters Create Term Definition recurses with.</summary>
    internal sealed class TermScope(JsonObject local, string? baseUrl, bool overrideProtected, List<string>? remote, bool validateScoped, bool localShared)
    {
        public JsonObject Local { get; } = local;

        public Dictionary<string, bool> Defined { get; } = new(StringComparer.Ordinal);

        public string? BaseUrl { get; } = baseUrl;

        public bool OverrideProtected { get; } = overrideProtected;

        public List<string>? Remote { get; } = remote;

        public bool ValidateScoped { get; } = validateScoped;

        public bool LocalShared { get; } = localShared;

        public bool Protected { get; } = local.TryGetPropertyValue("@protected", out var p) && p is not null && p.GetValueKind() == JsonValueKind.True;
    }

    private const int FlagOverride = 1;
    private const int FlagPropagate = 2;
    private const int FlagValidate = 4;

    public static ActiveContext Process(
        JsonLdRun run,
        ActiveContext active,
        JsonNode? local,
        string? baseUrl,
        List<string>? remote,
        bool overrideProtected = false,
        bool propagate = true,
        bool validateScoped = true,
        bool localShared = false)
    {
        var flags = (overrideProtected ? FlagOverride : 0) | (propagate ? FlagPropagate : 0) | (validateScoped ? FlagValidate : 0);
        if (localShared && active.Shared && local is not null && (remote is null || remote.Count == 0))
        {
            var key = new DerivedKey(local, baseUrl, flags);
            if (active.TryGetDerived(key, out var cached))
            {
                return cached!;
            }

            var r = ProcessCore(run, active, local, baseUrl, remote, overrideProtected, propagate, validateScoped, true);
            if (r.Shared)
            {
                active.AddDerived(key, r);
            }

            return r;
        }

        return ProcessCore(run, active, local, baseUrl, remote, overrideProtected, propagate, validateScoped, localShared);
    }

    private static ActiveContext ProcessCore(
        JsonLdRun run,
        ActiveContext active,
        JsonNode? local,
        string? baseUrl,
        List<string>? remote,
        bool overrideProtected,
        bool propagate,
        bool validateScoped,
        bool localShared)
    {
        // Scoped contexts nest inside term definitions; a hostile context must not exhaust the stack.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack() || ++run.ContextDepth > run.Options.MaxDepth)
        {
            throw new JsonLdException(JsonLdErrorCode.MaxDepthExceeded, "Contexts nest deeper than " + run.Options.MaxDepth + " levels.");
        }

        try
        {
            return ProcessCoreChecked(run, active, local, baseUrl, remote, overrideProtected, propagate, validateScoped, localShared);
        }
        finally
        {
            run.ContextDepth--;
        }
    }

    private static ActiveContext ProcessCoreChecked(
        JsonLdRun run,
        ActiveContext active,
        JsonNode? local,
        string? baseUrl,
        List<string>? remote,
        bool overrideProtected,
        bool propagate,
        bool validateScoped,
        bool localShared)
    {
        var result = active;
        var owned = false;

        // Step 2.
        if (local is JsonObject lo && lo.TryGetPropertyValue("@propagate", out var pv))
        {
            if (pv is null || pv.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false.");
            }

            propagate = pv.GetValue<bool>();
        }

        // Step 3.
        if (!propagate && result.PreviousContext is null)
        {
            result = result.Clone();
            result.PreviousContext = active;
            owned = true;
        }

        // Step 4-5.
        if (local is JsonArray arr)
        {
            foreach (var item in arr)
            {
                ProcessItem(run, active, ref result, ref owned, item, baseUrl, remote, overrideProtected, propagate, validateScoped, localShared);
            }
        }
        else
        {
            ProcessItem(run, active, ref result, ref owned, local, baseUrl, remote, overrideProtected, propagate, validateScoped, localShared);
        }

        return result;
    }

    private static void ProcessItem(
        JsonLdRun run,
        ActiveContext active,
        ref ActiveContext result,
        ref bool owned,
        JsonNode? context,
        string? baseUrl,
        List<string>? remote,
        bool overrideProtected,
        bool propagate,
        bool validateScoped,
        bool localShared)
    {
        // 5.1 null.
        if (context is null)
        {
            if (!overrideProtected && result.HasProtected)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextNullification, "A context with protected terms cannot be nullified.");
            }

            var fresh = new ActiveContext(result.OriginalBaseUrl, result.ProcessingMode, result.Shared && localShared)
            {
                OriginalBaseUrl = result.OriginalBaseUrl,
            };
            if (!propagate)
            {
                fresh.PreviousContext = result;
            }

            result = fresh;
            owned = true;
            return;
        }

        var kind = context.GetValueKind();

        // 5.2 string.
        if (kind == JsonValueKind.String)
        {
            var s = context.GetValue<string>();
            var url = Iri.Resolve(baseUrl, s);
            if (!Iri.IsAbsolute(url))
            {
                throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "The context reference '" + s + "' is relative and there is no base IRI.");
            }

            if (!validateScoped && remote is not null && remote.Contains(url))
            {
                return;
            }

            var count = remote?.Count ?? 0;
            if (count >= run.Options.MaxRemoteContexts)
            {
                throw new JsonLdException(JsonLdErrorCode.ContextOverflow, "Too many remote contexts (recursive context inclusion?) at " + url + ".");
            }

            var key = new DerivedKey(url, null, validateScoped ? FlagValidate : 0);
            if (result.Shared && result.TryGetDerived(key, out var cached))
            {
                result = cached!;
                owned = false;
                return;
            }

            var newRemote = remote is null ? new List<string>(4) : new List<string>(remote);
            newRemote.Add(url);
            var (loadedContext, documentUrl) = run.LoadContext(url);
            var r = Process(run, result, loadedContext, documentUrl, newRemote, false, true, validateScoped, true);
            if (result.Shared && r.Shared)
            {
                result.AddDerived(key, r);
            }

            result = r;
            owned = false;
            return;
        }

        // 5.3.
        if (context is not JsonObject def)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidLocalContext, "A local context must be null, a string or an object.");
        }

        if (!owned)
        {
            result = result.Clone();
            owned = true;
        }

        result.Shared = result.Shared && localShared;
        var is10 = result.Is10;

        // 5.5 @version.
        if (def.TryGetPropertyValue("@version", out var version))
        {
            if (version is null || version.GetValueKind() != JsonValueKind.Number || Expanded.ToDouble((JsonValue)version) != 1.1)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidVersionValue, "@version must be 1.1.");
            }

            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCode.ProcessingModeConflict, "@version 1.1 in json-ld-1.0 processing mode.");
            }
        }

        // 5.6 @import.
        if (def.TryGetPropertyValue("@import", out var import))
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@import is not allowed in json-ld-1.0.");
            }

            if (import is null || import.GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidImportValue, "@import must be a string.");
            }

            var importUrl = Iri.Resolve(baseUrl, import.GetValue<string>());
            var (importContext, _) = run.LoadContext(importUrl);
            if (importContext is not JsonObject importObj)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidRemoteContext, "The imported context " + importUrl + " is not an object.");
            }

            if (importObj.ContainsKey("@import"))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "The imported context " + importUrl + " itself uses @import.");
            }

            var merged = new JsonObject();
            foreach (var p in importObj)
            {
                if (!def.ContainsKey(p.Key))
                {
                    merged[p.Key] = p.Value?.DeepClone();
                }
            }

            foreach (var p in def)
            {
                if (p.Key != "@import")
                {
                    merged[p.Key] = p.Value?.DeepClone();
                }
            }

            def = merged;
            result.Shared = false;
        }

        // 5.7 @base.
        if (def.TryGetPropertyValue("@base", out var baseValue) && (remote is null || remote.Count == 0))
        {
            if (baseValue is null)
            {
                result.BaseIri = null;
            }
            else if (baseValue.GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidBaseIri, "@base must be a string or null.");
            }
            else
            {
                var b = baseValue.GetValue<string>();
                if (Iri.IsAbsolute(b))
                {
                    result.BaseIri = b;
                }
                else if (result.BaseIri is not null)
                {
                    result.BaseIri = Iri.Resolve(result.BaseIri, b);
                }
                else
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidBaseIri, "@base '" + b + "' is relative and there is no base IRI.");
                }
            }
        }

        // 5.8 @vocab.
        if (def.TryGetPropertyValue("@vocab", out var vocab))
        {
            if (vocab is null)
            {
                result.Vocab = null;
            }
            else if (vocab.GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be a string or null.");
            }
            else
            {
                var v = vocab.GetValue<string>();
                if (is10 && !(Iri.IsAbsolute(v) || Iri.IsBlankNode(v)))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be an absolute IRI in json-ld-1.0.");
                }

                var expanded = ExpandIri(run, result, v, documentRelative: true, vocab: true, null);
                if (expanded is null || !(Iri.IsAbsolute(expanded) || Iri.IsBlankNode(expanded)))
                {
                    if (run.Safe)
                    {
                        throw new JsonLdException(JsonLdErrorCode.SafeRelativeVocabReference, "@vocab '" + v + "' does not resolve to an absolute IRI.");
                    }

                    if (expanded is null || Iri.IsKeyword(expanded))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab '" + v + "' is not an IRI.");
                    }
                }

                result.Vocab = expanded;
            }
        }

        // 5.9 @language.
        if (def.TryGetPropertyValue("@language", out var language))
        {
            if (language is null)
            {
                result.DefaultLanguage = null;
            }
            else if (language.GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidDefaultLanguage, "@language must be a string or null.");
            }
            else
            {
                result.DefaultLanguage = CheckLanguage(run, language.GetValue<string>());
            }
        }

        // 5.10 @direction.
        if (def.TryGetPropertyValue("@direction", out var direction))
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@direction is not allowed in json-ld-1.0.");
            }

            if (direction is null)
            {
                result.DefaultDirection = null;
            }
            else if (direction.GetValueKind() == JsonValueKind.String && direction.GetValue<string>() is "ltr" or "rtl")
            {
                result.DefaultDirection = direction.GetValue<string>();
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null.");
            }
        }

        // 5.11 @propagate.
        if (def.TryGetPropertyValue("@propagate", out var prop))
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@propagate is not allowed in json-ld-1.0.");
            }

            if (prop is null || prop.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false.");
            }
        }

        var isProtected = false;
        if (def.TryGetPropertyValue("@protected", out var protectedValue))
        {
            if (protectedValue is null || protectedValue.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidProtectedValue, "@protected must be true or false.");
            }

            isProtected = protectedValue.GetValue<bool>();
        }

        // 5.12-5.13.
        _ = isProtected;
        var scope = new TermScope(def, baseUrl, overrideProtected, remote, validateScoped, localShared);
        foreach (var entry in def)
        {
            switch (entry.Key)
            {
                case "@base":
                case "@direction":
                case "@import":
                case "@language":
                case "@propagate":
                case "@protected":
                case "@version":
                case "@vocab":
                    continue;
            }

            CreateTermDefinition(run, result, scope, entry.Key);
        }
    }

    internal static string CheckLanguage(JsonLdRun run, string tag)
    {
        if (!IsWellFormedLanguage(tag) && run.Safe)
        {
            throw new JsonLdException(JsonLdErrorCode.SafeInvalidLanguageValue, "The language tag '" + tag + "' is not well-formed.");
        }

        return tag.ToLowerInvariant();
    }

    /// <summary>BCP 47 well-formedness as jsonld.js checks it: ALPHA{1,8} ("-" ALPHANUM{1,8})*.</summary>
    internal static bool IsWellFormedLanguage(string tag)
    {
        var n = 0;
        var first = true;
        foreach (var c in tag)
        {
            if (c == '-')
            {
                if (n == 0)
                {
                    return false;
                }

                n = 0;
                first = false;
                continue;
            }

            var alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            var digit = c >= '0' && c <= '9';
            if (!(alpha || (digit && !first)) || ++n > 8)
            {
                return false;
            }
        }

        return n > 0;
    }

    /// <summary>§4.2.2 Create Term Definition.</summary>
    internal static void CreateTermDefinition(JsonLdRun run, ActiveContext active, TermScope scope, string term)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonLdException(JsonLdErrorCode.MaxDepthExceeded, "Term definitions depend on each other too deeply (at '" + term + "').");
        }

        var local = scope.Local;
        var defined = scope.Defined;
        var isProtected = scope.Protected;
        // 1.
        if (defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }

            throw new JsonLdException(JsonLdErrorCode.CyclicIriMapping, "Cyclic IRI mapping for term '" + term + "'.");
        }

        // 2.
        if (term.Length == 0)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The empty string is not a valid term.");
        }

        defined[term] = false;

        // 3.
        local.TryGetPropertyValue(term, out var value);
        var is10 = active.Is10;

        // 4-5.
        if (term == "@type" && !is10)
        {
            var ok = value is JsonObject tv && tv.Count > 0;
            if (ok)
            {
                foreach (var p in (JsonObject)value!)
                {
                    if (p.Key == "@container")
                    {
                        ok &= p.Value is not null && p.Value.GetValueKind() == JsonValueKind.String && p.Value.GetValue<string>() == "@set";
                    }
                    else if (p.Key != "@protected")
                    {
                        ok = false;
                    }
                }
            }

            if (!ok)
            {
                throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "@type may only be given @container: @set and @protected.");
            }
        }
        else if (Iri.IsKeyword(term))
        {
            throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "The keyword " + term + " cannot be redefined.");
        }
        else if (Iri.HasKeywordForm(term))
        {
            if (run.Safe)
            {
                throw new JsonLdException(JsonLdErrorCode.SafeReservedTerm, "The term '" + term + "' has the form of a keyword and is ignored.");
            }

            defined[term] = true;
            return;
        }

        // 6.
        active.Terms.Remove(term, out var previous);

        // 7-9.
        JsonObject? map;
        var simpleTerm = false;
        var nullTerm = false;
        if (value is null)
        {
            map = null;
            nullTerm = true;
        }
        else if (value.GetValueKind() == JsonValueKind.String)
        {
            map = null;
            simpleTerm = true;
        }
        else if (value is JsonObject vo)
        {
            map = vo;
        }
        else
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The definition of term '" + term + "' must be a string, an object or null.");
        }

        // 10.
        var definition = new TermDefinition { IsProtected = isProtected };

        // 11.
        if (map is not null && map.TryGetPropertyValue("@protected", out var pv))
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@protected is not allowed in json-ld-1.0.");
            }

            if (pv is null || pv.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidProtectedValue, "@protected of term '" + term + "' must be true or false.");
            }

            definition.IsProtected = pv.GetValue<bool>();
        }

        // 12 @type.
        if (map is not null && map.TryGetPropertyValue("@type", out var typeNode))
        {
            if (typeNode is null || typeNode.GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "The @type of term '" + term + "' must be a string.");
            }

            var type = ExpandIri(run, active, typeNode.GetValue<string>(), false, true, scope);
            if (type is "@json" or "@none" && is10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "@json and @none are not allowed in json-ld-1.0.");
            }

            if (type is null || !(type is "@id" or "@json" or "@none" or "@vocab" || (!Iri.IsKeyword(type) && Iri.IsAbsolute(type))))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "The @type of term '" + term + "' is not an absolute IRI.");
            }

            definition.TypeMapping = type;
        }

        // 13 @reverse.
        if (map is not null && map.TryGetPropertyValue("@reverse", out var reverseNode))
        {
            if (map.ContainsKey("@id") || map.ContainsKey("@nest"))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidReverseProperty, "The reverse term '" + term + "' must not have @id or @nest.");
            }

            if (reverseNode is null || reverseNode.GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The @reverse of term '" + term + "' must be a string.");
            }

            var rev = reverseNode.GetValue<string>();
            if (Iri.HasKeywordForm(rev))
            {
                if (run.Safe)
                {
                    throw new JsonLdException(JsonLdErrorCode.SafeReservedReverseValue, "The @reverse of term '" + term + "' has the form of a keyword.");
                }

                defined[term] = true;
                return;
            }

            var revIri = ExpandIri(run, active, rev, false, true, scope);
            if (revIri is null || !(Iri.IsAbsolute(revIri) || Iri.IsBlankNode(revIri)) || Iri.IsKeyword(revIri))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The @reverse of term '" + term + "' is not an IRI.");
            }

            definition.IriMapping = revIri;
            if (map.TryGetPropertyValue("@container", out var rc))
            {
                if (rc is null)
                {
                    definition.HasContainer = true;
                }
                else if (rc.GetValueKind() == JsonValueKind.String && rc.GetValue<string>() is "@set" or "@index")
                {
                    definition.Container = rc.GetValue<string>() == "@set" ? Container.Set : Container.Index;
                    definition.HasContainer = true;
                }
                else
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidReverseProperty, "The container of reverse term '" + term + "' must be @set, @index or null.");
                }
            }

            definition.IsReverse = true;
            if (map.TryGetPropertyValue("@index", out var reverseIndex))
            {
                if (reverseIndex is null || reverseIndex.GetValueKind() != JsonValueKind.String || (definition.Container & Container.Index) == 0)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index of term '" + term + "' needs an @index container and a string.");
                }

                var reverseIndexIri = ExpandIri(run, active, reverseIndex.GetValue<string>(), false, true, scope);
                if (reverseIndexIri is null || Iri.IsKeyword(reverseIndexIri) || !Iri.IsAbsolute(reverseIndexIri))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index of term '" + term + "' must expand to an IRI.");
                }

                definition.Index = reverseIndex.GetValue<string>();
            }

            FinishTerm(run, active, term, definition, map, scope, previous, is10);
            return;
        }

        // 15 @id.
        string? idValue = null;
        var hasId = false;
        if (map is not null && map.TryGetPropertyValue("@id", out var idNode))
        {
            hasId = true;
            if (idNode is not null)
            {
                if (idNode.GetValueKind() != JsonValueKind.String)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The @id of term '" + term + "' must be a string.");
                }

                idValue = idNode.GetValue<string>();
            }
        }
        else if (simpleTerm)
        {
            hasId = true;
            idValue = value!.GetValue<string>();
        }
        else if (nullTerm)
        {
            hasId = true;
        }

        if (hasId && idValue != term)
        {
            if (idValue is null)
            {
                // 15.1: retained only to detect redefinitions; not used for IRI expansion.
                definition.IriMapping = null;
            }
            else
            {
                if (!Iri.IsKeyword(idValue) && Iri.HasKeywordForm(idValue))
                {
                    if (run.Safe)
                    {
                        throw new JsonLdException(JsonLdErrorCode.SafeReservedIdValue, "The @id of term '" + term + "' has the form of a keyword.");
                    }

                    defined[term] = true;
                    return;
                }

                var iri = ExpandIri(run, active, idValue, false, true, scope);
                if (iri is null || !(Iri.IsKeyword(iri) || Iri.IsAbsolute(iri) || Iri.IsBlankNode(iri)))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The @id of term '" + term + "' is not an IRI, a blank node or a keyword.");
                }

                if (iri == "@context")
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidKeywordAlias, "@context cannot be aliased ('" + term + "').");
                }

                definition.IriMapping = iri;

                // 15.2.4.
                var colon = term.IndexOf(':', 1);
                if ((colon > 0 && colon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
                {
                    defined[term] = true;
                    var termIri = ExpandIri(run, active, term, false, true, scope);
                    if (termIri != iri)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The term '" + term + "' looks like an IRI and does not expand to its @id.");
                    }
                }

                // 15.2.5.
                if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simpleTerm
                    && (Iri.EndsWithGenDelim(iri) || Iri.IsBlankNode(iri)))
                {
                    definition.IsPrefix = true;
                }
            }
        }
        else if (term.IndexOf(':', 1) > 0)
        {
            // 16.
            var colon = term.IndexOf(':', 1);
            var prefix = term[..colon];
            var suffix = term[(colon + 1)..];
            if (!suffix.StartsWith("//", StringComparison.Ordinal) && local.ContainsKey(prefix))
            {
                CreateTermDefinition(run, active, scope, prefix);
            }

            if (!suffix.StartsWith("//", StringComparison.Ordinal) && active.Terms.TryGetValue(prefix, out var prefixDef) && prefixDef.IriMapping is not null)
            {
                definition.IriMapping = prefixDef.IriMapping + suffix;
            }
            else
            {
                definition.IriMapping = term;
            }
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            // 17. (Expanded against the active context only: the term itself is being defined.)
            var iri = ExpandIri(run, active, term, false, true, null);
            if (iri is null || !Iri.IsAbsolute(iri))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The term '" + term + "' is a relative IRI and cannot be mapped.");
            }

            definition.IriMapping = iri;
        }
        else if (term == "@type")
        {
            definition.IriMapping = "@type";
        }
        else if (active.Vocab is not null)
        {
            definition.IriMapping = active.Vocab + term;
        }
        else
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, "The term '" + term + "' has no IRI mapping and there is no @vocab.");
        }

        // 20 @container.
        if (map is not null && map.TryGetPropertyValue("@container", out var containerNode))
        {
            definition.Container = ParseContainer(containerNode, term, is10);
            definition.HasContainer = true;
            if ((definition.Container & Container.Type) != 0)
            {
                if (definition.TypeMapping is null)
                {
                    definition.TypeMapping = "@id";
                }
                else if (definition.TypeMapping is not ("@id" or "@vocab"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, "A @type container for term '" + term + "' needs @type @id or @vocab.");
                }
            }
        }

        // 21 @index.
        if (map is not null && map.TryGetPropertyValue("@index", out var indexNode))
        {
            if (is10 || (definition.Container & Container.Index) == 0)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index of term '" + term + "' needs an @index container.");
            }

            if (indexNode is null || indexNode.GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index of term '" + term + "' must be a string.");
            }

            var idx = indexNode.GetValue<string>();
            var idxIri = ExpandIri(run, active, idx, false, true, scope);
            if (idxIri is null || Iri.IsKeyword(idxIri) || !Iri.IsAbsolute(idxIri))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@index of term '" + term + "' must expand to an IRI.");
            }

            definition.Index = idx;
        }

        FinishTerm(run, active, term, definition, map, scope, previous, is10);
    }

    private static void FinishTerm(JsonLdRun run, ActiveContext active, string term, TermDefinition definition, JsonObject? map, TermScope scope, TermDefinition? previous, bool is10)
    {
        var baseUrl = scope.BaseUrl;
        var remote = scope.Remote;
        var overrideProtected = scope.OverrideProtected;
        var localShared = scope.LocalShared;
        var defined = scope.Defined;
        if (map is not null)
        {
            // 22 @context.
            if (map.TryGetPropertyValue("@context", out var scoped))
            {
                if (is10)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "Scoped contexts are not allowed in json-ld-1.0.");
                }

                try
                {
                    Process(run, active, scoped, baseUrl, remote is null ? null : new List<string>(remote), overrideProtected: true, validateScoped: false, localShared: false);
                }
                catch (JsonLdException ex) when (ex.Code == JsonLdErrorCode.LoadingRemoteContextFailed)
                {
                    // A remote context that cannot be loaded is reported when the term is used, not when it is
                    // defined: a context may name scoped contexts for terms a document never uses.
                }
                catch (JsonLdException ex) when (ex.Code is not (JsonLdErrorCode.ContextOverflow or JsonLdErrorCode.MaxDepthExceeded or JsonLdErrorCode.InvalidScopedContext) && !JsonLdErrorCode.IsSafeModeCode(ex.Code))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidScopedContext, "The scoped context of term '" + term + "' is invalid: " + ex.Message, ex);
                }

                definition.HasContext = true;
                definition.Context = scoped;
                definition.ContextShared = localShared;
                definition.BaseUrl = baseUrl;
            }

            // 23 @language.
            if (map.TryGetPropertyValue("@language", out var lang) && !map.ContainsKey("@type"))
            {
                if (lang is not null && lang.GetValueKind() != JsonValueKind.String)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidLanguageMapping, "@language of term '" + term + "' must be a string or null.");
                }

                definition.HasLanguage = true;
                definition.Language = lang is null ? null : CheckLanguage(run, lang.GetValue<string>());
            }

            // 24 @direction.
            if (map.TryGetPropertyValue("@direction", out var dir) && !map.ContainsKey("@type"))
            {
                if (dir is not null && !(dir.GetValueKind() == JsonValueKind.String && dir.GetValue<string>() is "ltr" or "rtl"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction of term '" + term + "' must be \"ltr\", \"rtl\" or null.");
                }

                definition.HasDirection = true;
                definition.Direction = dir?.GetValue<string>();
            }

            // 25 @nest.
            if (map.TryGetPropertyValue("@nest", out var nest))
            {
                if (is10)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@nest is not allowed in json-ld-1.0.");
                }

                if (nest is null || nest.GetValueKind() != JsonValueKind.String || (Iri.IsKeyword(nest.GetValue<string>()) && nest.GetValue<string>() != "@nest"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "@nest of term '" + term + "' must be a string that is not a keyword.");
                }

                definition.Nest = nest.GetValue<string>();
            }

            // 26 @prefix.
            if (map.TryGetPropertyValue("@prefix", out var prefixNode))
            {
                if (is10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@prefix is not allowed on term '" + term + "'.");
                }

                if (prefixNode is null || prefixNode.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidPrefixValue, "@prefix of term '" + term + "' must be true or false.");
                }

                definition.IsPrefix = prefixNode.GetValue<bool>();
                if (definition.IsPrefix && Iri.IsKeyword(definition.IriMapping))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The keyword alias '" + term + "' cannot be a prefix.");
                }
            }

            // 27.
            foreach (var p in map)
            {
                switch (p.Key)
                {
                    case "@id":
                    case "@reverse":
                    case "@container":
                    case "@context":
                    case "@direction":
                    case "@index":
                    case "@language":
                    case "@nest":
                    case "@prefix":
                    case "@protected":
                    case "@type":
                        continue;
                    default:
                        throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The definition of term '" + term + "' has the unknown entry '" + p.Key + "'.");
                }
            }
        }

        // 28.
        if (!overrideProtected && previous is not null && previous.IsProtected)
        {
            if (!definition.SameAs(previous))
            {
                throw new JsonLdException(JsonLdErrorCode.ProtectedTermRedefinition, "The protected term '" + term + "' cannot be redefined.");
            }

            definition = previous;
        }

        // 29.
        active.Terms[term] = definition;
        if (definition.IsProtected)
        {
            active.HasProtected = true;
        }

        defined[term] = true;
    }

    private static Container ParseContainer(JsonNode? node, string term, bool is10)
    {
        if (node is null)
        {
            return Container.None;
        }

        var result = Container.None;
        if (node is JsonArray arr)
        {
            if (is10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Array containers are not allowed in json-ld-1.0 ('" + term + "').");
            }

            foreach (var item in arr)
            {
                var c = OneContainer(item, term);
                if ((result & c) != 0)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Repeated container value for term '" + term + "'.");
                }

                result |= c;
            }
        }
        else
        {
            result = OneContainer(node, term);
            if (is10 && (result & (Container.Graph | Container.Id | Container.Type)) != 0)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Container of term '" + term + "' is not allowed in json-ld-1.0.");
            }
        }

        // Allowed combinations (§4.2.2 step 20.1).
        var withoutSet = result & ~Container.Set;
        var valid = withoutSet switch
        {
            Container.None => true,
            Container.List => (result & Container.Set) == 0,
            Container.Index or Container.Language or Container.Id or Container.Type or Container.Graph => true,
            Container.Graph | Container.Id or Container.Graph | Container.Index => true,
            _ => false,
        };
        if (!valid)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Invalid container combination for term '" + term + "'.");
        }

        return result;
    }

    private static Container OneContainer(JsonNode? n, string term)
    {
        if (n is null || n.GetValueKind() != JsonValueKind.String)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Container values of term '" + term + "' must be strings.");
        }

        return n.GetValue<string>() switch
        {
            "@list" => Container.List,
            "@set" => Container.Set,
            "@index" => Container.Index,
            "@language" => Container.Language,
            "@id" => Container.Id,
            "@type" => Container.Type,
            "@graph" => Container.Graph,
            _ => throw new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, "Unknown container value for term '" + term + "'."),
        };
    }

    /// <summary>§5.2.2 IRI Expansion.</summary>
    public static string? ExpandIri(
        JsonLdRun run,
        ActiveContext active,
        string value,
        bool documentRelative,
        bool vocab,
        TermScope? scope)
    {
        var local = scope?.Local;
        var defined = scope?.Defined;
        // 1.
        if (Iri.IsKeyword(value))
        {
            return value;
        }

        // 2.
        if (Iri.HasKeywordForm(value))
        {
            return null;
        }

        // 3.
        if (local is not null && local.ContainsKey(value) && (!defined!.TryGetValue(value, out var d) || !d))
        {
            CreateTermDefinition(run, active, scope!, value);
        }

        // 4-5.
        if (active.Terms.TryGetValue(value, out var term))
        {
            if (Iri.IsKeyword(term.IriMapping))
            {
                return term.IriMapping;
            }

            if (vocab)
            {
                return term.IriMapping;
            }
        }

        // 6.
        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            if (local is not null && local.ContainsKey(prefix) && (!defined!.TryGetValue(prefix, out var pd) || !pd))
            {
                CreateTermDefinition(run, active, scope!, prefix);
            }

            if (active.Terms.TryGetValue(prefix, out var prefixDef) && prefixDef.IriMapping is not null && prefixDef.IsPrefix)
            {
                return prefixDef.IriMapping + suffix;
            }

            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }

        // 7.
        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        // 8.
        if (documentRelative)
        {
            return Iri.Resolve(active.BaseIri, value);
        }

        return value;
    }
}
