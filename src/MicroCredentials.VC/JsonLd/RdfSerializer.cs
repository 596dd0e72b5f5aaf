using System.Globalization;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.Rdf;
using Map = MicroCredentials.VC.JsonLd.JMap;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// JSON-LD 1.1 Processing Algorithms and API §7.2 (Node Map Generation) and §8.1 (Deserialize JSON-LD to RDF,
/// with §8.1.3 Object to RDF and §8.1.4 List to RDF), working on the internal expanded form. Blank nodes are
/// labelled <c>_:b0</c>, <c>_:b1</c>… in the order the algorithms issue them.
/// </summary>
internal sealed class RdfSerializer
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private static readonly RdfTerm RdfType = RdfTerm.Iri(Rdf + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(Rdf + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(Rdf + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(Rdf + "nil");

    private readonly Dictionary<string, Dictionary<string, Map>> nodeMap = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> issued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdfTerm?> nodeTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Map> references = new(StringComparer.Ordinal);
    private readonly Dictionary<List<object>, UniqueValues> uniqueIndex = new(ReferenceEqualityComparer.Instance);
    private const int UniqueScanLimit = 16;
    private readonly bool safe;
    private readonly string? rdfDirection;
    private readonly bool generalized;
    private readonly int maxDepth;
    private readonly JsonLdRun run;
    private readonly long maxQuads;
    private int counter;

    public RdfSerializer(JsonLdRun run)
    {
        this.run = run;
        maxQuads = run.Options.MaxQuads;
        safe = run.Safe;
        rdfDirection = run.Options.RdfDirection;
        generalized = run.Options.ProduceGeneralizedRdf;
        maxDepth = run.Options.MaxDepth * 2;
    }

    private string Issue(string? existing)
    {
        if (existing is not null && issued.TryGetValue(existing, out var id))
        {
            return id;
        }

        id = "_:b" + counter.ToString(CultureInfo.InvariantCulture);
        counter = checked(counter + 1);
        if (existing is not null)
        {
            issued[existing] = id;
        }

        return id;
    }

    public List<Quad> Serialize(object? expanded)
    {
        if (expanded is not null)
        {
            GenerateNodeMap(expanded, "@default", null, null, null, 0);
        }

        var quads = new List<Quad>();
        var graphNames = new List<string>(nodeMap.Keys);
        graphNames.Sort(StringComparer.Ordinal);
        foreach (var graphName in graphNames)
        {
            RdfTerm? graphTerm = null;
            if (graphName != "@default")
            {
                graphTerm = TryNodeTerm(graphName);
                if (graphTerm is null)
                {
                    if (safe)
                    {
                        throw new JsonLdException(JsonLdErrorCode.SafeRelativeGraphReference, "A graph name is a relative IRI reference; its triples would be dropped.");
                    }

                    continue;
                }
            }

            var graph = nodeMap[graphName];
            var subjects = new List<string>(graph.Keys);
            subjects.Sort(StringComparer.Ordinal);
            foreach (var subject in subjects)
            {
                var subjectTerm = TryNodeTerm(subject);
                if (subjectTerm is null)
                {
                    if (safe)
                    {
                        throw new JsonLdException(JsonLdErrorCode.SafeRelativeSubjectReference, "A subject is a relative IRI reference; its triples would be dropped.");
                    }

                    continue;
                }

                var node = graph[subject];
                var properties = new List<string>(node.Count);
                for (var i = 0; i < node.Count; i++)
                {
                    properties.Add(node.KeyAt(i));
                }

                properties.Sort(StringComparer.Ordinal);
                foreach (var property in properties)
                {
                    if (property == "@id" || property == "@index")
                    {
                        continue;
                    }

                    var values = (List<object>)node[property];
                    if (property == "@type")
                    {
                        foreach (var t in values)
                        {
                            var type = (string)t;
                            var typeTerm = TryNodeTerm(type);
                            if (typeTerm is null)
                            {
                                // A type already recorded as an undefined term (JsonLdOptions.UndefinedTerms) is dropped.
                                if (safe && run.Options.UndefinedTerms is null)
                                {
                                    throw new JsonLdException(JsonLdErrorCode.SafeRelativeTypeReferenceRdf, "The type '" + type + "' is not an absolute IRI.");
                                }

                                continue;
                            }

                            quads.Add(new Quad(subjectTerm, RdfType, typeTerm, graphTerm));
                        }

                        continue;
                    }

                    if (Iri.IsKeyword(property))
                    {
                        continue;
                    }

                    if (Iri.IsBlankNode(property) && !generalized)
                    {
                        if (safe)
                        {
                            throw new JsonLdException(JsonLdErrorCode.SafeBlankNodePredicate, "The property '" + property + "' is a blank node; its triples would be dropped.");
                        }

                        continue;
                    }

                    var predicate = TryNodeTerm(property);
                    if (predicate is null)
                    {
                        if (safe)
                        {
                            throw new JsonLdException(JsonLdErrorCode.SafeRelativePropertyReference, "The property '" + property + "' is not an absolute IRI.");
                        }

                        continue;
                    }

                    foreach (var item in values)
                    {
                        var obj = ObjectToRdf(item, quads, graphTerm);
                        if (obj is not null)
                        {
                            quads.Add(new Quad(subjectTerm, predicate, obj, graphTerm));
                        }

                        run.Poll();
                    }

                    CheckQuads(quads);
                }
            }
        }

        return quads;
    }

    private void CheckQuads(List<Quad> quads)
    {
        if (quads.Count > maxQuads)
        {
            throw new JsonLdException(JsonLdErrorCode.WorkLimitExceeded, "The document produces more than " + maxQuads.ToString(CultureInfo.InvariantCulture) + " quads (JsonLdOptions.MaxQuads).");
        }
    }

    private RdfTerm NodeTerm(string id) => TryNodeTerm(id)!;

    /// <summary>The IRI or blank-node term for <paramref name="id"/>, or <see langword="null"/> when it is not well-formed (cached).</summary>
    private RdfTerm? TryNodeTerm(string id)
    {
        if (!nodeTerms.TryGetValue(id, out var term))
        {
            term = Iri.IsBlankNode(id) ? RdfTerm.Blank(id[2..]) : Iri.IsWellFormedIri(id) ? RdfTerm.Iri(id) : null;
            nodeTerms[id] = term;
        }

        return term;
    }

    /// <summary>§8.1.3 Object to RDF. List triples are appended to <paramref name="quads"/> before the triple that uses the list.</summary>
    private RdfTerm? ObjectToRdf(object item, List<Quad> quads, RdfTerm? graph)
    {
        var m = (Map)item;
        if (m.TryGetValue("@id", out var idObj))
        {
            var id = (string)idObj;
            var term = TryNodeTerm(id);
            if (term is null && safe)
            {
                throw new JsonLdException(JsonLdErrorCode.SafeRelativeObjectReference, "An object is a relative IRI reference; the triple would be dropped.");
            }

            return term;
        }

        if (m.TryGetValue("@list", out var list))
        {
            return ListToRdf((List<object>)list, quads, graph);
        }

        var value = m["@value"];
        m.TryGetValue("@type", out var dt);
        var datatype = dt as string;
        if (datatype is not null && datatype != "@json" && (Iri.IsBlankNode(datatype) || TryNodeTerm(datatype) is null))
        {
            if (safe)
            {
                throw new JsonLdException(JsonLdErrorCode.SafeRelativeTypeReferenceRdf, "The datatype '" + datatype + "' is not an absolute IRI.");
            }

            return null;
        }

        string? language = null;
        if (m.TryGetValue("@language", out var lang))
        {
            language = (string)lang;
            if (!ContextProcessor.IsWellFormedLanguage(language))
            {
                if (safe)
                {
                    throw new JsonLdException(JsonLdErrorCode.SafeInvalidLanguageValue, "The language tag '" + language + "' is not well-formed.");
                }

                return null;
            }
        }

        string lexical;
        if (datatype == "@json")
        {
            try
            {
                lexical = JsonCanonicalizer.CanonicalizeToString(((JsonLiteral)value).Node);
            }
            catch (FormatException ex)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidJsonLiteral, "A JSON literal cannot be canonicalized: " + ex.Message, ex);
            }
            datatype = Rdf + "JSON";
        }
        else if (value is bool b)
        {
            lexical = b ? "true" : "false";
            datatype ??= Xsd + "boolean";
        }
        else if (value is double d)
        {
            if (d % 1 != 0 || Math.Abs(d) >= 1e21 || datatype == Xsd + "double" || double.IsNaN(d) || double.IsInfinity(d))
            {
                lexical = CanonicalDouble(d);
                datatype ??= Xsd + "double";
            }
            else
            {
                lexical = d == 0 ? "0" : d.ToString("F0", CultureInfo.InvariantCulture);
                datatype ??= Xsd + "integer";
            }
        }
        else if (value is string str)
        {
            lexical = str;
            datatype ??= language is null ? RdfTerm.XsdString : RdfTerm.RdfLangString;
        }
        else
        {
            // Not producible from valid input (expansion rejects it); no literal rather than a crash.
            return null;
        }

        if (m.TryGetValue("@direction", out var dirObj) && rdfDirection is not null)
        {
            var direction = (string)dirObj;
            if (rdfDirection == "i18n-datatype")
            {
                return RdfTerm.Literal(lexical, "https://www.w3.org/ns/i18n#" + (language ?? string.Empty).ToLowerInvariant() + "_" + direction);
            }

            if (rdfDirection == "compound-literal")
            {
                var node = NodeTerm(Issue(null));
                quads.Add(new Quad(node, RdfTerm.Iri(Rdf + "value"), RdfTerm.Literal(lexical), graph));
                if (language is not null)
                {
                    quads.Add(new Quad(node, RdfTerm.Iri(Rdf + "language"), RdfTerm.Literal(language.ToLowerInvariant()), graph));
                }

                quads.Add(new Quad(node, RdfTerm.Iri(Rdf + "direction"), RdfTerm.Literal(direction), graph));
                return node;
            }
        }

        return language is not null
            ? new RdfTerm(RdfTermKind.Literal, lexical, RdfTerm.RdfLangString, language)
            : new RdfTerm(RdfTermKind.Literal, lexical, datatype);
    }

    /// <summary>§8.1.4 List to RDF.</summary>
    private RdfTerm ListToRdf(List<object> list, List<Quad> quads, RdfTerm? graph)
    {
        if (list.Count == 0)
        {
            return RdfNil;
        }

        var bnodes = new RdfTerm[list.Count];
        for (var i = 0; i < bnodes.Length; i++)
        {
            bnodes[i] = NodeTerm(Issue(null));
        }

        for (var i = 0; i < list.Count; i++)
        {
            var subject = bnodes[i];
            var embedded = new List<Quad>();
            var obj = ObjectToRdf(list[i], embedded, graph);
            if (obj is not null)
            {
                quads.Add(new Quad(subject, RdfFirst, obj, graph));
            }

            quads.Add(new Quad(subject, RdfRest, i + 1 < bnodes.Length ? bnodes[i + 1] : RdfNil, graph));
            quads.AddRange(embedded);
        }

        return bnodes[0];
    }

    /// <summary>
    /// The canonical lexical form of an xsd:double as JSON-LD 1.1 produces it (§8.1.3 step 10): 15 significant
    /// decimals after the first digit, trailing zeros dropped but one kept, exponent without sign or leading zeros.
    /// </summary>
    internal static string CanonicalDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "INF";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-INF";
        }

        var s = d.ToString("E15", CultureInfo.InvariantCulture);
        var e = s.IndexOf('E', StringComparison.Ordinal);
        var mantissa = s.AsSpan(0, e).TrimEnd('0');
        if (mantissa[^1] == '.')
        {
            mantissa = s.AsSpan(0, mantissa.Length + 1);
        }

        var exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Concat(mantissa, "E", exponent.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The node reference <c>{"@id": id}</c>, shared (references are never modified).</summary>
    private Map Reference(string id)
    {
        if (!references.TryGetValue(id, out var reference))
        {
            reference = new Map(1) { ["@id"] = id };
            references[id] = reference;
        }

        return reference;
    }

    private static List<object> Values(Map node, string property)
    {
        if (!node.TryGetValue(property, out var v))
        {
            var l = new List<object>();
            node[property] = l;
            return l;
        }

        return (List<object>)v;
    }

    /// <summary>
    /// Adds <paramref name="value"/> unless an equal value is already there (node map generation never keeps duplicates).
    /// Short lists are scanned; past <see cref="UniqueScanLimit"/> values a hash set of the list's values answers, so a
    /// property with n values costs O(n), not O(n²).
    /// </summary>
    private void AddUnique(List<object> values, object value)
    {
        if (values.Count < UniqueScanLimit)
        {
            foreach (var v in values)
            {
                if (Expanded.DeepEquals(v, value))
                {
                    return;
                }
            }

            values.Add(value);
            return;
        }

        if (!uniqueIndex.TryGetValue(values, out var index))
        {
            index = new UniqueValues();
            uniqueIndex[values] = index;
        }

        // Values added without this method (list objects) are indexed too, so the set always mirrors the list.
        for (; index.Indexed < values.Count; index.Indexed++)
        {
            index.Set.Add(values[index.Indexed]);
        }

        if (index.Set.Add(value))
        {
            values.Add(value);
            index.Indexed++;
        }
    }

    private sealed class UniqueValues
    {
        public HashSet<object> Set { get; } = new(Expanded.DeepComparer.Instance);

        public int Indexed { get; set; }
    }

    /// <summary>§7.2.2 Node Map Generation.</summary>
    private void GenerateNodeMap(object element, string activeGraph, object? activeSubject, string? activeProperty, List<object>? list, int depth)
    {
        if (depth > maxDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonLdException(JsonLdErrorCode.MaxDepthExceeded, "The document nests too deeply.");
        }

        run.Poll();

        // 1.
        if (element is List<object> array)
        {
            foreach (var item in array)
            {
                GenerateNodeMap(item, activeGraph, activeSubject, activeProperty, list, depth + 1);
            }

            return;
        }

        // 2.
        if (element is not Map el)
        {
            // Only maps and arrays occur here in well-formed expanded output; anything else has no triples.
            return;
        }

        if (!nodeMap.TryGetValue(activeGraph, out var graph))
        {
            graph = new Dictionary<string, Map>(StringComparer.Ordinal);
            nodeMap[activeGraph] = graph;
        }

        Map? subjectNode = activeSubject is string subj ? graph[subj] : null;

        // A value or list with no subject (e.g. a string in a @graph container) has nowhere to go: it is dropped.
        if (subjectNode is null && list is null && (el.ContainsKey("@value") || el.ContainsKey("@list")))
        {
            if (safe)
            {
                throw new JsonLdException(
                    el.ContainsKey("@value") ? JsonLdErrorCode.SafeObjectWithOnlyValue : JsonLdErrorCode.SafeObjectWithOnlyList,
                    "A value or list without a subject (for example a string in a @graph container) would be dropped.");
            }

            return;
        }

        // 4. Value objects (their @type is a datatype IRI, never relabelled).
        if (el.ContainsKey("@value"))
        {
            if (list is null)
            {
                AddUnique(Values(subjectNode!, activeProperty!), el);
            }
            else
            {
                list.Add(el);
            }

            return;
        }

        // 3.
        List<object>? types = null;
        if (el.TryGetValue("@type", out var typeObj))
        {
            types = new List<object>();
            foreach (var t in Expanded.AsList(typeObj))
            {
                if (t is not string ts)
                {
                    continue;
                }

                types.Add(Iri.IsBlankNode(ts) ? Issue(ts) : ts);
            }
        }

        // 5. List objects.
        if (el.TryGetValue("@list", out var listValue))
        {
            var resultList = new List<object>();
            GenerateNodeMap(listValue, activeGraph, activeSubject, activeProperty, resultList, depth + 1);
            var result = new Map(1) { ["@list"] = resultList };
            if (list is null)
            {
                Values(subjectNode!, activeProperty!).Add(result);
            }
            else
            {
                list.Add(result);
            }

            return;
        }

        // 6. Node objects.
        string id;
        if (el.TryGetValue("@id", out var idObj) && idObj is string ids)
        {
            id = Iri.IsBlankNode(ids) ? Issue(ids) : ids;
        }
        else if (idObj is NullValue)
        {
            // An @id that expanded to null: not an IRI, so the node and references to it are dropped.
            id = "@null";
        }
        else
        {
            id = Issue(null);
        }

        if (!graph.TryGetValue(id, out var node))
        {
            node = new Map { ["@id"] = id };
            graph[id] = node;
        }

        if (activeSubject is Map reverseSubject)
        {
            AddUnique(Values(node, activeProperty!), reverseSubject);
        }
        else if (activeProperty is not null)
        {
            var reference = Reference(id);
            if (list is null)
            {
                AddUnique(Values(subjectNode!, activeProperty), reference);
            }
            else
            {
                list.Add(reference);
            }
        }

        if (types is not null)
        {
            var nodeTypes = Values(node, "@type");
            foreach (var t in types)
            {
                AddUnique(nodeTypes, t);
            }
        }

        if (el.TryGetValue("@index", out var index))
        {
            if (node.TryGetValue("@index", out var existingIndex) && !Expanded.DeepEquals(existingIndex, index))
            {
                throw new JsonLdException(JsonLdErrorCode.ConflictingIndexes, "Conflicting @index values for node '" + id + "'.");
            }

            node["@index"] = index;
        }

        if (el.TryGetValue("@reverse", out var reverseObj))
        {
            var referenced = new Map(1) { ["@id"] = id };
            foreach (var kv in (Map)reverseObj)
            {
                foreach (var value in (List<object>)kv.Value)
                {
                    GenerateNodeMap(value, activeGraph, referenced, kv.Key, null, depth + 1);
                }
            }
        }

        if (el.TryGetValue("@graph", out var graphObj))
        {
            GenerateNodeMap(graphObj, id, null, null, null, depth + 1);
        }

        if (el.TryGetValue("@included", out var included))
        {
            GenerateNodeMap(included, activeGraph, null, null, null, depth + 1);
        }

        var keys = new List<string>(el.Count);
        for (var i = 0; i < el.Count; i++)
        {
            var k = el.KeyAt(i);
            if (!Iri.IsKeyword(k))
            {
                keys.Add(k);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var property = Iri.IsBlankNode(key) ? Issue(key) : key;
            Values(node, property);
            GenerateNodeMap(el[key], activeGraph, id, property, null, depth + 1);
        }
    }
}
