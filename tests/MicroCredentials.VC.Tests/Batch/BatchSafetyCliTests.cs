using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Batch;

/// <summary>
/// <c>mcred batch</c> under pressure: two runs on one output folder at once never issue a row twice, and Ctrl-C leaves
/// a folder the next run completes (exit 130, no half-written file).
/// </summary>
[NonParallelizable]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class BatchSafetyCliTests
{
    private const int Rows = 3_000;
    private string _dir = null!;
    private string _key = null!;
    private string _csv = null!;
    private string _out = null!;

    private static string Template => Shared.Repo("samples", "batch", "template.json");

    [SetUp]
    public void MakeExport()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-batch-safety-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", _key).ExitCode, Is.Zero);
        _csv = Path.Combine(_dir, "export.csv");
        var sb = new StringBuilder("rowId,learner.studentNumber,learner.givenName,learner.familyName,learner.dateOfBirth,grade,awardedOn\n");
        for (var i = 0; i < Rows; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"S{i:D6},s{2_000_000 + i},Given{n},Family{n},1999-0{1 + (i % 9)}-1{i % 10},{10 + (i % 11)}/20,2026-06-26\n");
        }

        File.WriteAllText(_csv, sb.ToString(), new UTF8Encoding(false));
        _out = Path.Combine(_dir, "out");
    }

    [TearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string[] BatchArgs() => ["batch", "--key", _key, "--template", Template, "--in", _csv, "--out", _out, "--proof", "eddsa-rdfc-2022"];

    private static long Issued(Mcred.Result r)
    {
        var line = r.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("issued ", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', ',')[1], CultureInfo.InvariantCulture);
    }

    private string[] Credentials() => Directory.GetFiles(_out, "*.json");

    [Test]
    public void TwoRunsAtOnce_OnTheSameFolder_IssueEveryRowExactlyOnce()
    {
        Mcred.Result first, second;
        using (var a = Mcred.Start(BatchArgs()))
        using (var b = Mcred.Start(BatchArgs()))
        {
            first = a.Wait(TimeSpan.FromMinutes(5));
            second = b.Wait(TimeSpan.FromMinutes(5));
        }

        foreach (var r in new[] { first, second })
        {
            Assert.That(r.ExitCode, Is.EqualTo(0).Or.EqualTo(2), r.ToString());
            if (r.ExitCode == 2)
            {
                Assert.That(r.Stderr, Does.Contain("in use by another 'mcred batch' run"), r.ToString());
                Assert.That(Issued(r), Is.Zero, r.ToString());
            }
        }

        Assert.That(Issued(first) > 0 && Issued(second) > 0, Is.False, "two runs must never sign at the same time:\n" + first + "\n" + second);
        Assert.That(Issued(first) + Issued(second), Is.EqualTo(Rows), first + "\n" + second);
        Assert.That(Credentials(), Has.Length.EqualTo(Rows));
        Assert.That(Directory.GetFiles(_out, "*.tmp"), Is.Empty);
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "POSIX signals")]
    public void Sigint_ExitsWith130_AndTheNextRunIssuesExactlyWhatIsMissing()
    {
        using (var running = Mcred.Start(BatchArgs()))
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((!Directory.Exists(_out) || Directory.GetFiles(_out, "*.json").Length < 20) && !running.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(50);
            }

            InterruptCliTests.WaitUntilCatching(running, 2);
            Assert.That(running.HasExited, Is.False, "the batch must still be running when it is interrupted");
            running.Signal("INT");
            var r = running.Wait(TimeSpan.FromMinutes(2));
            Assert.That(r.ExitCode, Is.EqualTo(130), "Ctrl-C is not unusable input (2): " + r);
            Assert.That(r.Stderr, Does.Contain("run the same command again"), r.ToString());
            Assert.That(r.Stderr, Does.Not.Contain("   at "), r.ToString());
        }

        var done = Credentials();
        Assert.That(done, Has.Length.LessThan(Rows), "interrupted before the end");
        Assert.That(Directory.GetFiles(_out, "*.tmp"), Is.Empty, "no half-written credential");
        foreach (var file in done)
        {
            Assert.That(JsonNode.Parse(File.ReadAllText(file))!["proof"], Is.Not.Null, file + " is complete");
        }

        var next = Mcred.Run(null, BatchArgs());
        Assert.That(next.ExitCode, Is.Zero, next.ToString());
        Assert.That(Issued(next), Is.EqualTo(Rows - done.Length), next.ToString());
        Assert.That(Credentials(), Has.Length.EqualTo(Rows));
    }
}
