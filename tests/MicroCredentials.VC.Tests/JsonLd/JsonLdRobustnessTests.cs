using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>Bad input raises <see cref="JsonLdException"/> and nothing else (regressions found by mutation fuzzing).</summary>
public class JsonLdRobustnessTests
{
    [Test]
    public void VersionAsProgrammaticInteger_IsRejectedWithSpecCode()
    {
        var doc = new JsonObject { ["@context"] = new JsonObject { ["@version"] = 1 }, ["@id"] = "urn:x" };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ExpandAsync(doc));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.InvalidVersionValue));
    }

    [Test]
    public async Task TypeMapKeyMappedToNull_AddsNoType_AndFailsInSafeMode()
    {
        var doc = JsonNode.Parse("""{"@context": {"@vocab": "http://example/", "typemap": {"@container": "@type"}, "none": null}, "@id": "urn:x", "typemap": {"none": {"label": "x"}}}""")!;
        var quads = await JsonLdProcessor.ToRdfAsync(doc);
        Assert.That(quads.Any(q => q.Predicate.Value.EndsWith("#type", StringComparison.Ordinal)), Is.False);
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeRelativeTypeReference));
    }

    [Test]
    public async Task ObjectWithOnlyLanguageAndDirection_IsDropped()
    {
        var doc = JsonNode.Parse("""{"@id": "urn:x", "http://example.org/label": {"@language": "en", "@direction": "rtl"}}""")!;
        Assert.That(await JsonLdProcessor.ToRdfAsync(doc), Is.Empty);
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeObjectWithOnlyLanguage));
    }

    [Test]
    public void ValueObjectInTypeMap_IsRejected()
    {
        var doc = JsonNode.Parse("""{"@context": {"@vocab": "http://example/", "typemap": {"@container": "@type"}}, "typemap": {"_:bar": {"@type": "@json", "@value": "x"}}}""")!;
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.InvalidTypedValue));
    }

    [Test]
    public void ReverseIndexPropertyMappedToNull_IsRejected()
    {
        var doc = JsonNode.Parse("""
            {"@context": {"@version": 1.1, "@vocab": "https://example.net/ns#",
              "statement": {"@reverse": "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", "@container": "@index", "@index": "predicate"},
              "predicate": null},
             "@id": "https://example.org/item/1", "statement": {"x": {"@id": "urn:y"}}}
            """)!;
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.InvalidTermDefinition));
    }

    [Test]
    public void MutatedDocuments_ThrowOnlyJsonLdException()
    {
        var seeds = Directory.GetFiles(Shared.Vectors("json-ld-api", "tests", "expand"), "*-in.jsonld").Order(StringComparer.Ordinal)
            .Select(f => { try { return JsonNode.Parse(File.ReadAllText(f)); } catch (System.Text.Json.JsonException) { return null; } })
            .OfType<JsonNode>()
            .Append(JsonNode.Parse(File.ReadAllText(Shared.Path("bench", "microcredential-v2.unsigned.json")))!)
            .ToArray();
        var rnd = new Random(20261122);
        var failures = new List<string>();
        for (var it = 0; it < 1500; it++)
        {
            var doc = seeds[rnd.Next(seeds.Length)].DeepClone();
            for (var m = 0; m < 3; m++)
            {
                Mutate(doc, rnd);
            }

            foreach (var options in new[] { JsonLdOptions.Default, JsonLdOptions.Safe })
            {
                try
                {
                    _ = JsonLdProcessor.ToRdfAsync(doc, options).AsTask().GetAwaiter().GetResult();
                }
                catch (JsonLdException)
                {
                }
#pragma warning disable CA1031 // The point of the test is to catch anything else.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures.Add(ex.GetType().Name + ": " + doc.ToJsonString());
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private static void Mutate(JsonNode doc, Random rnd)
    {
        var nodes = new List<JsonNode>();
        Collect(doc, nodes);
        var target = nodes[rnd.Next(nodes.Count)];
        switch (target.Parent)
        {
            case JsonObject po:
                var key = target.GetPropertyName();
                if (rnd.Next(3) == 0)
                {
                    po.Remove(key);
                }
                else
                {
                    po[key] = RandomValue(rnd);
                }

                break;
            case JsonArray pa:
                pa[target.GetElementIndex()] = RandomValue(rnd);
                break;
            default:
                if (target is JsonObject root && root.Count > 0)
                {
                    root[root.ElementAt(rnd.Next(root.Count)).Key] = RandomValue(rnd);
                }

                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        if (node is JsonObject o)
        {
            foreach (var p in o)
            {
                if (p.Value is not null)
                {
                    Collect(p.Value, into);
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var i in a)
            {
                if (i is not null)
                {
                    Collect(i, into);
                }
            }
        }
    }

    private static JsonNode? RandomValue(Random rnd) => rnd.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(rnd.Next()),
        2 => JsonValue.Create("@id"),
        3 => new JsonArray(),
        4 => new JsonObject(),
        5 => JsonValue.Create("_:b0"),
        6 => JsonValue.Create(true),
        7 => JsonValue.Create("rel/ative"),
        8 => new JsonObject { ["@value"] = "x", ["@language"] = "en" },
        9 => JsonValue.Create("@list"),
        10 => new JsonObject { ["@id"] = "@type" },
        11 => new JsonObject { ["@container"] = "@list", ["@id"] = "http://ex/p" },
        12 => JsonValue.Create("@graph"),
        _ => new JsonArray(JsonValue.Create(1.5), null),
    };
}
