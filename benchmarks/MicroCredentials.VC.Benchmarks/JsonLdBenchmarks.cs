using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>JSON-LD expand + toRdf (safe mode, embedded contexts) of the two bench documents in ../shared/bench.</summary>
[MemoryDiagnoser]
public class JsonLdBenchmarks
{
    private JsonNode vc2 = null!;
    private JsonNode edc = null!;

    [GlobalSetup]
    public void Setup()
    {
        vc2 = JsonNode.Parse(File.ReadAllText(BenchPath("microcredential-v2.unsigned.json")))!;
        edc = JsonNode.Parse(File.ReadAllText(BenchPath("edc-annex1.unsigned.jsonld")))!;
        if (ToRdfVc2().Count != 92 || ToRdfEdc().Count != 292)
        {
            throw new InvalidOperationException("Unexpected quad counts.");
        }
    }

    [Benchmark]
    public IReadOnlyList<Quad> ToRdfVc2() => JsonLdProcessor.ToRdfAsync(vc2, JsonLdOptions.Safe).GetAwaiter().GetResult();

    [Benchmark]
    public IReadOnlyList<Quad> ToRdfEdc() => JsonLdProcessor.ToRdfAsync(edc, JsonLdOptions.Safe).GetAwaiter().GetResult();

    [Benchmark]
    public JsonArray ExpandVc2() => JsonLdProcessor.ExpandAsync(vc2, JsonLdOptions.Safe).GetAwaiter().GetResult();

    internal static string BenchPath(string file)
    {
        var env = Environment.GetEnvironmentVariable("MCRED_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(env, "bench", file);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.VC.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "..", "shared", "bench", file);
    }
}
