namespace MicroCredentials.VC.Tests.TestSupport;

/// <summary>
/// Locates the repository and the third-party test data in <c>../shared</c> (beside the checkout).
/// Set <c>MCRED_SHARED</c> to point somewhere else.
/// </summary>
internal static class Shared
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);
    private static readonly Lazy<string> SharedRootLazy = new(FindSharedRoot);

    /// <summary>The repository root (the folder holding MicroCredentials.VC.sln).</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The shared folder beside the checkout.</summary>
    public static string Root => SharedRootLazy.Value;

    /// <summary>A path under ../shared.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>A path under ../shared/vectors.</summary>
    public static string Vectors(params string[] parts) => System.IO.Path.Combine([Root, "vectors", .. parts]);

    /// <summary>A path under the repository.</summary>
    public static string Repo(params string[] parts) => System.IO.Path.Combine([RepoRoot, .. parts]);

    /// <summary>Reads a text file under ../shared.</summary>
    public static string ReadText(params string[] parts) => File.ReadAllText(Path(parts));

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "MicroCredentials.VC.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find MicroCredentials.VC.sln above " + AppContext.BaseDirectory);
    }

    private static string FindSharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("MCRED_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
        if (!Directory.Exists(System.IO.Path.Combine(candidate, "vectors")))
        {
            throw new InvalidOperationException("The shared test data is missing: expected " + candidate + " (or set MCRED_SHARED).");
        }

        return candidate;
    }
}
