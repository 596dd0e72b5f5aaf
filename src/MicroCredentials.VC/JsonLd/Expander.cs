using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Map = MicroCredentials.VC.JsonLd.JMap;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// JSON-LD 1.1 Processing Algorithms and API §5.1 (Expansion Algorithm) and §5.3 (Value Expansion), producing the
/// internal expanded form of <see cref="Expanded"/>. Frame expansion is not supported. In safe mode every value the
/// algorithm would drop silently raises a <see cref="JsonLdException"/> instead.
/// </summary>
internal sealed class Expander
{
    private readonly JsonLdRun run;
    private readonly bool safe;
    private readonly int maxDepth;

    public Expander(JsonLdRun run)
    {
        this.run = run;
        safe = run.Safe;
        maxDepth = run.Options.MaxDepth;
    }

    private ActiveContext ProcessScoped(ActiveContext active, TermDefinition def, bool overrideProtected = false, bool propagate = true) =>
        ContextProcessor.Process(run, active, def.Context, def.BaseUrl, null, overrideProtected, propagate, true, def.ContextShared);

    private string? ExpandIri(ActiveContext active, string value, bool documentRelative, bool vocab) =>
        ContextProcessor.ExpandIri(run, active, value, documentRelative, vocab, null);

    private string? ExpandKey(ActiveContext active, string key)
    {
        // Fast path for the common case: a defined term.
        if (active.Terms.TryGetValue(key, out var def))
        {
            return def.IriMapping;
        }

        if (active.TryGetVocabExpansion(key, out var cached))
        {
            return cached;
        }

        var expanded = ContextProcessor.ExpandIri(run, active, key, false, true, null);
        active.AddVocabExpansion(key, expanded);
        return expanded;
    }

    /// <summary>A safe-mode violation located at <paramref name="at"/> (its JSONPath is added; values are never quoted).</summary>
    private static JsonLdException SafeError(string code, string message, JsonNode? at)
    {
        var path = at?.GetPath();
        return new JsonLdException(code, path is null ? message : message + " (at " + path + ")") { JsonPath = path };
    }

    private void CheckDepth(int depth)
    {
        if (depth > maxDepth)
        {
            throw new JsonLdException(JsonLdErrorCode.MaxDepthExceeded, "The document nests deeper than " + maxDepth + " levels.");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonLdException(JsonLdErrorCode.MaxDepthExceeded, "The document nests too deeply for the available stack.");
        }
    }

    /// <summary>§5.1.2 Expansion Algorithm.</summary>
    public object? Expand(ActiveContext active, string? activeProperty, JsonNode? element, string? baseUrl, bool fromMap, int depth)
    {
        // 1.
        if (element is null)
        {
            return null;
        }

        CheckDepth(depth);
        run.Step();

        // 3.
        var propertyDef = active.Get(activeProperty);
        var hasPropertyScoped = propertyDef is not null && propertyDef.HasContext;

        // 4. Scalars.
        if (element is JsonValue scalar)
        {
            if (activeProperty is null || activeProperty == "@graph")
            {
                if (safe)
                {
                    throw SafeError(JsonLdErrorCode.SafeFreeFloatingScalar, "A scalar outside any property would be dropped" + (activeProperty is null ? "." : " (in @graph)."), element);
                }

                return null;
            }

            if (hasPropertyScoped)
            {
                active = ProcessScoped(active, propertyDef!, overrideProtected: true);
            }

            var sv = Expanded.FromScalar(scalar);
            return sv is null ? null : ExpandValue(active, activeProperty, sv, scalar);
        }

        // 5. Arrays.
        if (element is JsonArray array)
        {
            var result = new List<object>(array.Count);
            var isList = propertyDef is not null && (propertyDef.Container & Container.List) != 0;
            foreach (var item in array)
            {
                var expandedItem = Expand(active, activeProperty, item, baseUrl, fromMap, depth + 1);
                if (isList && expandedItem is List<object> l)
                {
                    expandedItem = new Map(1) { ["@list"] = l };
                }

                if (expandedItem is List<object> items)
                {
                    result.AddRange(items);
                }
                else if (expandedItem is not null)
                {
                    result.Add(expandedItem);
                }
            }

            return result;
        }

        var obj = (JsonObject)element;

        // 7. Revert a non-propagated context.
        if (active.PreviousContext is not null && !fromMap)
        {
            var revert = true;
            var count = 0;
            var onlyId = false;
            foreach (var p in obj)
            {
                count++;
                var ek = ExpandKey(active, p.Key);
                if (ek == "@value")
                {
                    revert = false;
                    break;
                }

                onlyId = ek == "@id";
            }

            if (revert && !(count == 1 && onlyId))
            {
                active = active.PreviousContext;
            }
        }

        // 8.
        if (hasPropertyScoped)
        {
            active = ProcessScoped(active, propertyDef!, overrideProtected: true);
        }

        // 9.
        if (obj.TryGetPropertyValue("@context", out var localContext))
        {
            active = ContextProcessor.Process(run, active, localContext, baseUrl, null);
        }

        // 10-11. Type-scoped contexts.
        var typeScoped = active;
        List<string>? typeKeys = null;
        foreach (var p in obj)
        {
            if (p.Key != "@context" && ExpandKey(active, p.Key) == "@type")
            {
                (typeKeys ??= new List<string>(1)).Add(p.Key);
            }
        }

        string? inputType = null;
        if (typeKeys is not null)
        {
            if (typeKeys.Count > 1)
            {
                typeKeys.Sort(StringComparer.Ordinal);
            }

            foreach (var tk in typeKeys)
            {
                var tv = obj[tk];
                if (tv is JsonArray ta)
                {
                    List<string>? terms = null;
                    foreach (var t in ta)
                    {
                        if (t is JsonValue tval && tval.GetValueKind() == JsonValueKind.String)
                        {
                            (terms ??= new List<string>(ta.Count)).Add(tval.GetValue<string>());
                        }
                    }

                    if (terms is not null)
                    {
                        terms.Sort(StringComparer.Ordinal);
                        foreach (var term in terms)
                        {
                            var td = typeScoped.Get(term);
                            if (td is not null && td.HasContext)
                            {
                                active = ProcessScoped(active, td, propagate: false);
                            }
                        }
                    }
                }
                else if (tv is JsonValue tval && tval.GetValueKind() == JsonValueKind.String)
                {
                    var td = typeScoped.Get(tval.GetValue<string>());
                    if (td is not null && td.HasContext)
                    {
                        active = ProcessScoped(active, td, propagate: false);
                    }
                }
            }

            // 12. Input type: last value of the first @type entry.
            var first = obj[typeKeys[0]];
            JsonNode? last = first is JsonArray fa ? (fa.Count > 0 ? fa[^1] : null) : first;
            if (last is JsonValue lv && lv.GetValueKind() == JsonValueKind.String)
            {
                inputType = ExpandIri(active, lv.GetValue<string>(), false, true);
            }
        }

        // 13-14.
        var resultMap = new Map();
        ExpandEntries(active, typeScoped, activeProperty, obj, resultMap, inputType, baseUrl, depth);

        return PostProcess(activeProperty, resultMap, obj);
    }

    private object? PostProcess(string? activeProperty, Map result, JsonObject source)
    {
        object? final = result;

        // 15. Value objects.
        if (result.TryGetValue("@value", out var value))
        {
            for (var i = 0; i < result.Count; i++)
            {
                var k = result.KeyAt(i);
                if (k is not ("@direction" or "@index" or "@language" or "@type" or "@value"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A value object has the unexpected entry '" + k + "'.");
                }
            }

            if (result.ContainsKey("@type") && (result.ContainsKey("@language") || result.ContainsKey("@direction")))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A value object cannot have both @type and @language or @direction.");
            }

            result.TryGetValue("@type", out var vt);
            if (vt is string vts && vts == "@json")
            {
                // 15.2: any JSON value.
            }
            else if (value is NullValue || (value is List<object> { Count: 0 }))
            {
                if (safe)
                {
                    throw SafeError(JsonLdErrorCode.SafeNullValueValue, "A value object with a null @value would be dropped.", source);
                }

                return null;
            }
            else if (value is not string && result.ContainsKey("@language"))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedValue, "Only strings can have a language.");
            }
            else if (vt is not null && (vt is not string ts || !Iri.IsAbsolute(ts) || Iri.IsBlankNode(ts) || HasWhitespace(ts)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypedValue, "The @type of a value object must be an IRI.");
            }
        }
        else if (result.TryGetValue("@type", out var types))
        {
            // 16.
            if (types is not List<object>)
            {
                result["@type"] = new List<object>(1) { types };
            }
        }
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            // 17.
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidSetOrListObject, "A set or list object may only have @index besides it.");
            }

            if (result.TryGetValue("@set", out var set))
            {
                final = set;
            }
        }

        // 18.
        if (final is Map m)
        {
            if (m.Count <= 2 && m.ContainsKey("@language") && (m.Count == 1 || m.ContainsKey("@direction")))
            {
                if (safe)
                {
                    throw SafeError(JsonLdErrorCode.SafeObjectWithOnlyLanguage, "An object with only @language would be dropped.", source);
                }

                return null;
            }

            // 19. Free-floating values.
            if (activeProperty is null || activeProperty == "@graph")
            {
                if (m.Count == 0)
                {
                    if (safe)
                    {
                        throw SafeError(JsonLdErrorCode.SafeEmptyObject, "An empty object would be dropped.", source);
                    }

                    return null;
                }

                if (m.ContainsKey("@value") || m.ContainsKey("@list"))
                {
                    if (safe)
                    {
                        throw SafeError(m.ContainsKey("@value") ? JsonLdErrorCode.SafeObjectWithOnlyValue : JsonLdErrorCode.SafeObjectWithOnlyList, "A free-floating value or list would be dropped.", source);
                    }

                    return null;
                }

                if (m.Count == 1 && m.ContainsKey("@id"))
                {
                    if (safe)
                    {
                        throw SafeError(JsonLdErrorCode.SafeObjectWithOnlyId, "A free-floating node reference with only @id would be dropped.", source);
                    }

                    return null;
                }
            }
        }

        return final;
    }

    private void ExpandEntries(ActiveContext active, ActiveContext typeScoped, string? activeProperty, JsonObject element, Map result, string? inputType, string? baseUrl, int depth)
    {
        List<string>? nests = null;
        var is10 = active.Is10;
        foreach (var entry in element)
        {
            var key = entry.Key;
            var value = entry.Value;

            // 13.1.
            if (key == "@context")
            {
                continue;
            }

            // 13.2-13.3.
            var expandedProperty = ExpandKey(active, key);
            if (expandedProperty is null || (!expandedProperty.Contains(':', StringComparison.Ordinal) && !Iri.IsKeyword(expandedProperty)))
            {
                if (safe && run.Options.UndefinedTerms is { } undefinedProperties)
                {
                    undefinedProperties.Add(key);
                }
                else if (safe)
                {
                    throw SafeError(JsonLdErrorCode.SafeInvalidProperty, "The property '" + key + "' does not expand to an absolute IRI (undefined term?) and would be dropped.", value ?? element);
                }

                continue;
            }

            // 13.4. Keywords.
            if (Iri.IsKeyword(expandedProperty))
            {
                if (activeProperty == "@reverse")
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyMap, "A reverse property map cannot contain the keyword " + expandedProperty + ".");
                }

                if (result.ContainsKey(expandedProperty) && (is10 || expandedProperty is not ("@included" or "@type")))
                {
                    throw new JsonLdException(JsonLdErrorCode.CollidingKeywords, "Two entries expand to " + expandedProperty + ".");
                }

                object? expandedValue = null;
                switch (expandedProperty)
                {
                    case "@id":
                        {
                            if (value is null || value.GetValueKind() != JsonValueKind.String)
                            {
                                if (value is null && safe)
                                {
                                    throw SafeError(JsonLdErrorCode.SafeNullIdValue, "@id is null.", element);
                                }

                                throw new JsonLdException(JsonLdErrorCode.InvalidIdValue, "@id must be a string.");
                            }

                            var id = value.GetValue<string>();
                            var expandedId = ExpandIri(active, id, true, false);
                            if (expandedId is null)
                            {
                                if (safe)
                                {
                                    throw SafeError(JsonLdErrorCode.SafeReservedIdValue, "An @id value has the form of a keyword.", value);
                                }

                                // @id: null (json-ld-api issue 480); toRdf drops the node and references to it.
                                result["@id"] = NullValue.Instance;
                                continue;
                            }

                            if (safe && !Iri.IsAbsolute(expandedId) && !Iri.IsBlankNode(expandedId))
                            {
                                throw SafeError(JsonLdErrorCode.SafeRelativeIdReference, "An @id value is a relative IRI reference and cannot be resolved (no base IRI).", value);
                            }

                            expandedValue = expandedId;
                            break;
                        }

                    case "@type":
                        {
                            if (value is JsonArray ta)
                            {
                                var list = new List<object>(ta.Count);
                                foreach (var t in ta)
                                {
                                    if (t is null || t.GetValueKind() != JsonValueKind.String)
                                    {
                                        throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, "@type values must be strings.");
                                    }

                                    list.Add(ExpandType(typeScoped, t.GetValue<string>(), t));
                                }

                                expandedValue = list;
                            }
                            else if (value is not null && value.GetValueKind() == JsonValueKind.String)
                            {
                                expandedValue = ExpandType(typeScoped, value.GetValue<string>(), value);
                            }
                            else
                            {
                                throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, "@type must be a string or an array of strings.");
                            }

                            if (result.TryGetValue("@type", out var existingTypes))
                            {
                                var merged = new List<object>();
                                if (existingTypes is List<object> el)
                                {
                                    merged.AddRange(el);
                                }
                                else
                                {
                                    merged.Add(existingTypes);
                                }

                                if (expandedValue is List<object> nl)
                                {
                                    merged.AddRange(nl);
                                }
                                else
                                {
                                    merged.Add(expandedValue);
                                }

                                expandedValue = merged;
                            }

                            break;
                        }

                    case "@graph":
                        expandedValue = Expanded.AsList(Expand(active, "@graph", value, baseUrl, false, depth + 1) ?? new List<object>());
                        break;

                    case "@included":
                        {
                            if (is10)
                            {
                                continue;
                            }

                            var inc = Expanded.AsList(Expand(active, "@included", value, baseUrl, false, depth + 1) ?? new List<object>());
                            foreach (var item in inc)
                            {
                                if (item is not Map im || im.ContainsKey("@value") || im.ContainsKey("@list") || im.ContainsKey("@set"))
                                {
                                    throw new JsonLdException(JsonLdErrorCode.InvalidIncludedValue, "@included values must be node objects.");
                                }
                            }

                            if (result.TryGetValue("@included", out var existingIncluded))
                            {
                                var merged = new List<object>((List<object>)existingIncluded);
                                merged.AddRange(inc);
                                inc = merged;
                            }

                            expandedValue = inc;
                            break;
                        }

                    case "@value":
                        {
                            if (inputType == "@json")
                            {
                                if (is10)
                                {
                                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "@json is not allowed in json-ld-1.0.");
                                }

                                expandedValue = new JsonLiteral(value);
                            }
                            else if (value is null)
                            {
                                result["@value"] = NullValue.Instance;
                                continue;
                            }
                            else if (value is JsonValue v)
                            {
                                expandedValue = Expanded.FromScalar(v);
                            }
                            else
                            {
                                throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "@value must be a scalar or null.");
                            }

                            break;
                        }

                    case "@language":
                        {
                            if (value is null || value.GetValueKind() != JsonValueKind.String)
                            {
                                throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedString, "@language must be a string.");
                            }

                            expandedValue = ContextProcessor.CheckLanguage(run, value.GetValue<string>());
                            break;
                        }

                    case "@direction":
                        {
                            if (is10)
                            {
                                continue;
                            }

                            if (value is null || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not ("ltr" or "rtl"))
                            {
                                throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\" or \"rtl\".");
                            }

                            expandedValue = value.GetValue<string>();
                            break;
                        }

                    case "@index":
                        {
                            if (value is null || value.GetValueKind() != JsonValueKind.String)
                            {
                                throw new JsonLdException(JsonLdErrorCode.InvalidIndexValue, "@index must be a string.");
                            }

                            expandedValue = value.GetValue<string>();
                            break;
                        }

                    case "@list":
                        {
                            if (activeProperty is null || activeProperty == "@graph")
                            {
                                if (safe)
                                {
                                    throw SafeError(JsonLdErrorCode.SafeObjectWithOnlyList, "A free-floating list would be dropped.", value ?? element);
                                }

                                continue;
                            }

                            expandedValue = Expanded.AsList(Expand(active, activeProperty, value, baseUrl, false, depth + 1) ?? new List<object>());
                            break;
                        }

                    case "@set":
                        expandedValue = Expand(active, activeProperty, value, baseUrl, false, depth + 1);
                        break;

                    case "@reverse":
                        {
                            if (value is not JsonObject)
                            {
                                throw new JsonLdException(JsonLdErrorCode.InvalidReverseValue, "@reverse must be an object.");
                            }

                            var ev = Expand(active, "@reverse", value, baseUrl, false, depth + 1) as Map;
                            if (ev is not null)
                            {
                                if (ev.TryGetValue("@reverse", out var doubleReverse) && doubleReverse is Map dr)
                                {
                                    foreach (var kv in dr)
                                    {
                                        Expanded.Add(result, kv.Key, kv.Value);
                                    }
                                }

                                if (ev.Count > (ev.ContainsKey("@reverse") ? 1 : 0))
                                {
                                    if (!result.TryGetValue("@reverse", out var rm))
                                    {
                                        rm = new Map();
                                        result["@reverse"] = rm;
                                    }

                                    var reverseMap = (Map)rm;
                                    foreach (var kv in ev)
                                    {
                                        if (kv.Key == "@reverse")
                                        {
                                            continue;
                                        }

                                        foreach (var item in Expanded.AsList(kv.Value))
                                        {
                                            if (Expanded.IsValueObject(item) || Expanded.IsListObject(item))
                                            {
                                                throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, "A reverse property value cannot be a value or list object.");
                                            }

                                            Expanded.Add(reverseMap, kv.Key, item);
                                        }
                                    }
                                }
                            }

                            continue;
                        }

                    case "@nest":
                        (nests ??= new List<string>(1)).Add(key);
                        continue;

                    default:
                        // Framing keywords and keywords without meaning here are ignored.
                        continue;
                }

                if (expandedValue is not null)
                {
                    result[expandedProperty] = expandedValue;
                }

                continue;
            }

            // 13.5-13.14.
            var def = active.Get(key);
            var container = def?.Container ?? Container.None;
            object? expanded;
            if (def?.TypeMapping == "@json")
            {
                // 13.6.
                expanded = new Map(2) { ["@value"] = new JsonLiteral(value), ["@type"] = "@json" };
            }
            else if ((container & Container.Language) != 0 && value is JsonObject languageMap)
            {
                expanded = ExpandLanguageMap(active, def!, languageMap);
            }
            else if ((container & (Container.Index | Container.Type | Container.Id)) != 0 && value is JsonObject indexMap)
            {
                expanded = ExpandIndexMap(active, key, def!, indexMap, baseUrl, depth);
            }
            else
            {
                expanded = Expand(active, key, value, baseUrl, false, depth + 1);
            }

            // 13.10.
            if (expanded is null)
            {
                continue;
            }

            // 13.11.
            if ((container & Container.List) != 0 && !Expanded.IsListObject(expanded))
            {
                expanded = new Map(1) { ["@list"] = Expanded.AsList(expanded) };
            }

            // 13.12.
            if ((container & Container.Graph) != 0 && (container & (Container.Id | Container.Index)) == 0)
            {
                var graphs = new List<object>();
                foreach (var ev in Expanded.AsList(expanded))
                {
                    graphs.Add(new Map(1) { ["@graph"] = Expanded.AsList(ev) });
                }

                expanded = graphs;
            }

            // 13.13.
            if (def is not null && def.IsReverse)
            {
                if (!result.TryGetValue("@reverse", out var rm))
                {
                    rm = new Map();
                    result["@reverse"] = rm;
                }

                var reverseMap = (Map)rm;
                foreach (var item in Expanded.AsList(expanded))
                {
                    if (Expanded.IsValueObject(item) || Expanded.IsListObject(item))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, "The reverse property '" + key + "' cannot have a value or list object.");
                    }

                    Expanded.Add(reverseMap, expandedProperty, item);
                }
            }
            else
            {
                // 13.14.
                Expanded.Add(result, expandedProperty, expanded);
            }
        }

        // 14. Nested properties.
        if (nests is not null)
        {
            foreach (var nestingKey in nests)
            {
                var nestedValues = element[nestingKey];
                var list = nestedValues is JsonArray na ? na : null;
                var count = list?.Count ?? 1;
                for (var i = 0; i < count; i++)
                {
                    var nested = list is null ? nestedValues : list[i];
                    if (nested is not JsonObject no)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "Nested values must be objects ('" + nestingKey + "').");
                    }

                    foreach (var p in no)
                    {
                        if (ExpandKey(active, p.Key) == "@value" || p.Key == "@value")
                        {
                            throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, "A nested object cannot be a value object ('" + nestingKey + "').");
                        }
                    }

                    var nestDef = active.Get(nestingKey);
                    var nestActive = nestDef is not null && nestDef.HasContext ? ProcessScoped(active, nestDef, overrideProtected: true) : active;
                    ExpandEntries(nestActive, typeScoped, nestingKey, no, result, inputType, baseUrl, depth + 1);
                }
            }
        }
    }

    private static bool HasWhitespace(string s)
    {
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private object ExpandType(ActiveContext typeScoped, string t, JsonNode at)
    {
        var e = ExpandIri(typeScoped, t, true, true);
        if (e is null)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, "The @type value '" + t + "' has the form of a keyword.");
        }

        if (safe && !Iri.IsAbsolute(e) && !Iri.IsBlankNode(e) && !Iri.IsKeyword(e))
        {
            if (run.Options.UndefinedTerms is { } undefinedTypes)
            {
                undefinedTypes.Add(t);
                return e;
            }

            throw SafeError(JsonLdErrorCode.SafeRelativeTypeReference, "The @type value '" + t + "' does not expand to an absolute IRI (undefined term?).", at);
        }

        return e;
    }

    private List<object> ExpandLanguageMap(ActiveContext active, TermDefinition def, JsonObject languageMap)
    {
        var result = new List<object>();
        var direction = def.HasDirection ? def.Direction : active.DefaultDirection;
        IEnumerable<KeyValuePair<string, JsonNode?>> entries = languageMap;
        foreach (var (language, languageValue) in entries)
        {
            var expandedLanguage = ExpandIri(active, language, false, true);
            var none = language == "@none" || expandedLanguage == "@none";
            var items = languageValue as JsonArray;
            var count = items?.Count ?? 1;
            for (var i = 0; i < count; i++)
            {
                var item = items is null ? languageValue : items[i];
                if (item is null)
                {
                    continue;
                }

                if (item.GetValueKind() != JsonValueKind.String)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidLanguageMapValue, "Language map values must be strings.");
                }

                var v = new Map(3) { ["@value"] = item.GetValue<string>() };
                if (!none)
                {
                    v["@language"] = ContextProcessor.CheckLanguage(run, language);
                }

                if (direction is not null)
                {
                    v["@direction"] = direction;
                }

                result.Add(v);
            }
        }

        return result;
    }

    private List<object> ExpandIndexMap(ActiveContext active, string key, TermDefinition def, JsonObject indexMap, string? baseUrl, int depth)
    {
        var container = def.Container;
        var result = new List<object>();
        var indexKey = def.Index ?? "@index";
        var keys = new List<string>(indexMap.Count);
        foreach (var p in indexMap)
        {
            keys.Add(p.Key);
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var index in keys)
        {
            var indexValue = indexMap[index];
            ActiveContext mapContext;
            if ((container & (Container.Id | Container.Type)) != 0)
            {
                mapContext = active.PreviousContext ?? active;
                if ((container & Container.Type) != 0)
                {
                    var td = mapContext.Get(index);
                    if (td is not null && td.HasContext)
                    {
                        mapContext = ProcessScoped(mapContext, td);
                    }
                }
            }
            else
            {
                mapContext = active;
            }

            var expandedIndex = ExpandIri(active, index, false, true);
            var expandedItems = Expand(mapContext, key, indexValue, baseUrl, true, depth + 1);
            if (expandedItems is null)
            {
                continue;
            }

            foreach (var it in Expanded.AsList(expandedItems))
            {
                var item = it;
                if ((container & Container.Graph) != 0 && !Expanded.IsGraphObject(item))
                {
                    item = new Map(1) { ["@graph"] = Expanded.AsList(item) };
                }

                var im = item as Map;
                if ((container & Container.Index) != 0 && indexKey != "@index" && expandedIndex != "@none")
                {
                    var reExpanded = ExpandValue(active, indexKey, index);
                    var expandedIndexKey = ExpandIri(active, indexKey, false, true);
                    if (im is null || expandedIndexKey is null || Iri.IsKeyword(expandedIndexKey))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "The index property of term '" + key + "' does not expand to an IRI.");
                    }

                    var values = new List<object> { reExpanded };
                    if (im.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(Expanded.AsList(existing));
                    }

                    im[expandedIndexKey] = values;
                    if (im.ContainsKey("@value"))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "A value object in an index map with @index '" + indexKey + "' cannot get an index property.");
                    }
                }
                else if ((container & Container.Index) != 0 && im is not null && !im.ContainsKey("@index") && expandedIndex != "@none")
                {
                    im["@index"] = index;
                }
                else if ((container & Container.Id) != 0 && im is not null && !im.ContainsKey("@id") && expandedIndex != "@none")
                {
                    var id = ExpandIri(active, index, true, false);
                    if (safe && id is not null && !Iri.IsAbsolute(id) && !Iri.IsBlankNode(id))
                    {
                        throw SafeError(JsonLdErrorCode.SafeRelativeIdReference, "An @id map key is a relative IRI reference and cannot be resolved.", indexMap);
                    }

                    im["@id"] = id!;
                }
                else if ((container & Container.Type) != 0 && im is not null && im.ContainsKey("@value"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTypedValue, "A value object cannot be an entry of the @type map '" + key + "'.");
                }
                else if ((container & Container.Type) != 0 && im is not null && expandedIndex is null)
                {
                    // The key maps to null (a decoupled term): no type is added.
                    if (safe)
                    {
                        throw SafeError(JsonLdErrorCode.SafeRelativeTypeReference, "The @type map key '" + index + "' does not expand to an IRI.", indexMap);
                    }
                }
                else if ((container & Container.Type) != 0 && im is not null && expandedIndex != "@none")
                {
                    var types = new List<object> { expandedIndex! };
                    if (im.TryGetValue("@type", out var existing))
                    {
                        types.AddRange(Expanded.AsList(existing));
                    }

                    im["@type"] = types;
                }

                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>§5.3.2 Value Expansion.</summary>
    internal object ExpandValue(ActiveContext active, string? activeProperty, object value, JsonNode? at = null)
    {
        var def = active.Get(activeProperty);
        var typeMapping = def?.TypeMapping;

        // 1-2.
        if (value is string s)
        {
            if (typeMapping == "@id")
            {
                var id = ExpandIri(active, s, true, false);
                if (safe && id is not null && !Iri.IsAbsolute(id) && !Iri.IsBlankNode(id))
                {
                    throw SafeError(JsonLdErrorCode.SafeRelativeIdReference, "The IRI value of '" + activeProperty + "' is a relative IRI reference and cannot be resolved.", at);
                }

                return new Map(1) { ["@id"] = (object?)id ?? NullValue.Instance };
            }

            if (typeMapping == "@vocab")
            {
                var id = ExpandIri(active, s, true, true);
                if (safe && id is not null && !Iri.IsAbsolute(id) && !Iri.IsBlankNode(id))
                {
                    throw SafeError(JsonLdErrorCode.SafeRelativeIdReference, "The vocabulary value of '" + activeProperty + "' does not expand to an absolute IRI.", at);
                }

                return new Map(1) { ["@id"] = (object?)id ?? NullValue.Instance };
            }
        }

        // 3.
        var result = new Map(3) { ["@value"] = value };

        // 4.
        if (typeMapping is not null && typeMapping is not ("@id" or "@vocab" or "@none"))
        {
            result["@type"] = typeMapping;
        }
        else if (value is string)
        {
            // 5.
            var language = def is not null && def.HasLanguage ? def.Language : active.DefaultLanguage;
            var direction = def is not null && def.HasDirection ? def.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result["@language"] = language;
            }

            if (direction is not null)
            {
                result["@direction"] = direction;
            }
        }

        return result;
    }
}
