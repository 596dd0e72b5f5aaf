using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>The two documents every benchmark uses, from ../shared/bench (beside the checkout, or MCRED_SHARED).</summary>
internal static class BenchDocuments
{
    public const string MicroCredentialV2 = "microcredential-v2.unsigned.json";
    public const string EdcAnnex1 = "edc-annex1.unsigned.jsonld";

    public static JsonObject Load(string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(SharedBench(), name)))!;

    private static string SharedBench()
    {
        var env = Environment.GetEnvironmentVariable("MCRED_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(env, "bench");
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.VC.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("Cannot find the repository; set MCRED_SHARED.")
            : Path.Combine(dir.FullName, "..", "shared", "bench");
    }
}
