using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MicroCredentials.VC.Rdf;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Rdf;

/// <summary>
/// The W3C RDF Dataset Canonicalization test suite (w3c/rdf-canon tests/manifest.jsonld), read at run time from
/// ../shared/vectors/rdf-canon: one named case per manifest entry.
/// </summary>
public class RdfCanonTestSuiteTests
{
    public sealed record Entry(string Id, string Type, string Name, string Complexity, string Action, string? Result, string? HashAlgorithm)
    {
        public override string ToString() => Id;
    }

    private static string TestsDir => Shared.Vectors("rdf-canon", "tests");

    private static IReadOnlyList<Entry> Entries()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestsDir, "manifest.jsonld")));
        var list = new List<Entry>();
        foreach (var e in doc.RootElement.GetProperty("entries").EnumerateArray())
        {
            list.Add(new Entry(
                e.GetProperty("id").GetString()!.TrimStart('#'),
                e.GetProperty("type").GetString()!,
                e.GetProperty("name").GetString()!,
                e.GetProperty("computationalComplexity").GetString()!,
                e.GetProperty("action").GetString()!,
                e.TryGetProperty("result", out var r) ? r.GetString() : null,
                e.TryGetProperty("hashAlgorithm", out var h) ? h.GetString() : null));
        }

        return list;
    }

    private static IEnumerable<TestCaseData> Cases(bool high) =>
        Entries()
            .Where(e => (e.Complexity == "high") == high && e.Type != "rdfc:RDFC10NegativeEvalTest")
            .Select(e => new TestCaseData(e).SetName($"{e.Id} ({e.Name})"));

    public static IEnumerable<TestCaseData> LowComplexityCases() => Cases(high: false);

    public static IEnumerable<TestCaseData> HighComplexityCases() => Cases(high: true);

    public static IEnumerable<TestCaseData> NegativeCases() =>
        Entries()
            .Where(e => e.Type == "rdfc:RDFC10NegativeEvalTest")
            .Select(e => new TestCaseData(e).SetName($"{e.Id} ({e.Name})"));

    [Test]
    public void Manifest_HasAllEntries()
    {
        var entries = Entries();
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.EqualTo(86));
            Assert.That(entries.Count(e => e.Type == "rdfc:RDFC10EvalTest"), Is.EqualTo(64));
            Assert.That(entries.Count(e => e.Type == "rdfc:RDFC10MapTest"), Is.EqualTo(21));
            Assert.That(entries.Count(e => e.Type == "rdfc:RDFC10NegativeEvalTest"), Is.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(LowComplexityCases))]
    public void Conformance(Entry entry) => Run(entry, CancellationToken.None);

    /// <summary>The slow (but valid) graphs; the timeout is only a safety net.</summary>
    [TestCaseSource(nameof(HighComplexityCases))]
    [CancelAfter(120_000)]
    public void Conformance_HighComplexity(Entry entry) => Run(entry, TestContext.CurrentContext.CancellationToken);

    /// <summary>The poison graph must fail on the work limit (it would otherwise run for ages).</summary>
    [TestCaseSource(nameof(NegativeCases))]
    [CancelAfter(120_000)]
    public void Conformance_Negative(Entry entry)
    {
        var quads = NQuads.Parse(File.ReadAllText(Path.Combine(TestsDir, entry.Action)));
        var ex = Assert.Throws<RdfcException>(() => Rdfc10.Canonicalize(quads, Options(entry), TestContext.CurrentContext.CancellationToken));
        Assert.That(ex!.Code, Is.EqualTo(RdfcException.WorkLimitExceededCode));
    }

    private static RdfcOptions Options(Entry entry) => entry.HashAlgorithm switch
    {
        null => RdfcOptions.Default,
        "SHA384" => RdfcOptions.Default with { HashAlgorithm = HashAlgorithmName.SHA384 },
        var other => throw new InvalidOperationException("unexpected hash algorithm " + other),
    };

    private static void Run(Entry entry, CancellationToken cancellationToken)
    {
        var input = File.ReadAllText(Path.Combine(TestsDir, entry.Action), Encoding.UTF8);
        var result = Rdfc10.Canonicalize(NQuads.Parse(input), Options(entry), cancellationToken);
        var expectedPath = Path.Combine(TestsDir, entry.Result!);
        switch (entry.Type)
        {
            case "rdfc:RDFC10EvalTest":
                var expectedBytes = File.ReadAllBytes(expectedPath);
                Assert.That(result.CanonicalNQuads, Is.EqualTo(Encoding.UTF8.GetString(expectedBytes)));
                Assert.That(result.CanonicalNQuadsUtf8.ToArray(), Is.EqualTo(expectedBytes), "UTF-8 bytes");
                break;
            case "rdfc:RDFC10MapTest":
                var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(expectedPath))!;
                Assert.That(result.IssuedIdentifiers, Is.EquivalentTo(expected));
                break;
            default:
                Assert.Fail("unknown test type " + entry.Type);
                break;
        }
    }
}
