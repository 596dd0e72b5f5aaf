namespace MicroCredentials.VC.Benchmarks;

/// <summary>Finds the shared benchmark inputs (<c>../shared/bench</c> beside the checkout, or <c>MCRED_SHARED</c>).</summary>
internal static class BenchData
{
    public static string Path(string file)
    {
        var env = Environment.GetEnvironmentVariable("MCRED_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return System.IO.Path.Combine(env, "bench", file);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MicroCredentials.VC.sln")))
            {
                var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "bench", file));
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            dir = dir.Parent;
        }

        // BenchmarkDotNet runs the benchmark from a generated project under bin/; fall back to the usual location.
        return System.IO.Path.Combine("/work/shared/bench", file);
    }
}
