namespace MicroCredentials.VC.Tests.TestSupport;

/// <summary>
/// Locates the repository and the third-party test data in <c>../shared</c> (beside the checkout).
/// Set <c>MCRED_SHARED</c> to point somewhere else. Without the data, every use of it throws
/// <see cref="IgnoreException"/> with <see cref="MissingReason"/>: a test that reads it is skipped with that reason
/// (its test case sources too, through <see cref="SkipWithoutSharedDataAttribute"/>), and the rest run.
/// </summary>
internal static class Shared
{
    /// <summary>The start of the reason a test that needs the shared data is skipped without it.</summary>
    public const string MissingMarker = "The shared test data is missing";

    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);
    private static readonly Lazy<string> SharedRootLazy = new(FindSharedRoot);

    /// <summary>The repository root (the folder holding MicroCredentials.VC.sln).</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The shared folder beside the checkout; throws <see cref="IgnoreException"/> when it is missing.</summary>
    public static string Root => Available ? SharedRootLazy.Value : throw new IgnoreException(MissingReason(SharedRootLazy.Value));

    /// <summary>Whether the shared test data is there (a <c>vectors</c> folder in <see cref="Root"/>).</summary>
    public static bool Available => Directory.Exists(System.IO.Path.Combine(SharedRootLazy.Value, "vectors"));

    /// <summary>
    /// Whether it is the whole bundle (both MANIFEST.md files). Then a missing path is a failure (a wrong path in a
    /// test); in a partial copy, such as the suites <c>eng/fetch-test-data.sh</c> fetches, it skips the test.
    /// </summary>
    public static bool Complete =>
        File.Exists(System.IO.Path.Combine(SharedRootLazy.Value, "vectors", "MANIFEST.md"))
        && File.Exists(System.IO.Path.Combine(SharedRootLazy.Value, "anchors", "edc", "MANIFEST.md"));

    /// <summary>Why a test that needs <paramref name="path"/> of the shared data is skipped.</summary>
    public static string MissingReason(string path) =>
        MissingMarker + ": " + path + " is not there (../shared beside the checkout holds the W3C, IETF, OpenID, 1EdTech "
        + "and EU conformance data; README \"Test data\"). Fetch the public suites with eng/fetch-test-data.sh, or set MCRED_SHARED.";

    /// <summary>A path under ../shared.</summary>
    public static string Path(params string[] parts) => Existing(System.IO.Path.Combine([Root, .. parts]));

    /// <summary>A path under ../shared/vectors.</summary>
    public static string Vectors(params string[] parts) => Existing(System.IO.Path.Combine([Root, "vectors", .. parts]));

    /// <summary>A path under the repository.</summary>
    public static string Repo(params string[] parts) => System.IO.Path.Combine([RepoRoot, .. parts]);

    /// <summary>Reads a text file under ../shared.</summary>
    public static string ReadText(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Existing(string path) =>
        Complete || File.Exists(path) || Directory.Exists(path) ? path : throw new IgnoreException(MissingReason(path));

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

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
    }
}
