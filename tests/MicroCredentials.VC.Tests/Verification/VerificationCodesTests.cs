using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Verification;

/// <summary>
/// <see cref="VerificationCodes"/> is the one catalogue of report codes. These tests read the sources: a code written
/// inline that the catalogue lacks fails them, and so does a catalogue entry whose code no longer appears in the
/// sources. docs/verification-codes.md is generated from the catalogue; run the tests with MCRED_UPDATE_GOLDEN=1 to
/// regenerate it.
/// </summary>
public class VerificationCodesTests
{
    private const string CataloguePath = "src/MicroCredentials.VC/Verification/VerificationCodes.cs";

    /// <summary>A code literal: a check's name, a dot, a name (digits allowed, e.g. status.notBase64Url); <c>concat</c> when the literal is the start of a built code.</summary>
    private static readonly Regex CodeLiteral = new(
        "\"(format|context|signature|issuer|accreditation|learner|issuanceDate|expiry|status|elements|did)\\.[A-Za-z0-9-]+\"(?<concat>\\s*\\+)?",
        RegexOptions.CultureInvariant);

    private static readonly Regex CodeShape = new(
        "^(?<prefix>[a-zA-Z]+)\\.(?<name>[a-z][A-Za-z0-9]*|[A-Za-z@]+(-[A-Za-z@]+)*)$",
        RegexOptions.CultureInvariant);

    /// <summary>Literals that match the code pattern but are not report codes, by file (each must still be there).</summary>
    private static readonly Dictionary<string, string[]> NotCodes = new(StringComparer.Ordinal)
    {
        // Paths of the model's validation problems at issuance (ValidationProblem.Element), not report codes.
        ["src/MicroCredentials.VC/Model/ModelValidator.cs"] = ["learner.id", "learner.nationalId", "learner.email"],

        // A JSON path named in a reader note.
        ["src/MicroCredentials.VC/Profiles/EdcReader.cs"] = ["issuer.legalName"],

        // Column names of the batch CSV.
        ["src/MicroCredentials.VC/Issuance/BatchRowMapper.cs"] =
        [
            "learner.id", "learner.fullName", "learner.givenName", "learner.familyName", "learner.dateOfBirth",
            "learner.email", "learner.studentNumber", "learner.nationalId", "learner.nationalIdCountry",
        ],
    };

    /// <summary>Codes built at run time from a literal prefix: the prefix, where it is built, and how its codes are read from the sources.</summary>
    private static readonly Dictionary<string, (string File, Func<IEnumerable<string>> Codes)> BuiltCodes = new(StringComparer.Ordinal)
    {
        // "format.invalid" + Name, for every entry CredentialFormat checks with CheckTypedEntries or CheckText.
        ["format.invalid"] = ("src/MicroCredentials.VC/Credentials/CredentialFormat.cs", () =>
            Regex.Matches(Source("src/MicroCredentials.VC/Credentials/CredentialFormat.cs"), "Check(?:TypedEntries|Text)\\(document, \"(?<name>[A-Za-z]+)\"")
                .Select(m => m.Groups["name"].Value)
                .Select(n => "format.invalid" + char.ToUpperInvariant(n[0]) + n[1..])),
    };

    [Test]
    public void EveryCodeInTheSources_IsInTheCatalogue()
    {
        var missing = SourceCodes().Keys.Where(c => !VerificationCodes.TryGet(c, out _)).Order(StringComparer.Ordinal)
            .Select(c => c + " (" + string.Join(", ", SourceCodes()[c]) + ")")
            .ToList();
        Assert.That(missing, Is.Empty, "codes written in the sources but not in VerificationCodes.All: add an entry for each, then run with MCRED_UPDATE_GOLDEN=1");
    }

    [Test]
    public void EveryCatalogueEntry_IsStillInTheSources()
    {
        var found = SourceCodes();
        var stale = VerificationCodes.All
            .Where(e => !found.ContainsKey(e.Code) && !JsonLdFamily().Contains(e.Code))
            .Select(e => e.Code)
            .ToList();
        Assert.That(stale, Is.Empty, "catalogue entries whose code no longer appears in the sources: remove them (or restore the code)");
    }

    [Test]
    public void EveryJsonLdErrorCode_HasItsContextEntry()
    {
        var codes = JsonLdErrorCodes();
        Assert.That(codes, Has.Count.GreaterThan(40), "JsonLdErrorCode's constants were not found");
        foreach (var code in codes)
        {
            var expected = "context." + code.Replace(' ', '-');
            Assert.That(VerificationCodes.TryGet(expected, out var entry), Is.True, $"no catalogue entry {expected} for the JSON-LD error code '{code}'");
            Assert.That(entry!.Check, Is.EqualTo(VerificationCheck.Context), expected);
        }
    }

    [Test]
    public void TheJsonLdCodesAreBuiltAsTheCatalogueSpellsThem()
    {
        // The catalogue's JSON-LD family assumes "context." + code.Replace(' ', '-'): every place that builds one must say so.
        var builders = SourceFiles()
            .Where(f => f.Path != CataloguePath)
            .SelectMany(f => Regex.Matches(f.Text, "\"context\\.\"\\s*\\+\\s*(?<rest>[^\\r\\n]*)").Select(m => (f.Path, Tail: m.Groups["rest"].Value)))
            .ToList();
        Assert.That(builders, Is.Not.Empty);
        Assert.That(builders.Where(b => !Regex.IsMatch(b.Tail, "^\\w+\\.Code\\.Replace\\(' ', '-'\\)")).Select(b => b.Path + ": " + b.Tail), Is.Empty);
    }

    /// <summary>
    /// Code families of a lower layer that reach a report unchanged, and the check that reports them: a DID that cannot
    /// be resolved (<c>did.*</c>, from <c>DidCodes</c>) is the reason a proof's key is not found, on the signature check.
    /// </summary>
    private static readonly Dictionary<string, string> ForeignFamilies = new(StringComparer.Ordinal) { ["did"] = "signature" };

    [Test]
    public void Codes_AreUniqueAndNamedAfterTheirCheck()
    {
        var duplicates = VerificationCodes.All.GroupBy(e => e.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.That(duplicates, Is.Empty, "duplicate codes");
        Assert.Multiple(() =>
        {
            foreach (var entry in VerificationCodes.All)
            {
                var m = CodeShape.Match(entry.Code);
                Assert.That(m.Success, Is.True, $"{entry.Code} is not prefix.camelCaseName (or a dashed JSON-LD code)");
                var prefix = m.Groups["prefix"].Value;
                Assert.That(ForeignFamilies.TryGetValue(prefix, out var reportedOn) ? reportedOn : prefix, Is.EqualTo(CheckResult.NameOf(entry.Check)), $"{entry.Code}: the prefix is not the name of its check {entry.Check}");
                Assert.That(entry.Meaning, Does.EndWith(".").And.Length.GreaterThan(10), $"{entry.Code}: Meaning");
                Assert.That(entry.WhatToDo, Does.EndWith(".").And.Length.GreaterThan(10), $"{entry.Code}: WhatToDo");
                Assert.That(entry.Meaning + entry.WhatToDo, Does.Not.Contain("\n"), entry.Code);
                Assert.That(VerificationCodes.TryGet(entry.Code, out var found) && ReferenceEquals(found, entry), Is.True, $"{entry.Code}: TryGet");
            }
        });
    }

    [Test]
    public void Catalogue_IsGroupedByCheckInReportOrder()
    {
        var checks = VerificationCodes.All.Select(e => e.Check).ToList();
        Assert.That(checks, Is.Ordered, "entries are grouped by check, in the order of VerificationCheck");
        Assert.That(Enum.GetValues<VerificationCheck>().Where(c => !checks.Contains(c)), Is.Empty, "every check has codes");
    }

    [Test]
    public void TryGet_UnknownCode_IsFalse()
    {
        Assert.That(VerificationCodes.TryGet("signature.noSuchCode", out var entry), Is.False);
        Assert.That(entry, Is.Null);
        Assert.That(VerificationCodes.TryGet("status.revoked", out var revoked), Is.True);
        Assert.That(revoked!.Check, Is.EqualTo(VerificationCheck.Status));
    }

    [Test]
    public void TheNotCodeExceptions_AreStillThere()
    {
        var files = SourceFiles().ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        foreach (var (path, literals) in NotCodes)
        {
            Assert.That(files.ContainsKey(path), Is.True, path + " is gone: remove its NotCodes entry");
            foreach (var literal in literals)
            {
                Assert.That(files[path], Does.Contain("\"" + literal + "\""), $"{path} no longer has \"{literal}\": remove it from NotCodes");
            }
        }
    }

    [Test]
    public void Docs_MatchTheCatalogue()
    {
        var actual = Markdown();
        var path = Shared.Repo("docs", "verification-codes.md");
        if (Environment.GetEnvironmentVariable("MCRED_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), Is.True, "docs/verification-codes.md is missing; run with MCRED_UPDATE_GOLDEN=1");
        Assert.That(File.ReadAllText(path), Is.EqualTo(actual), "docs/verification-codes.md is not what the catalogue generates; run with MCRED_UPDATE_GOLDEN=1");
    }

    /// <summary>The text of docs/verification-codes.md.</summary>
    internal static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Verification codes\n\n");
        sb.Append("<!-- Generated from VerificationCodes.All by tests/MicroCredentials.VC.Tests/Verification/VerificationCodesTests.cs.\n");
        sb.Append("     Do not edit: change the catalogue and run the tests with MCRED_UPDATE_GOLDEN=1. -->\n\n");
        sb.Append("Every failed or skipped check of a verification report carries one of these ")
            .Append(VerificationCodes.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(" codes (see the README, \"Verification report\"). A code's prefix names its check. `format.unreadable` is the ")
            .Append("skip code of every check when the document could not be read, and a `context.*` code raised while verifying a proof ")
            .Append("is reported on the `signature` check, as are the `did.*` codes of a key whose DID cannot be resolved. ")
            .Append("In code, look a code up with `VerificationCodes.TryGet`.\n");
        foreach (var check in Enum.GetValues<VerificationCheck>())
        {
            var name = CheckResult.NameOf(check);
            sb.Append("\n## `").Append(name).Append("`\n\n");
            sb.Append("| code | meaning | what to do |\n| --- | --- | --- |\n");
            foreach (var e in VerificationCodes.All.Where(e => e.Check == check))
            {
                sb.Append("| `").Append(e.Code).Append("` | ").Append(Cell(e.Meaning)).Append(" | ").Append(Cell(e.WhatToDo)).Append(" |\n");
            }
        }

        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Every code the sources write (outside the catalogue), with where: literals and the codes built from a literal prefix.</summary>
    private static Dictionary<string, List<string>> SourceCodes()
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string code, string where)
        {
            if (!found.TryGetValue(code, out var list))
            {
                found[code] = list = [];
            }

            list.Add(where);
        }

        foreach (var (path, text) in SourceFiles().Where(f => f.Path != CataloguePath))
        {
            foreach (Match m in CodeLiteral.Matches(text))
            {
                var literal = m.Value[1..m.Value.IndexOf('"', 1)];
                var where = path + ":" + (text.AsSpan(0, m.Index).Count('\n') + 1);
                if (m.Groups["concat"].Success)
                {
                    Assert.That(BuiltCodes.TryGetValue(literal, out var built) && built.File == path, Is.True, $"{where} builds codes from \"{literal}\" + …: add the family to BuiltCodes so the test knows its codes");
                    foreach (var code in built.Codes())
                    {
                        Add(code, where);
                    }
                }
                else if (!(NotCodes.TryGetValue(path, out var not) && not.Contains(literal)))
                {
                    Add(literal, where);
                }
            }
        }

        return found;
    }

    private static IEnumerable<(string Path, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(Shared.Repo("src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Shared.RepoRoot, f).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, Source(p)));

    private static string Source(string path) => File.ReadAllText(Shared.Repo(path.Split('/')));

    private static List<string> JsonLdErrorCodes() =>
        typeof(JsonLdErrorCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static HashSet<string> JsonLdFamily() => JsonLdErrorCodes().Select(c => "context." + c.Replace(' ', '-')).ToHashSet(StringComparer.Ordinal);
}
