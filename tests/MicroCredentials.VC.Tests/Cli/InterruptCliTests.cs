using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Tests.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM stop a long sign or verify promptly, through the cancellation token the library is
/// given: exit 130, no output file, no temporary file. The real mcred process gets the signal from kill(1).
/// </summary>
[NonParallelizable]
[Platform(Exclude = "Win", Reason = "POSIX signals")]
public class InterruptCliTests
{
    private string _dir = null!;
    private string _key = null!;
    private string _unsigned = null!;

    [OneTimeSetUp]
    public void MakeALargeCredential()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-interrupt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", _key).ExitCode, Is.Zero);
        _unsigned = Path.Combine(_dir, "large.json");
        File.WriteAllText(_unsigned, LargeCredential((string)JsonNode.Parse(File.ReadAllText(_key))!["did"]!).ToJsonString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    /// <summary>About 6 MB and 500,000 quads: seconds of eddsa-rdfc-2022 work, within the default input limits.</summary>
    internal static JsonObject LargeCredential(string issuer)
    {
        var items = new JsonArray();
        for (var i = 0; i < 90_000; i++)
        {
            items.Add(new JsonObject { ["name"] = "item " + i, ["value"] = "v" + i, ["more"] = new JsonObject { ["note"] = "n" + i } });
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", new JsonObject { ["@vocab"] = "https://example.org/vocab#" }),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = issuer,
            ["validFrom"] = "2026-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner", ["items"] = items },
        };
    }

    internal static void WaitUntilCatching(Mcred.Running running, int signal)
    {
        if (!running.WaitUntilCatching(signal, TimeSpan.FromSeconds(30)))
        {
            Assert.Ignore($"signal {signal} is ignored by this test run's parent (e.g. a background job without job control); mcred inherits that, as it should, so it cannot be interrupted here.");
        }
    }

    private static void AssertStoppedPromptly(Mcred.Running running, string signal, string output)
    {
        WaitUntilCatching(running, signal == "INT" ? 2 : 15);
        Thread.Sleep(TimeSpan.FromSeconds(1)); // past start-up, into the signing or verifying
        Assert.That(running.HasExited, Is.False, "the input must keep mcred busy for longer than this test waits");
        var watch = Stopwatch.StartNew();
        running.Signal(signal);
        var r = running.Wait(TimeSpan.FromMinutes(2));
        Assert.That(r.ExitCode, Is.EqualTo(130), r.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "stopped promptly, not at the end of the work");
        Assert.That(r.Stderr, Does.Contain("cancelled"), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("   at "), r.ToString());
        Assert.That(File.Exists(output), Is.False, "no output file");
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(output)!, "*" + Path.GetFileName(output) + "*"), Is.Empty, "no temporary file");
    }

    [TestCase("INT", TestName = "Sign_Sigint_ExitsPromptlyWith130AndNoOutput")]
    [TestCase("TERM", TestName = "Sign_Sigterm_ExitsPromptlyWith130AndNoOutput")]
    public void Sign_Interrupted(string signal)
    {
        var output = Path.Combine(_dir, "signed-" + signal + ".json");
        using var running = Mcred.Start("sign", "--in", _unsigned, "--key", _key, "--proof", "eddsa-rdfc-2022", "--out", output);
        AssertStoppedPromptly(running, signal, output);
    }

    [Test]
    public void Sign_SecondSigint_StopsAtOnceWith130()
    {
        var output = Path.Combine(_dir, "signed-twice.json");
        using var running = Mcred.Start("sign", "--in", _unsigned, "--key", _key, "--proof", "eddsa-rdfc-2022", "--out", output);
        WaitUntilCatching(running, 2);
        Thread.Sleep(TimeSpan.FromSeconds(1));
        running.Signal("INT");
        running.Signal("INT");
        var r = running.Wait(TimeSpan.FromMinutes(2));
        Assert.That(r.ExitCode, Is.EqualTo(130), "never an unhandled exception (SIGABRT, 134): " + r);
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Verify_Sigint_ExitsPromptlyWith130AndNoReport()
    {
        var signed = Path.Combine(_dir, "signed.json");
        var sign = Mcred.Run(null, "sign", "--in", _unsigned, "--key", _key, "--proof", "eddsa-rdfc-2022", "--out", signed);
        Assert.That(sign.ExitCode, Is.Zero, sign.ToString());
        File.WriteAllText(signed, JsonNode.Parse(File.ReadAllText(signed))!.ToJsonString()); // compact: within the 8 MiB input limit
        using var running = Mcred.Start("verify", "--in", signed);
        WaitUntilCatching(running, 2);
        Thread.Sleep(TimeSpan.FromSeconds(1));
        Assert.That(running.HasExited, Is.False, "the input must keep mcred busy for longer than this test waits");
        running.Signal("INT");
        var r = running.Wait(TimeSpan.FromMinutes(2));
        Assert.That(r.ExitCode, Is.EqualTo(130), r.ToString());
        Assert.That(r.Stdout, Is.Empty, "no report of a verification that did not finish");
    }
}
