using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Interop;

/// <summary>
/// Our JSON-LD toRdf + RDFC-1.0 (safe mode) against jsonld.js on real documents and on credentials generated at
/// random: the canonical N-Quads must be byte-identical, or both must refuse the document.
/// </summary>
[TestFixture]
[Category("Interop")]
public class CanonicalizationInteropTests
{
    private const int RandomDocuments = 150;

    [OneTimeSetUp]
    public void Setup() => ReferenceJs.EnsureInstalled();

    private static IEnumerable<TestCaseData> RealDocuments()
    {
        var docs = new (string Name, string[] Path)[]
        {
            ("vc-di-eddsa unsigned", ["vectors", "vc-di-eddsa", "TestVectors", "unsigned.json"]),
            ("vc-di-eddsa employmentAuth", ["vectors", "vc-di-eddsa", "TestVectors", "employmentAuth.json"]),
            ("vc-di-eddsa signedDataInt", ["vectors", "vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "signedDataInt.json"]),
            ("OB 3.0 vector credential", ["vectors", "openbadges-v3", "test-vectors", "obv3p0", "credential.json"]),
            ("EDC Annex I sample", ["anchors", "edc", "elm-v3", "samples", "Sample-MC-Annex1-unsigned.jsonld"]),
            ("bench microcredential v2", ["bench", "microcredential-v2.unsigned.json"]),
            ("bench EDC annex", ["bench", "edc-annex1.unsigned.jsonld"]),
        };
        foreach (var (name, path) in docs)
        {
            yield return new TestCaseData((object)path).SetName("Canonical_SameAsJsonLdJs_" + name.Replace(' ', '_'));
        }
    }

    private static async Task<string> Ours(JsonObject doc)
    {
        var quads = await JsonLdProcessor.ToRdfAsync(doc, new JsonLdOptions { SafeMode = true });
        return Rdfc10.Canonicalize(quads).CanonicalNQuads;
    }

    [TestCaseSource(nameof(RealDocuments))]
    public async Task Canonical_SameAsJsonLdJs(string[] path)
    {
        var text = File.ReadAllText(Shared.Path(path));
        var theirs = ReferenceJs.Run("canonize", text).EnsureSuccess().Stdout;
        Assert.That(await Ours((JsonObject)JsonNode.Parse(text)!), Is.EqualTo(theirs));
    }

    /// <summary>
    /// A known divergence: jsonld.js decides "double" by looking for a '.' in JavaScript's String(v), so a non-integer
    /// below 1e-6 (printed as "1e-7") becomes "0"^^xsd:integer. JSON-LD 1.1 §8.6 (Object to RDF) makes any number with
    /// a non-zero fractional part an xsd:double; we follow the specification, so such values are kept out of the
    /// random cross-check and pinned here.
    /// </summary>
    [Test]
    public async Task TinyDouble_FollowsTheSpecification_WhereJsonLdJsDiverges()
    {
        var doc = (JsonObject)JsonNode.Parse("""{"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"type":["VerifiableCredential"],"issuer":"did:example:i","credentialSubject":{"score":1.0E-7}}""")!;
        Assert.That(await Ours(doc), Does.Contain("\"1.0E-7\"^^<http://www.w3.org/2001/XMLSchema#double>"));
        Assert.That(ReferenceJs.Run("canonize", doc.ToJsonString()).EnsureSuccess().Stdout, Does.Contain("\"0\"^^<http://www.w3.org/2001/XMLSchema#integer>"), "if jsonld.js fixes this, drop the exclusion from the random generator");
    }

    [Test]
    public async Task Canonical_SameAsJsonLdJs_RandomCredentials()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MCRED_RANDOM_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261122;
        var random = new Random(seed);
        var docs = Enumerable.Range(0, RandomDocuments).Select(_ => RandomCredentials.Create(random)).ToList();
        var theirs = ReferenceJs.Run("canonize-many", new JsonArray([.. docs.Select(d => (JsonNode)d.DeepClone())]).ToJsonString()).EnsureSuccess().Json.AsArray();

        var mismatches = new List<string>();
        for (var i = 0; i < docs.Count; i++)
        {
            string? ours = null;
            string? error = null;
            try
            {
                ours = await Ours(docs[i]);
            }
            catch (JsonLdException ex)
            {
                error = ex.Code;
            }

            var expected = (string?)theirs[i]!["nquads"];
            if (expected != ours)
            {
                mismatches.Add($"document {i} (seed {seed}): ours={(ours is null ? "error " + error : "ok")} theirs={(expected is null ? "error " + (string?)theirs[i]!["error"] : "ok")}\n{docs[i].ToJsonString()}\nOURS:\n{ours}\nTHEIRS:\n{expected}");
            }
        }

        Assert.That(theirs.Count(t => t!["nquads"] is not null), Is.GreaterThan(RandomDocuments * 9 / 10), "the generator should mostly make valid documents");
        Assert.That(mismatches, Is.Empty, string.Join("\n\n", mismatches.Take(3)));
    }
}

/// <summary>Random VC 2.0 credentials exercising the hard parts of canonicalization.</summary>
internal static class RandomCredentials
{
    private static readonly string[] Terms = ["name", "score", "member", "tags", "knows", "level", "note", "items", "weight", "alias", "parent", "child"];
    private static readonly string[] Languages = ["en", "fr-CA", "de", "pt-BR", "el"];
    private static readonly string[] Strings = ["Ana", "Zoë", "日本語", "emoji 🎓", "quote \" and \\ backslash", "line\nbreak", "tab\there", "bell\u0007", "delete\u007f", "e\u0301 combining", "", " spaced ", "ünïcödé", "<b>html</b>"];
    private static readonly string[] Datatypes =
    [
        "http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#dateTime", "http://www.w3.org/2001/XMLSchema#decimal",
        "http://www.w3.org/2001/XMLSchema#integer", "https://example.org/ns#custom",
    ];

    public static JsonObject Create(Random r)
    {
        var pool = new List<JsonObject>();
        var doc = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"),
            ["type"] = new JsonArray("VerifiableCredential", "ExampleCredential"),
            ["issuer"] = r.Next(2) == 0 ? "did:example:issuer" : new JsonObject { ["id"] = "did:example:issuer", ["name"] = Pick(r, Strings) },
            ["validFrom"] = "2026-06-30T10:00:00Z",
            ["credentialSubject"] = Node(r, 3, pool),
        };
        if (r.Next(3) == 0)
        {
            doc["id"] = "urn:uuid:" + new Guid(Bytes(r)).ToString();
        }

        return doc;
    }

    private static JsonObject Node(Random r, int depth, List<JsonObject> pool)
    {
        var node = new JsonObject();
        if (r.Next(4) == 0)
        {
            node["id"] = "https://example.org/things/" + r.Next(5).ToString(CultureInfo.InvariantCulture);
        }

        var count = r.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            node[Pick(r, Terms)] = Value(r, depth, pool);
        }

        pool.Add(node);
        return node;
    }

    private static JsonNode Value(Random r, int depth, List<JsonObject> pool)
    {
        var kind = r.Next(depth > 0 ? 12 : 8);
        return kind switch
        {
            0 => Pick(r, Strings),
            1 => r.Next(-1000, 1000),
            2 => JsonNode.Parse(Pick(r, ["0.1", "1.5", "-2.25", "1e21", "2.5E-5", "5.0", "123456789.125", "3.14159", "1e300", "-0.0"]))!,
            3 => r.Next(2) == 0,
            4 => new JsonObject { ["@value"] = Pick(r, Strings), ["@language"] = Pick(r, Languages) },
            5 => new JsonObject { ["@value"] = Pick(r, ["2026-01-01", "42", "1.50", "x"]), ["@type"] = Pick(r, Datatypes) },
            6 => new JsonArray([.. Enumerable.Range(0, r.Next(1, 4)).Select(_ => Pick(r, Strings)).Select(x => (JsonNode)x)]),
            7 => "https://example.org/" + Uri.EscapeDataString(Pick(r, Strings)),
            8 or 9 => Node(r, depth - 1, pool),
            10 => pool.Count > 0 ? Pick(r, pool).DeepClone() : Node(r, depth - 1, pool), // identical subtree: isomorphic blank nodes
            _ => new JsonObject { ["@list"] = new JsonArray([.. Enumerable.Range(0, r.Next(0, 4)).Select(_ => r.Next(2) == 0 ? (JsonNode)Pick(r, Strings) : Node(r, depth - 1, pool))]) },
        };
    }

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static byte[] Bytes(Random r)
    {
        var b = new byte[16];
        r.NextBytes(b);
        return b;
    }
}
