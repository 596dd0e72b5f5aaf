using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>
/// The W3C json-ld-api test suite (expand, toRdf, remote-doc), one named case per manifest entry, with the skip
/// rules of vectors/MANIFEST.md §3. A per-suite summary is printed when the fixture ends.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public class JsonLdApiSuiteTests
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    public static IEnumerable<TestCaseData> ExpandCases() => Cases("expand");

    public static IEnumerable<TestCaseData> ToRdfCases() => Cases("toRdf");

    public static IEnumerable<TestCaseData> RemoteDocCases() => Cases("remote-doc");

    private static IEnumerable<TestCaseData> Cases(string suite)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Shared.Vectors("json-ld-api", "tests", suite + "-manifest.jsonld")))!;
        foreach (var entry in manifest["sequence"]!.AsArray())
        {
            var id = entry!["@id"]!.GetValue<string>();
            var name = entry["name"]?.GetValue<string>() ?? string.Empty;
            yield return new TestCaseData(suite, entry.ToJsonString()).SetName(suite + id + " " + name);
        }
    }

    [TestCaseSource(nameof(ExpandCases))]
    public Task Expand(string suite, string entryJson) => Run(suite, entryJson);

    [TestCaseSource(nameof(ToRdfCases))]
    public Task ToRdf(string suite, string entryJson) => Run(suite, entryJson);

    [TestCaseSource(nameof(RemoteDocCases))]
    public Task RemoteDoc(string suite, string entryJson) => Run(suite, entryJson);

    [OneTimeTearDown]
    public void Summary()
    {
        var sb = new StringBuilder("json-ld-api summary\n");
        foreach (var suite in new[] { "expand", "toRdf", "remote-doc" })
        {
            sb.Append("  ").Append(suite).Append(": passed ").Append(Counts.GetValueOrDefault(suite + "|passed"))
              .Append(", failed ").Append(Counts.GetValueOrDefault(suite + "|failed"))
              .Append(", skipped ").Append(Counts.Where(kv => kv.Key.StartsWith(suite + "|skip:", StringComparison.Ordinal)).Sum(kv => kv.Value));
            foreach (var kv in Counts.Where(kv => kv.Key.StartsWith(suite + "|skip:", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                sb.Append(" [").Append(kv.Key[(suite.Length + 6)..]).Append(": ").Append(kv.Value).Append(']');
            }

            sb.Append('\n');
        }

        TestContext.Progress.WriteLine(sb.ToString());
        File.WriteAllText(Path.Combine(TestContext.CurrentContext.WorkDirectory, "jsonld-suite-summary.txt"), sb.ToString());
    }

    private static string? SkipReason(JsonObject entry)
    {
        var option = entry["option"] as JsonObject;
        var types = entry["@type"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        if (option?["specVersion"]?.GetValue<string>() == "json-ld-1.0")
        {
            return "specVersion json-ld-1.0";
        }

        if (option?["processingMode"]?.GetValue<string>() == "json-ld-1.0")
        {
            return "processingMode json-ld-1.0";
        }

        // rdfDirection i18n-datatype and compound-literal are implemented, so those tests run.
        if (entry["requires"] is JsonNode req && req.GetValue<string>() is not ("I18nDatatype" or "CompoundLiteral"))
        {
            return "requires " + req.GetValue<string>();
        }

        if (option?["produceGeneralizedRdf"]?.GetValue<bool>() == true)
        {
            return "produceGeneralizedRdf";
        }

        // normative: false tests may be skipped (MANIFEST.md §3) but they pass, so they run.
        if (option?["httpLink"] is JsonValue hl && hl.GetValue<string>().Contains(".html>", StringComparison.Ordinal))
        {
            return "HTML";
        }

        if (option?["processorFeature"] is not null || entry["input"]!.GetValue<string>().EndsWith(".html", StringComparison.Ordinal) && option?["httpLink"] is null)
        {
            return "HTML";
        }

        _ = types;
        return null;
    }

    private static async Task Run(string suite, string entryJson)
    {
        var entry = JsonNode.Parse(entryJson)!.AsObject();
        var skip = SkipReason(entry);
        if (skip is not null)
        {
            Counts.AddOrUpdate(suite + "|skip:" + skip, 1, (_, n) => n + 1);
            Assert.Ignore(skip);
        }

        try
        {
            await Execute(suite, entry);
            Counts.AddOrUpdate(suite + "|passed", 1, (_, n) => n + 1);
        }
        catch (Exception ex) when (ex is not IgnoreException)
        {
            Counts.AddOrUpdate(suite + "|failed", 1, (_, n) => n + 1);
            throw;
        }
    }

    private static async Task Execute(string suite, JsonObject entry)
    {
        var root = Shared.Vectors("json-ld-api", "tests");
        var types = entry["@type"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        var input = entry["input"]!.GetValue<string>();
        var option = entry["option"] as JsonObject;
        var inputUrl = TestResourceResolver.BaseUrl + input;
        var loader = new ResourceDocumentLoader(new TestResourceResolver(inputUrl, option));
        var options = new JsonLdOptions
        {
            DocumentLoader = loader,
            Base = option?["base"]?.GetValue<string>() ?? inputUrl,
            ProcessingMode = option?["processingMode"]?.GetValue<string>() ?? "json-ld-1.1",
            RdfDirection = option?["rdfDirection"]?.GetValue<string>(),
            ProduceGeneralizedRdf = option?["produceGeneralizedRdf"]?.GetValue<bool>() ?? false,
            ExpandContext = option?["expandContext"] is JsonNode ec ? JsonNode.Parse(File.ReadAllText(Path.Combine(root, ec.GetValue<string>()))) : null,
        };

        var negative = types.Contains("jld:NegativeEvaluationTest");
        var expectedCode = negative ? entry["expect"]?.GetValue<string>() ?? entry["expectErrorCode"]?.GetValue<string>() : null;

        async Task<object> Act()
        {
            if (suite == "remote-doc")
            {
                return await JsonLdProcessor.ExpandAsync(new Uri(inputUrl), options with { Base = option?["base"]?.GetValue<string>() });
            }

            var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(root, input)))!;
            return suite == "toRdf"
                ? await JsonLdProcessor.ToRdfAsync(doc, options)
                : await JsonLdProcessor.ExpandAsync(doc, options);
        }

        if (negative)
        {
            JsonLdException? caught = null;
            try
            {
                var result = await Act();
                Assert.Fail("Expected error '" + expectedCode + "' but got " + Describe(result));
            }
            catch (JsonLdException ex)
            {
                caught = ex;
            }

            Assert.That(caught!.Code, Is.EqualTo(expectedCode), caught.Message);
            return;
        }

        var actual = await Act();
        if (types.Contains("jld:PositiveSyntaxTest"))
        {
            return;
        }

        var expectPath = Path.Combine(root, entry["expect"]!.GetValue<string>());
        if (actual is JsonArray expanded)
        {
            var expected = JsonNode.Parse(File.ReadAllText(expectPath));
            Assert.That(JsonLdCompare.Equal(expanded, expected), Is.True, "Expected:\n" + expected?.ToJsonString() + "\nActual:\n" + expanded.ToJsonString());
        }
        else
        {
            var quads = (IReadOnlyList<MicroCredentials.VC.Rdf.Quad>)actual;
            var expectedText = File.ReadAllText(expectPath);
            var ok = RdfTestSupport.Isomorphic(RdfTestSupport.FromQuads(quads), RdfTestSupport.Parse(expectedText));
            Assert.That(ok, Is.True, "Expected:\n" + expectedText + "\nActual:\n" + RdfTestSupport.ToNQuads(quads));
        }
    }

    private static string Describe(object result) => result switch
    {
        JsonArray a => a.ToJsonString(),
        IReadOnlyList<MicroCredentials.VC.Rdf.Quad> q => RdfTestSupport.ToNQuads(q),
        _ => result.ToString() ?? string.Empty,
    };
}
