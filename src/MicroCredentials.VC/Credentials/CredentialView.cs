using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Credentials;

/// <summary>
/// The properties of a credential (or presentation) that the verification checks read: types, issuer, subjects and
/// what identifies them, the validity dates, the status entries, the holder. A securing mechanism builds it from what
/// its signature covers — the signed RDF dataset, by IRI, for an RDFC proof; the signed JSON for byte-signed formats —
/// so that no check reads data the proof does not cover.
/// </summary>
public sealed record CredentialView
{
    /// <summary>The <c>type</c> values, as the JSON names them (for RDFC, the JSON's known types are matched against the signed types).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The issuer's identifier.</summary>
    public string? Issuer { get; init; }

    /// <summary>The presentation's holder.</summary>
    public string? Holder { get; init; }

    /// <summary>The credential subjects.</summary>
    public IReadOnlyList<SubjectView> Subjects { get; init; } = [];

    /// <summary>The lexical <c>validFrom</c>, when present (more than one value is kept as it is: the format check refuses it).</summary>
    public string? ValidFrom { get; init; }

    /// <summary>The lexical <c>validUntil</c>.</summary>
    public string? ValidUntil { get; init; }

    /// <summary>The lexical <c>issuanceDate</c> (VC 1.1).</summary>
    public string? IssuanceDate { get; init; }

    /// <summary>The lexical <c>expirationDate</c> (VC 1.1).</summary>
    public string? ExpirationDate { get; init; }

    /// <summary>
    /// The <c>credentialStatus</c> entries as JSON objects with the standard member names (<c>id</c>, <c>type</c>,
    /// <c>statusPurpose</c>, <c>statusListIndex</c>, <c>statusListCredential</c>, <c>statusSize</c>); an entry that is
    /// not an object is kept as it is; null when the credential has no <c>credentialStatus</c>.
    /// </summary>
    public IReadOnlyList<JsonNode?>? Status { get; init; }

    /// <summary>Whether the credential has any <c>credentialStatus</c> member or property.</summary>
    public bool HasStatus => Status is not null;

    /// <summary>The view of a JSON document read by the standard member names (what a byte signature covers).</summary>
    /// <param name="document">The credential or presentation.</param>
    /// <returns>The view.</returns>
    public static CredentialView FromJson(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new CredentialView
        {
            Types = CredentialFormat.TypesOf(document["type"]),
            Issuer = CredentialFormat.IssuerOf(document),
            Holder = document["holder"] switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonObject o when o["id"] is JsonValue iv && iv.TryGetValue(out string? id) => id,
                _ => null,
            },
            Subjects = (document["credentialSubject"] switch
            {
                JsonObject o => [o],
                JsonArray a => a.OfType<JsonObject>().ToList(),
                _ => new List<JsonObject>(),
            }).Select(SubjectView.FromJson).ToList(),
            ValidFrom = Text(document["validFrom"]),
            ValidUntil = Text(document["validUntil"]),
            IssuanceDate = Text(document["issuanceDate"]),
            ExpirationDate = Text(document["expirationDate"]),
            Status = document["credentialStatus"] switch
            {
                null => null,
                JsonArray a => [.. a],
                var one => [one],
            },
        };
    }

    /// <summary>
    /// The view of a signed RDF dataset (the document's quads, as JSON-LD toRdf produced them): the node typed
    /// VerifiableCredential or VerifiablePresentation that no other node refers to, read by IRI; and every way the
    /// JSON's view disagrees with it. A property the signed data has but the JSON does not show under its standard
    /// name was reached through a non-standard term (<c>context.nonStandardTerm</c>); a property whose JSON value
    /// differs from the signed one is <c>context.viewMismatch</c>.
    /// </summary>
    /// <param name="quads">The signed dataset (its default graph is read; named graphs are other documents, such as proofs).</param>
    /// <param name="json">The view read from the JSON member names.</param>
    /// <param name="problems">Receives the disagreements.</param>
    /// <returns>The signed view, or null when the dataset has no single root.</returns>
    internal static CredentialView? FromDataset(IReadOnlyList<Quad> quads, CredentialView json, List<Problem> problems)
    {
        var graph = new Graph(quads);
        var roots = graph.Roots();
        if (roots.Count != 1)
        {
            problems.Add(new Problem("context.viewMismatch", roots.Count == 0
                ? "The signed data has no node typed VerifiableCredential or VerifiablePresentation that nothing else refers to."
                : "The signed data describes more than one credential or presentation at its top level."));
            return null;
        }

        var root = roots[0];
        var signed = new CredentialView
        {
            Types = json.Types,
            Issuer = graph.Single(root, Iris.Issuer),
            Holder = graph.Single(root, Iris.Holder),
            Subjects = graph.Objects(root, Iris.CredentialSubject).Select(s => SubjectView.FromGraph(graph, s)).ToList(),
            ValidFrom = graph.Single(root, Iris.ValidFrom),
            ValidUntil = graph.Single(root, Iris.ValidUntil),
            IssuanceDate = graph.Single(root, Iris.IssuanceDate),
            ExpirationDate = graph.Single(root, Iris.ExpirationDate),
            Status = graph.Objects(root, Iris.CredentialStatus) is { Count: > 0 } entries
                ? entries.Select(e => (JsonNode?)StatusEntry(graph, e)).ToList()
                : null,
        };

        foreach (var (term, iri) in KnownTypes)
        {
            var inJson = json.Types.Contains(term, StringComparer.Ordinal);
            var inData = graph.HasType(root, iri);
            if (inJson != inData)
            {
                problems.Add(new Problem("context.viewMismatch", inJson
                    ? $"The JSON says the document is a {term}, but the signed data does not."
                    : $"The signed data says the document is a {term}, but the JSON's type does not."));
            }
        }

        Compare(json, signed, problems);
        return signed;
    }

    private static void Compare(CredentialView json, CredentialView signed, List<Problem> problems)
    {
        Same("issuer", json.Issuer, signed.Issuer, problems);
        Same("holder", json.Holder, signed.Holder, problems);
        Same("validFrom", json.ValidFrom, signed.ValidFrom, problems);
        Same("validUntil", json.ValidUntil, signed.ValidUntil, problems);
        Same("issuanceDate", json.IssuanceDate, signed.IssuanceDate, problems);
        Same("expirationDate", json.ExpirationDate, signed.ExpirationDate, problems);

        if (json.Subjects.Count == 0 && signed.Subjects.Count > 0)
        {
            problems.Add(NonStandard("credentialSubject"));
        }
        else if (!json.Subjects.Select(s => s.Key).Order(StringComparer.Ordinal).SequenceEqual(signed.Subjects.Select(s => s.Key).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            problems.Add(Mismatch("credentialSubject"));
        }

        if (json.Status is null && signed.Status is not null)
        {
            problems.Add(NonStandard("credentialStatus"));
        }
        else if (json.Status is not null && signed.Status is null)
        {
            problems.Add(Mismatch("credentialStatus"));
        }
        else if (json.Status is not null && signed.Status is not null
            && !json.Status.Select(StatusKey).Order(StringComparer.Ordinal).SequenceEqual(signed.Status.Select(StatusKey).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            problems.Add(Mismatch("credentialStatus"));
        }
    }

    private static void Same(string name, string? json, string? signed, List<Problem> problems)
    {
        if (string.Equals(json, signed, StringComparison.Ordinal))
        {
            return;
        }

        problems.Add(json is null ? NonStandard(name) : Mismatch(name));
    }

    private static Problem NonStandard(string name) => new("context.nonStandardTerm", $"The signed data has a {name}, but the JSON does not show it under the member name '{name}': it was reached through a non-standard term, and a reader of the JSON would miss it.");

    private static Problem Mismatch(string name) => new("context.viewMismatch", $"The JSON's {name} is not what was signed: the member name '{name}' does not mean the standard property here, or the signed data describes it elsewhere.");

    private static string StatusKey(JsonNode? entry) => entry is JsonObject o
        ? string.Join("|", new[] { "id", "statusPurpose", "statusListIndex", "statusListCredential" }.Select(k => Text(o[k]) ?? string.Empty))
            + "|" + (o["statusSize"] is JsonValue sv && sv.GetValueKind() == JsonValueKind.Number ? sv.ToJsonString() : string.Empty)
            + "|" + string.Join(",", CredentialFormat.TypesOf(o["type"]).Where(t => StatusTypes.ContainsKey(t)).Order(StringComparer.Ordinal))
        : "?" + entry?.ToJsonString();

    private static JsonObject StatusEntry(Graph graph, RdfTerm entry)
    {
        var o = new JsonObject();
        if (entry.IsIri)
        {
            o["id"] = entry.Value;
        }

        var types = new JsonArray();
        foreach (var t in graph.Objects(entry, Iris.RdfType))
        {
            types.Add((JsonNode)JsonValue.Create(StatusTypes.FirstOrDefault(p => p.Value == t.Value).Key ?? t.Value));
        }

        if (types.Count > 0)
        {
            o["type"] = types.Count == 1 ? types[0]!.DeepClone() : types;
        }

        SetSingle(o, "statusPurpose", graph, entry, Iris.StatusPurpose, Iris.StatusPurpose2021);
        SetSingle(o, "statusListIndex", graph, entry, Iris.StatusListIndex, Iris.StatusListIndex2021);
        SetSingle(o, "statusListCredential", graph, entry, Iris.StatusListCredential, Iris.StatusListCredential2021);
        var size = graph.Objects(entry, Iris.StatusSize);
        if (size.Count == 1 && long.TryParse(size[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            o["statusSize"] = n;
        }
        else if (size.Count > 0)
        {
            o["statusSize"] = size[0].Value;
        }

        return o;
    }

    private static void SetSingle(JsonObject o, string name, Graph graph, RdfTerm node, string iri, string legacyIri)
    {
        var values = graph.Objects(node, iri);
        if (values.Count == 0)
        {
            values = graph.Objects(node, legacyIri);
        }

        if (values.Count == 1)
        {
            o[name] = values[0].Value;
        }
        else if (values.Count > 1)
        {
            o[name] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v.Value))]);
        }
    }

    /// <summary>The status entry types this library names, by their IRI in the signed data.</summary>
    internal static readonly IReadOnlyDictionary<string, string> StatusTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BitstringStatusListEntry"] = "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry",
        ["StatusList2021Entry"] = "https://w3id.org/vc/status-list#StatusList2021Entry",
    };

    /// <summary>The document types whose IRI the signed data must carry when the JSON names them.</summary>
    internal static readonly IReadOnlyDictionary<string, string> KnownTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["VerifiableCredential"] = "https://www.w3.org/2018/credentials#VerifiableCredential",
        ["VerifiablePresentation"] = "https://www.w3.org/2018/credentials#VerifiablePresentation",
        ["BitstringStatusListCredential"] = "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",
        ["EnvelopedVerifiableCredential"] = "https://www.w3.org/2018/credentials#EnvelopedVerifiableCredential",
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>The IRIs the view reads (VC Data Model 1.1 and 2.0 contexts, Bitstring Status List, ELM, Open Badges).</summary>
    internal static class Iris
    {
        internal const string Cred = "https://www.w3.org/2018/credentials#";
        internal const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
        internal const string Issuer = Cred + "issuer";
        internal const string Holder = Cred + "holder";
        internal const string CredentialSubject = Cred + "credentialSubject";
        internal const string ValidFrom = Cred + "validFrom";
        internal const string ValidUntil = Cred + "validUntil";
        internal const string IssuanceDate = Cred + "issuanceDate";
        internal const string ExpirationDate = Cred + "expirationDate";
        internal const string CredentialStatus = Cred + "credentialStatus";
        internal const string Status = "https://www.w3.org/ns/credentials/status#";
        internal const string StatusPurpose = Status + "statusPurpose";
        internal const string StatusListIndex = Status + "statusListIndex";
        internal const string StatusListCredential = Status + "statusListCredential";
        internal const string StatusSize = Status + "statusSize";
        internal const string StatusPurpose2021 = "https://w3id.org/vc/status-list#statusPurpose";
        internal const string StatusListIndex2021 = "https://w3id.org/vc/status-list#statusListIndex";
        internal const string StatusListCredential2021 = "https://w3id.org/vc/status-list#statusListCredential";
        internal const string ElmNationalId = "http://data.europa.eu/snb/model/elm/nationalID";
        internal const string AdmsIdentifier = "http://www.w3.org/ns/adms#identifier";
        internal const string Ob3Identifier = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier";
        internal const string SkosNotation = "http://www.w3.org/2004/02/skos/core#notation";
        internal const string Ob3IdentityHash = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash";
        internal static readonly string[] Names =
        [
            "http://xmlns.com/foaf/0.1/fullName", "http://xmlns.com/foaf/0.1/givenName", "http://xmlns.com/foaf/0.1/familyName",
            "https://schema.org/name", "https://schema.org/givenName", "https://schema.org/familyName",
        ];
    }

    /// <summary>The default graph of a dataset, indexed by subject.</summary>
    internal sealed class Graph
    {
        private readonly Dictionary<RdfTerm, List<(string Predicate, RdfTerm Object)>> _bySubject = [];
        private readonly HashSet<RdfTerm> _objects = [];

        public Graph(IReadOnlyList<Quad> quads)
        {
            foreach (var q in quads)
            {
                if (q.Graph is not null)
                {
                    continue;
                }

                if (!_bySubject.TryGetValue(q.Subject, out var list))
                {
                    _bySubject[q.Subject] = list = [];
                }

                list.Add((q.Predicate.Value, q.Object));
                if (!q.Object.IsLiteral)
                {
                    _objects.Add(q.Object);
                }
            }
        }

        /// <summary>
        /// The credential or presentation the dataset describes: the one node typed VerifiableCredential or
        /// VerifiablePresentation, or, of several, the one nothing else refers to (a status list may name itself).
        /// </summary>
        public List<RdfTerm> Roots()
        {
            var typed = _bySubject
                .Where(p => p.Value.Any(e => e.Predicate == Iris.RdfType && e.Object.Value is Iris.Cred + "VerifiableCredential" or Iris.Cred + "VerifiablePresentation"))
                .Select(p => p.Key)
                .ToList();
            return typed.Count <= 1 ? typed : typed.Where(t => !_objects.Contains(t)).ToList();
        }

        public List<RdfTerm> Objects(RdfTerm subject, string predicate) =>
            _bySubject.TryGetValue(subject, out var list) ? list.Where(e => e.Predicate == predicate).Select(e => e.Object).ToList() : [];

        public bool HasType(RdfTerm subject, string iri) => Objects(subject, Iris.RdfType).Any(t => t.Value == iri);

        /// <summary>The one value of a property (an IRI or a literal's lexical form); several values are joined so that they never compare equal to one.</summary>
        public string? Single(RdfTerm subject, string predicate)
        {
            var values = Objects(subject, predicate);
            return values.Count switch
            {
                0 => null,
                1 => values[0].Value,
                _ => "[" + string.Join(",", values.Select(v => v.Value).Order(StringComparer.Ordinal)) + "]",
            };
        }
    }
}

/// <summary>A credential subject as the checks see it: its identifier, other identifiers (national ID, student number, identity hash), whether it is named.</summary>
/// <param name="Id">The subject's <c>id</c> (a DID or URL), when it has one.</param>
/// <param name="Identifiers">Other identifiers of the subject: ELM <c>nationalID</c>/<c>identifier</c> notations, Open Badges identity hashes.</param>
/// <param name="Named">Whether the subject carries a name (full, given, family name).</param>
public sealed record SubjectView(string? Id, IReadOnlyList<string> Identifiers, bool Named)
{
    /// <summary>Every identifier, the id first.</summary>
    public IEnumerable<string> AllIdentifiers => Id is null ? Identifiers : [Id, .. Identifiers];

    internal string Key => (Id ?? string.Empty) + "|" + string.Join(",", Identifiers.Order(StringComparer.Ordinal)) + "|" + Named;

    internal static SubjectView FromJson(JsonObject subject)
    {
        var ids = new List<string>();
        foreach (var name in new[] { "nationalID", "identifier" })
        {
            var node = subject[name];
            var entries = node is JsonArray a ? a.ToList() : node is null ? [] : [node];
            foreach (var entry in entries)
            {
                if (entry is JsonObject o)
                {
                    foreach (var key in new[] { "notation", "identityHash" })
                    {
                        if (o[key] is JsonValue nv && nv.TryGetValue(out string? notation))
                        {
                            ids.Add(notation);
                        }
                    }
                }
                else if (entry is JsonValue ev && ev.TryGetValue(out string? text))
                {
                    ids.Add(text);
                }
            }
        }

        var id = subject["id"] is JsonValue idv && idv.TryGetValue(out string? s) ? s : null;
        var named = subject["fullName"] is not null || subject["givenName"] is not null || subject["familyName"] is not null || subject["name"] is not null;
        return new SubjectView(id, ids, named);
    }

    internal static SubjectView FromGraph(CredentialView.Graph graph, RdfTerm subject)
    {
        var ids = new List<string>();
        foreach (var predicate in new[] { CredentialView.Iris.ElmNationalId, CredentialView.Iris.AdmsIdentifier, CredentialView.Iris.Ob3Identifier })
        {
            foreach (var entry in graph.Objects(subject, predicate))
            {
                if (entry.IsLiteral)
                {
                    ids.Add(entry.Value);
                    continue;
                }

                foreach (var key in new[] { CredentialView.Iris.SkosNotation, CredentialView.Iris.Ob3IdentityHash })
                {
                    ids.AddRange(graph.Objects(entry, key).Where(v => v.IsLiteral).Select(v => v.Value));
                }
            }
        }

        var named = CredentialView.Iris.Names.Any(n => graph.Objects(subject, n).Count > 0);
        return new SubjectView(subject.IsIri ? subject.Value : null, ids, named);
    }
}
