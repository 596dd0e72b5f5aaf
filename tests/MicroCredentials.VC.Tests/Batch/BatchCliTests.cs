using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.Interop;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Batch;

/// <summary>
/// <c>mcred batch</c> end to end: a generated export of 20,000 rows with a few bad ones, issued once and then re-run.
/// </summary>
[NonParallelizable]
public class BatchCliTests
{
    private const int Rows = 20_000;
    private const string Header = "rowId,learner.studentNumber,learner.givenName,learner.familyName,learner.dateOfBirth,grade,awardedOn";

    // Bad rows, by 0-based data row index (line = index + 2), with a word of the reason reported for each.
    private static readonly Dictionary<int, string> BadRows = new()
    {
        [1_000] = "duplicate row id",
        [4_321] = "learner.dateOfBirth",
        [7_777] = "learner",
        [12_345] = "columns",
        [15_000] = "control character",
        [19_998] = "file name",
    };

    private string _dir = null!;
    private string _key = null!;
    private string _csv = null!;
    private string _out = null!;
    private Mcred.Result _first = null!;
    private Mcred.Result _second = null!;
    private TimeSpan _firstTime;
    private Dictionary<string, DateTime> _stamps = null!;

    private static int Good => Rows - BadRows.Count;

    private string Template => Shared.Repo("samples", "batch", "template.json");

    [OneTimeSetUp]
    public void IssueTwice()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", _key).ExitCode, Is.Zero);
        _csv = Path.Combine(_dir, "export.csv");
        File.WriteAllText(_csv, GenerateExport(), new UTF8Encoding(false));
        _out = Path.Combine(_dir, "out");

        var watch = Stopwatch.StartNew();
        _first = Run(_csv, _out);
        _firstTime = watch.Elapsed;
        _stamps = Directory.GetFiles(_out, "*.json").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        _second = Run(_csv, _out);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private Mcred.Result Run(string csv, string output, params string[] extra) =>
        Mcred.Run(null, ["batch", "--key", _key, "--template", Template, "--in", csv, "--out", output, "--proof", "eddsa-jcs-2022", .. extra]);

    private static string GenerateExport()
    {
        var sb = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < Rows; i++)
        {
            var id = "S" + i.ToString("D6", CultureInfo.InvariantCulture);
            var birth = new DateOnly(1995 + (i % 10), 1 + (i % 12), 1 + (i % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var given = "Given" + i.ToString(CultureInfo.InvariantCulture);
            var family = "Family" + i.ToString(CultureInfo.InvariantCulture);
            var number = "s" + (2_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var grade = (10 + (i % 11)).ToString(CultureInfo.InvariantCulture) + "/20";
            string row = BadRows.TryGetValue(i, out var bad) ? bad switch
            {
                "duplicate row id" => $"S000042,{number},{given},{family},{birth},{grade},2026-06-26",
                "learner.dateOfBirth" => $"{id},{number},{given},{family},2001-02-30,{grade},2026-06-26",
                "learner" => $"{id},,,,,{grade},2026-06-26",
                "columns" => $"{id},{number},{given},{family},{birth},{grade}",
                "control character" => $"{id},{number},\"{given}\tX\",{family},{birth},{grade},2026-06-26",
                _ => $"../{id},{number},{given},{family},{birth},{grade},2026-06-26",
            } : $"{id},{number},{given},{family},{birth},{grade},2026-06-26";
            sb.Append(row).Append('\n');
        }

        return sb.ToString();
    }

    [Test]
    public void FirstRun_IssuesEveryGoodRow_Exit1BecauseSomeWereReported()
    {
        Assert.That(_first.ExitCode, Is.EqualTo(1), _first.ToString());
        Assert.That(_first.Stdout.Trim(), Is.EqualTo($"issued {Good}, skipped 0 (already issued), failed {BadRows.Count}"));
        var files = Directory.GetFiles(_out, "*.json");
        Assert.That(files, Has.Length.EqualTo(Good));
        Assert.That(Directory.GetFiles(_out, "*.tmp"), Is.Empty, "no temporary file is left behind");
        var expected = Enumerable.Range(0, Rows).Where(i => !BadRows.ContainsKey(i)).Select(i => "S" + i.ToString("D6", CultureInfo.InvariantCulture) + ".json");
        Assert.That(files.Select(Path.GetFileName), Is.EquivalentTo(expected));
        TestContext.Out.WriteLine($"first run of {Rows} rows (eddsa-jcs-2022): {_firstTime.TotalSeconds:0.0} s");
    }

    [Test]
    public void FirstRun_ReportsEveryBadRowByLine_WithoutPersonalData()
    {
        var errors = File.ReadAllLines(Path.Combine(_out, "errors.csv"));
        Assert.That(errors[0], Is.EqualTo("line,id,reason"));
        Assert.That(errors, Has.Length.EqualTo(BadRows.Count + 1));
        var reported = errors.Skip(1).Select(l => (Line: int.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture), Text: l)).ToList();
        Assert.That(reported.Select(r => r.Line), Is.EqualTo(BadRows.Keys.Order().Select(i => i + 2)));
        foreach (var (line, text) in reported)
        {
            Assert.That(text, Does.Contain(BadRows[line - 2]), text);
            Assert.That(text, Does.Not.Contain("Given").And.Not.Contain("Family").And.Not.Contain("s20"), "no personal data in errors.csv");
        }

        Assert.That(_first.Stderr, Does.Contain("errors.csv"));
        Assert.That(_first.Stderr, Does.Not.Contain("Given").And.Not.Contain("   at "));
    }

    [Test]
    public void ReRun_IssuesNothingNew_AndReportsTheSameRows()
    {
        Assert.That(_second.ExitCode, Is.EqualTo(1), _second.ToString());
        Assert.That(_second.Stdout.Trim(), Is.EqualTo($"issued 0, skipped {Good} (already issued), failed {BadRows.Count}"));
        var now = Directory.GetFiles(_out, "*.json").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.That(now, Is.EquivalentTo(_stamps), "no credential was rewritten");
        Assert.That(File.ReadAllLines(Path.Combine(_out, "errors.csv")), Has.Length.EqualTo(BadRows.Count + 1));
    }

    private IEnumerable<string> SampleFiles() =>
        new[] { 0, 1, 4_322, 12_346, 19_999 }.Select(i => Path.Combine(_out, "S" + i.ToString("D6", CultureInfo.InvariantCulture) + ".json"));

    [Test]
    public async Task Sample_VerifiesWithCredentialVerifier_AndCarriesTheRow()
    {
        var verifier = new CredentialVerifier(new VerificationOptions { RequireMicroCredentialElements = true });
        foreach (var file in SampleFiles())
        {
            var report = await verifier.VerifyAsync(await File.ReadAllTextAsync(file));
            Assert.That(report.Verified, Is.True, file + "\n" + string.Join("\n", report.Checks));
            var index = int.Parse(Path.GetFileNameWithoutExtension(file)[1..], CultureInfo.InvariantCulture);
            var learner = report.Credential!.Learner!;
            Assert.That(learner.GivenName, Is.EqualTo("Given" + index.ToString(CultureInfo.InvariantCulture)));
            Assert.That(learner.Identifiers.Select(x => x.Value), Does.Contain("s" + (2_000_000 + index).ToString(CultureInfo.InvariantCulture)));
            Assert.That(report.Credential.Assessment!.Grade!.Value.Value, Is.EqualTo((10 + (index % 11)).ToString(CultureInfo.InvariantCulture) + "/20"));
        }
    }

    [Test]
    [Category("Interop")]
    public void Sample_VerifiesInReferenceJs()
    {
        foreach (var file in SampleFiles())
        {
            var verified = ReferenceJs.Run("verify", File.ReadAllText(file));
            Assert.That(verified.ExitCode, Is.Zero, file + "\n" + verified.Stderr + verified.Stdout);
            Assert.That((bool?)verified.Json["verified"], Is.True, verified.Stdout);
        }
    }

    [Test]
    public void InterruptedRun_LeftoversAreCleaned_AndOnlyTheMissingAreIssued()
    {
        var output = Path.Combine(_dir, "interrupted");
        var csv = Path.Combine(_dir, "small.csv");
        File.WriteAllLines(csv, [Header, .. Enumerable.Range(0, 30).Select(i => $"R{i},s{i},Given{i},Family{i},2000-01-01,15/20,2026-06-26")]);
        Assert.That(Run(csv, output).ExitCode, Is.Zero);

        // A crash: some credentials not yet written, one half-written temporary file.
        foreach (var i in new[] { 3, 17, 29 })
        {
            File.Delete(Path.Combine(output, $"R{i}.json"));
        }

        File.WriteAllText(Path.Combine(output, ".R3.0123456789abcdef.tmp"), "{\"half");
        var r = Run(csv, output);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout.Trim(), Is.EqualTo("issued 3, skipped 27 (already issued), failed 0"));
        Assert.That(Directory.GetFiles(output, "*.tmp"), Is.Empty);
        Assert.That(File.Exists(Path.Combine(output, "errors.csv")), Is.False);
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(output, "R3.json")))!["proof"], Is.Not.Null);
    }

    [Test]
    public void SampleCohort_IssuesAllButTheRowsMarkedBadInTheReadme()
    {
        var output = Path.Combine(_dir, "cohort");
        var r = Run(Shared.Repo("samples", "batch", "cohort.csv"), output);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout.Trim(), Is.EqualTo("issued 17, skipped 0 (already issued), failed 4"));
        var lines = File.ReadAllLines(Path.Combine(output, "errors.csv")).Skip(1).Select(l => l.Split(',')[0]);
        Assert.That(lines, Is.EqualTo(new[] { "13", "17", "19", "20" }));
    }

    [Test]
    public void MalformedQuoting_ReportedByLine_WithoutItsFirstField_RowsAfterItIssued()
    {
        var output = Path.Combine(_dir, "malformed");
        var csv = Path.Combine(_dir, "malformed.csv");
        File.WriteAllText(csv, "rowId,learner.fullName\nM1,Ann Lee\nM2,\"Bob\nSecretname\"\nM3,Cy Dee\nM4,Da\"n\n");
        var r = Run(csv, output);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout.Trim(), Is.EqualTo("issued 2, skipped 0 (already issued), failed 3"));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv")).Skip(1).ToList();
        Assert.That(errors.Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "3", "4", "6" }));
        Assert.That(errors, Has.All.Contain("malformed quoting"));
        Assert.That(string.Join("\n", errors), Does.Not.Contain("Secretname").And.Not.Contain("Bob"));
        Assert.That(File.Exists(Path.Combine(output, "M1.json")) && File.Exists(Path.Combine(output, "M3.json")), Is.True);
    }

    [Test]
    public void UnknownHeader_Exit2_NothingIssued()
    {
        var output = Path.Combine(_dir, "unknown-header");
        var csv = Path.Combine(_dir, "unknown-header.csv");
        File.WriteAllLines(csv, ["rowId,learner.givenName,learner.surname", "A1,Ann,Lee"]);
        var r = Run(csv, output);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("learner.surname"));
        Assert.That(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), Is.False);
    }

    [TestCase("no-such-file", TestName = "UnusableInput_MissingCsv_Exit2")]
    [TestCase("bad-template", TestName = "UnusableInput_BadTemplate_Exit2")]
    [TestCase("bad-key", TestName = "UnusableInput_BadKey_Exit2")]
    [TestCase("incomplete-template", TestName = "UnusableInput_TemplateNoRowCanComplete_Exit2")]
    public void UnusableInput_Exit2(string what)
    {
        var csv = Path.Combine(_dir, "ok.csv");
        File.WriteAllLines(csv, [Header, "A1,s1,Ann,Lee,2000-01-01,12/20,2026-06-26"]);
        var template = Path.Combine(_dir, what + ".json");
        var key = _key;
        switch (what)
        {
            case "no-such-file":
                csv = Path.Combine(_dir, "missing.csv");
                template = Template;
                break;
            case "bad-template":
                File.WriteAllText(template, "{\"title\": \"x\", \"ects\": 5}");
                break;
            case "bad-key":
                template = Template;
                key = Path.Combine(_dir, "bad-key.txt");
                File.WriteAllText(key, "not a key");
                break;
            default:
                var model = JsonNode.Parse(File.ReadAllText(Template))!.AsObject();
                model.Remove("learningOutcomes");
                File.WriteAllText(template, model.ToJsonString());
                break;
        }

        var r = Mcred.Run(null, "batch", "--key", key, "--template", template, "--in", csv, "--out", Path.Combine(_dir, "unusable-" + what));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
        Assert.That(r.Stdout, Is.Empty);
    }
}
