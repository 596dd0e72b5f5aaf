using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Batch;

/// <summary>
/// <c>mcred batch</c> on exports that are not what they should be: text in the wrong encoding (refused with its line
/// and column, or read in the encoding given with <c>--encoding</c>), a record over 1 MiB (a bad row like any other),
/// and the reasons of samples/batch/README.md, which must be the real ones.
/// </summary>
[NonParallelizable]
public partial class BatchInputCliTests
{
    private const string Header = "rowId,learner.studentNumber,learner.givenName,learner.familyName,learner.dateOfBirth,grade,awardedOn";

    private string _dir = null!;
    private string _key = null!;

    private static string Template => Shared.Repo("samples", "batch", "template.json");

    [OneTimeSetUp]
    public void MakeKey()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-batch-input-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", _key).ExitCode, Is.Zero);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private Mcred.Result Run(string csv, string output, params string[] extra) =>
        Mcred.Run(null, ["batch", "--key", _key, "--template", Template, "--in", csv, "--out", output, "--proof", "eddsa-jcs-2022", .. extra]);

    private string Export(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Rows(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    /// <summary>Whether the signed credential carries <paramref name="name"/> as it is (mcred writes non-ASCII unescaped).</summary>
    private static bool Carries(string credentialFile, string name) =>
        JsonNode.Parse(File.ReadAllText(credentialFile))!["proof"] is not null && File.ReadAllText(credentialFile).Contains("\"" + name + "\"", StringComparison.Ordinal);

    /// <summary>The rows of an errors.csv (line, id, reason), unquoted.</summary>
    private static List<(string Line, string Id, string Reason)> Errors(string path) =>
        [.. File.ReadAllLines(path).Skip(1).Select(l => l.Split(',', 3)).Select(p => (p[0], p[1], p[2].StartsWith('"') ? p[2][1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : p[2]))];

    [Test]
    public void Latin1Export_ByDefault_Exit2_NamesLineAndColumn_NothingIssued()
    {
        var csv = Export("latin1.csv", Encoding.Latin1.GetBytes(Rows("A1,s1,Ann,Lee,2000-01-01,12/20,2026-06-26", "A2,s2,Chloé,Dubois,2000-01-01,12/20,2026-06-26")));
        var output = Path.Combine(_dir, "latin1");
        var r = Run(csv, output);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain(csv + ": not valid UTF-8 at line 3, column 11").And.Contain("--encoding"));
        Assert.That(r.Stderr, Does.Not.Contain("Chlo").And.Not.Contain("   at "));
        Assert.That(Directory.Exists(output) && Directory.EnumerateFiles(output).Any(), Is.False, "nothing issued, not even the good row");
    }

    [TestCase("windows-1252", "Chloé Œuvre", TestName = "LegacyExport_Windows1252_IssuesTheNamesAsWritten")]
    [TestCase("iso-8859-1", "Chloé", TestName = "LegacyExport_Iso88591_IssuesTheNamesAsWritten")]
    [TestCase("iso-8859-2", "Łucja Żółć", TestName = "LegacyExport_Iso88592_IssuesTheNamesAsWritten")]
    [TestCase("ISO-8859-15", "Chloé €", TestName = "LegacyExport_Iso885915_IssuesTheNamesAsWritten")]
    public void LegacyExport_WithEncoding_IssuesTheNamesAsWritten(string encoding, string given)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Export(encoding + ".csv", Encoding.GetEncoding(encoding).GetBytes(Rows($"L1,s1,\"{given}\",Dubois,2000-01-01,12/20,2026-06-26")));
        var output = Path.Combine(_dir, "legacy-" + encoding);
        var r = Run(csv, output, "--encoding", encoding);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(Carries(Path.Combine(output, "L1.json"), given), Is.True, "the name as written in the export");
    }

    [Test]
    public void LegacyExport_ByteTheEncodingDoesNotDefine_Exit2_NamesLineAndColumn()
    {
        // 0xA5 is not a character in ISO-8859-3.
        var csv = Export("undefined.csv", [.. Encoding.ASCII.GetBytes(Header + "\nU1,s1,An"), 0xA5, .. Encoding.ASCII.GetBytes(",Lee,2000-01-01,12/20,2026-06-26\n")]);
        var r = Run(csv, Path.Combine(_dir, "undefined"), "--encoding", "iso-8859-3");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("iso-8859-3 at line 2, column 9"));
    }

    [TestCase("klingon", TestName = "UnknownEncoding_Exit2")]
    [TestCase("utf-16", TestName = "MultiByteLegacyEncoding_Exit2")]
    public void NotAUsableEncoding_Exit2(string encoding)
    {
        var csv = Export("ok-" + encoding + ".csv", Encoding.UTF8.GetBytes(Rows("A1,s1,Ann,Lee,2000-01-01,12/20,2026-06-26")));
        var r = Run(csv, Path.Combine(_dir, "enc-" + encoding), "--encoding", encoding);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("--encoding").And.Contain(encoding).And.Contain("windows-1252"));
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void Utf8ExportWithBom_Issued()
    {
        var csv = Export("bom.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Rows("B1,s1,Chloé,Dubois,2000-01-01,12/20,2026-06-26"))]);
        var output = Path.Combine(_dir, "bom");
        var r = Run(csv, output);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(Carries(Path.Combine(output, "B1.json"), "Chloé"), Is.True);
    }

    [Test]
    public void Help_DocumentsEncoding()
    {
        var r = Mcred.Run(null, "batch", "--help");
        Assert.That(r.Stdout, Does.Contain("--encoding").And.Contain("windows-1252").And.Contain("iso-8859-1"));
    }

    [Test]
    public void RecordOverOneMebibyte_ReportedByLine_WithoutItsData_RowsAfterItIssued()
    {
        var huge = "Secret" + new string('x', 1024 * 1024);
        var csv = Export("huge.csv", Encoding.UTF8.GetBytes(Rows(
            "H1,s1,Ann,Lee,2000-01-01,12/20,2026-06-26",
            $"H2,s2,{huge},Lee,2000-01-01,12/20,2026-06-26",
            "H3,s3,Cy,Dee,2000-01-01,12/20,2026-06-26",
            $"H4,s4,\"{huge}",
            "H5,s5,Di,Eve,2000-01-01,12/20,2026-06-26")));
        var output = Path.Combine(_dir, "huge");
        var r = Run(csv, output);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.Stdout.Trim(), Is.EqualTo("issued 3, skipped 0 (already issued), failed 2"));
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv")).Skip(1).ToList();
        Assert.That(errors, Is.EqualTo(new[] { "3,,the line is longer than 1048576 bytes (1 MiB)", "5,,the line is longer than 1048576 bytes (1 MiB)" }));
        Assert.That(new[] { "H1", "H3", "H5" }.Select(id => File.Exists(Path.Combine(output, id + ".json"))), Has.All.True);
        Assert.That(r.Stderr, Does.Not.Contain("Secret"));
    }

    /// <summary>The README's table of the rows reported for cohort.csv is what errors.csv says, word for word.</summary>
    [Test]
    public void SampleCohort_ReadmeReasonsTable_IsWhatErrorsCsvSays()
    {
        var readme = File.ReadAllText(Shared.Repo("samples", "batch", "README.md"));
        var start = readme.IndexOf("The rows reported for `cohort.csv`:", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the README introduces its table of reported rows");
        var documented = readme[start..].Split('\n').SkipWhile(l => !l.StartsWith("| line", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => TableRow().Match(l))
            .Select(m => (Line: m.Groups["line"].Value, Id: m.Groups["id"].Value, Reason: m.Groups["reason"].Value))
            .ToList();
        Assert.That(documented, Is.Not.Empty);

        var output = Path.Combine(_dir, "cohort");
        var r = Mcred.Run(null, "batch", "--key", _key, "--template", Template, "--in", Shared.Repo("samples", "batch", "cohort.csv"), "--out", output, "--proof", "eddsa-jcs-2022");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(documented, Is.EqualTo(Errors(Path.Combine(output, "errors.csv"))));
        var learnerData = File.ReadAllLines(Shared.Repo("samples", "batch", "cohort.csv")).Skip(1)
            .SelectMany(l => l.Split(',').Skip(1).Take(6)).Where(v => v.Trim('"').Length > 2).Select(v => v.Trim('"')).ToHashSet();
        foreach (var (_, _, reason) in documented)
        {
            Assert.That(learnerData.Where(v => reason.Contains(v, StringComparison.Ordinal)), Is.Empty, "no learner data in the README's reasons: " + reason);
        }
    }

    [GeneratedRegex(@"^\| (?<line>\d+) \| `(?<id>[^`]*)` \| `(?<reason>[^`]*)` \|$")]
    private static partial Regex TableRow();
}
