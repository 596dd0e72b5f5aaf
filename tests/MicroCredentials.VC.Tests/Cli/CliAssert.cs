namespace MicroCredentials.VC.Tests.Cli;

/// <summary>What the CLI tests share: a scratch folder with a key file, and the two outcomes they assert most.</summary>
internal static class CliAssert
{
    /// <summary>A new temporary folder (named with <paramref name="prefix"/>) holding a fresh <c>key.json</c> from <c>mcred keygen</c>.</summary>
    public static (string Dir, string Key) ScratchWithKey(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var key = Path.Combine(dir, "key.json");
        Ok(Mcred.Run(null, "keygen", "--out", key));
        return (dir, key);
    }

    /// <summary>The command succeeded (exit 0).</summary>
    public static Mcred.Result Ok(Mcred.Result r)
    {
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return r;
    }

    /// <summary>The command refused its input (exit 2) with <paramref name="expected"/> on stderr and no stack trace.</summary>
    public static void Refused(Mcred.Result r, string expected)
    {
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain(expected), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("   at "), r.ToString());
    }
}
