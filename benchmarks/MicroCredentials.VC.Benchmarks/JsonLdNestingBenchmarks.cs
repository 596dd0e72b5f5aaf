using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>
/// Deep but legal nesting: a credential subject holding chains of nested objects (blank nodes), by the number of
/// objects and the depth of each chain. toRdf is linear in both; RDFC-1.0 gives every node of a chain the same
/// first-degree hash and so hashes each with its whole chain (Hash N-Degree Quads): linear in the number of chains,
/// quadratic in their depth, as the algorithm is (the reference rdf-canonize does the same work). The size, depth and
/// time limits of <see cref="InputLimits"/> bound it.
/// </summary>
[MemoryDiagnoser]
public class JsonLdNestingBenchmarks
{
    private JsonObject document = null!;

    [Params(1_000, 10_000)]
    public int Objects { get; set; }

    [Params(10, 100)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        document = JsonLdScalingBenchmarks.Build(0, JsonLdScalingBenchmarks.Shape.Strings);
        document["credentialSubject"]!["https://example.org/value"] = JsonLdScalingBenchmarks.Chains(Objects, Depth);
    }

    /// <summary>JSON-LD toRdf alone.</summary>
    [Benchmark]
    public int ToRdf() => JsonLdProcessor.ToRdfAsync(document, JsonLdOptions.Safe).GetAwaiter().GetResult().Count;

    /// <summary>toRdf + RDFC-1.0.</summary>
    [Benchmark]
    public int Canonicalize()
    {
        var quads = JsonLdProcessor.ToRdfAsync(document, JsonLdOptions.Safe).GetAwaiter().GetResult();
        return Rdfc10.Canonicalize(quads).CanonicalNQuadsUtf8.Length;
    }
}
