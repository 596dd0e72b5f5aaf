using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>
/// How the cost of what eddsa-rdfc-2022 hashes (JSON-LD toRdf in safe mode, then RDFC-1.0) grows with the length of
/// one array in a credential, in the shapes a hostile document can take. Linear processing shows ~10× per 10×
/// elements (issue 11: 100k elements at most ~120× the cost of 1k).
/// </summary>
[MemoryDiagnoser]
public class JsonLdScalingBenchmarks
{
    private JsonNode document = null!;

    /// <summary>The shape of the array's items.</summary>
    public enum Shape
    {
        /// <summary>Distinct strings (the 40,000-string credential).</summary>
        Strings,

        /// <summary>Distinct non-integer numbers (xsd:double literals, which share their tail).</summary>
        Numbers,

        /// <summary>Distinct language-tagged strings.</summary>
        LanguageStrings,

        /// <summary>Small objects without ids (one blank node each).</summary>
        BlankNodes,

        /// <summary>Small objects with ids.</summary>
        NodesWithIds,

        /// <summary>One object with that many distinct properties (no array).</summary>
        ManyProperties,

        /// <summary>
        /// Chains of 100 nested objects (deep but legal nesting), as many as make that many objects. Not in the default
        /// parameters: RDFC-1.0 hashes each blank node of a chain with all of it (Hash N-Degree Quads), so a chain costs
        /// its depth squared; <see cref="JsonLdNestingBenchmarks"/> measures it on its own.
        /// </summary>
        DeepNesting,

        /// <summary>A top-level <c>@graph</c> of that many node objects with ids.</summary>
        Graph,
    }

    [Params(1_000, 10_000, 100_000)]
    public int Count { get; set; }

    [Params(Shape.Strings, Shape.Numbers, Shape.LanguageStrings, Shape.BlankNodes, Shape.NodesWithIds, Shape.ManyProperties, Shape.Graph)]
    public Shape Items { get; set; }

    [GlobalSetup]
    public void Setup() => document = Build(Count, Items);

    /// <summary>A VC 2.0 credential whose subject holds <paramref name="count"/> items of <paramref name="shape"/>.</summary>
    internal static JsonObject Build(int count, Shape shape)
    {
        var subject = new JsonObject { ["id"] = "did:example:learner" };
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = subject,
        };
        switch (shape)
        {
            case Shape.ManyProperties:
                for (var i = 0; i < count; i++)
                {
                    subject["https://example.org/p" + i] = "s" + i;
                }

                return document;
            case Shape.DeepNesting:
                subject["https://example.org/value"] = Chains(count, 100);
                return document;
            case Shape.Graph:
                var graph = new JsonArray();
                for (var i = 0; i < count; i++)
                {
                    graph.Add(new JsonObject { ["@id"] = "urn:example:" + i, ["https://example.org/n"] = "s" + i });
                }

                return new JsonObject { ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"), ["@graph"] = graph };
        }

        var values = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            values.Add(shape switch
            {
                Shape.Strings => JsonValue.Create("s" + i),
                Shape.Numbers => JsonValue.Create(i + 0.5),
                Shape.LanguageStrings => new JsonObject { ["@value"] = "s" + i, ["@language"] = "en" },
                Shape.BlankNodes => new JsonObject { ["https://example.org/n"] = "s" + i },
                _ => new JsonObject { ["@id"] = "urn:example:" + i, ["https://example.org/n"] = "s" + i },
            });
        }

        subject["https://example.org/value"] = values;
        return document;
    }

    /// <summary><paramref name="count"/> objects as chains of <paramref name="depth"/> nested objects, each ending in a string.</summary>
    internal static JsonArray Chains(int count, int depth)
    {
        var chains = new JsonArray();
        for (var c = 0; c < count / depth; c++)
        {
            JsonNode chain = "leaf" + c;
            for (var d = 0; d < depth; d++)
            {
                chain = new JsonObject { ["https://example.org/n"] = chain };
            }

            chains.Add(chain);
        }

        return chains;
    }

    /// <summary>JSON-LD toRdf alone (expansion and the node map).</summary>
    [Benchmark]
    public int ToRdf() => JsonLdProcessor.ToRdfAsync(document, JsonLdOptions.Safe).GetAwaiter().GetResult().Count;

    /// <summary>toRdf + RDFC-1.0: the canonical form eddsa-rdfc-2022 signs and verifies.</summary>
    [Benchmark]
    public int Canonicalize()
    {
        var quads = JsonLdProcessor.ToRdfAsync(document, JsonLdOptions.Safe).GetAwaiter().GetResult();
        return Rdfc10.Canonicalize(quads).CanonicalNQuadsUtf8.Length;
    }
}
