using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Cli;

/// <summary>Issue 11, "clear words": exit codes that mean what the README says, and messages a user understands.</summary>
[NonParallelizable]
public class ClearWordsCliTests
{
    private string _dir = null!;
    private string _key = null!;

    [OneTimeSetUp]
    public void MakeKey()
    {
        (_dir, _key) = CliAssert.ScratchWithKey("mcred-words-");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private static string Model => Shared.Repo("samples", "models", "university-data-science.json");

    /// <summary>A PEM PKCS#8 Ed25519 private key (RFC 8410 §7), as <c>openssl genpkey -algorithm ed25519</c> writes it.</summary>
    private string PemKey()
    {
        var seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var der = Convert.FromHexString("302e020100300506032b657004220420").Concat(seed).ToArray();
        var path = Path.Combine(_dir, "ed25519.pem");
        File.WriteAllText(path, "-----BEGIN PRIVATE KEY-----\n" + Convert.ToBase64String(der) + "\n-----END PRIVATE KEY-----\n");
        return path;
    }

    private static readonly string[] Internals = ["System.", "Exception", ".tmp-", "Int32", "Int64", "Double", "Boolean", "(Parameter", "DocumentLoader", "ResourceResolver", "   at "];

    private static void NoInternals(Mcred.Result r)
    {
        foreach (var word in Internals)
        {
            Assert.That(r.Stderr, Does.Not.Contain(word), r.ToString());
        }
    }

    /// <summary>Bad invocations of every kind: each exits 2 with a message that names the user's input in words.</summary>
    private IEnumerable<string[]> BadInvocations()
    {
        var folder = Path.Combine(_dir, "a-folder");
        Directory.CreateDirectory(folder);
        var unknownContext = Path.Combine(_dir, "unknown-context.json");
        File.WriteAllText(unknownContext, """{"@context":["https://www.w3.org/ns/credentials/v2","https://example.org/unknown/v1"],"type":["VerifiableCredential"],"issuer":"did:example:i","credentialSubject":{"id":"did:example:s"}}""");
        yield return ["status", "create", "--key", _key, "--url", "https://example.org/status/1", "--size", "lots", "--out", Path.Combine(_dir, "s.json")];
        yield return ["bench", "--seconds", "soon"];
        yield return ["issue", "--in", Model, "--key", _key, "--out", ""];
        yield return ["keygen", "--out", ""];
        yield return ["issue", "--in", Model, "--key", _key, "--out", Path.Combine(_dir, "no-such-folder", "o.json")];
        yield return ["issue", "--in", Model, "--key", _key, "--out", folder];
        yield return ["verify", "--in", folder];
        yield return ["verify", "--in", ""];
        yield return ["issue", "--in", Model, "--key", folder];
        yield return ["sign", "--in", unknownContext, "--key", _key];
        yield return ["canonicalize", "--rdfc", "--in", unknownContext];
        yield return ["issue", "--in", Model, "--key", _key, "--cert", _key];
        yield return ["verify", "--in", Path.Combine(_dir, "nope.json")];
        yield return ["present", "--key", _key, "--in", folder, "--challenge", "c", "--domain", "d"];
    }

    [Test]
    public void BadInvocations_ExitTwo_WithoutInternalsInTheMessage()
    {
        foreach (var args in BadInvocations())
        {
            var r = Mcred.Run(null, args);
            Assert.That(r.ExitCode, Is.EqualTo(2), string.Join(' ', args) + "\n" + r);
            Assert.That(r.Stderr, Does.StartWith("mcred: "), r.ToString());
            NoInternals(r);
        }
    }

    /// <summary>The values <c>--proof</c> offers in a command's help (<c>--proof &lt;a|b|c&gt;</c>).</summary>
    private static string[] OfferedProofs(string command)
    {
        var help = Mcred.Run(null, command, "--help");
        Assert.That(help.ExitCode, Is.Zero, help.ToString());
        var match = System.Text.RegularExpressions.Regex.Match(help.Stdout, "--proof <([^>]+)>");
        Assert.That(match.Success, Is.True, help.Stdout);
        return match.Groups[1].Value.Split('|');
    }

    [Test]
    public void BenchHelp_OffersOnlyProofsItRuns()
    {
        var offered = OfferedProofs("bench");
        Assert.That(offered, Does.Not.Contain("jades").And.Not.Contain("jose"));
        foreach (var proof in offered)
        {
            var r = Mcred.Run(null, "bench", "--proof", proof, "--seconds", "0.05", "--json", "--in", Shared.Path("bench", "microcredential-v2.unsigned.json"));
            Assert.That(r.ExitCode, Is.Zero, proof + ": " + r);
        }

        Assert.That(Mcred.Run(null, "bench", "--proof", "jades").ExitCode, Is.EqualTo(2), "not offered, and refused by the parser");
    }

    [Test]
    public void PresentHelp_OffersOnlyProofsItMakes_AndEachVerifies()
    {
        var offered = OfferedProofs("present");
        Assert.That(offered, Does.Not.Contain("jades"));
        Assert.That(offered, Does.Contain("jose"));
        var credential = Path.Combine(_dir, "to-present.json");
        Assert.That(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--out", credential).ExitCode, Is.Zero);
        foreach (var proof in offered)
        {
            var made = Mcred.Run(null, "present", "--key", _key, "--in", credential, "--challenge", "c", "--domain", "d.example", "--proof", proof);
            Assert.That(made.ExitCode, Is.Zero, proof + ": " + made);
            var report = Mcred.Run(made.Stdout, "verify", "--challenge", "c", "--domain", "d.example");
            var signature = JsonNode.Parse(report.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "signature")!;
            Assert.That((string?)signature["status"], Is.EqualTo("passed"), proof + ": " + report);
            Assert.That((bool)JsonNode.Parse(report.Stdout)!["credentials"]![0]!["verified"]!, Is.True, proof + ": " + report);
        }
    }

    [TestCase(false, null, true, TestName = "Terminal_NoNoColor_Styles")]
    [TestCase(true, null, false, TestName = "Terminal_Redirected_DoesNotStyle")]
    [TestCase(false, "1", false, TestName = "Terminal_NoColorSet_DoesNotStyle")]
    [TestCase(false, "", true, TestName = "Terminal_NoColorEmpty_Styles")]
    public void Terminal_StylesOnlyATerminalWithoutNoColor(bool redirected, string? noColor, bool expected) =>
        Assert.That(VC.Cli.Terminal.UseAnsi(redirected, noColor), Is.EqualTo(expected));

    [Test]
    public void Demo_Redirected_WritesNoEscapeCodes_EvenWhereACiLogWouldTakeThem()
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = null, ["TERM"] = "xterm-256color", ["GITHUB_ACTIONS"] = "true", ["CI"] = "true" };
        var r = Mcred.RunWith(environment, null, "demo");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("VERIFIED"));
        // Ordinal: a culture-aware search ignores control characters and would find ESC everywhere.
        Assert.That(r.Stdout.Contains('\u001b', StringComparison.Ordinal), Is.False, "no ANSI escape codes into a pipe: " + r.Stdout);
    }

    [Test]
    public void Demo_PrintedSize_IsTheSizeOfTheFileItWrites()
    {
        var dir = Path.Combine(_dir, "demo");
        var r = Mcred.Run(null, "demo", "--out", dir);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var match = System.Text.RegularExpressions.Regex.Match(r.Stdout, @"\(([0-9,]+) bytes\)");
        Assert.That(match.Success, Is.True, r.Stdout);
        var printed = long.Parse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(printed, Is.EqualTo(new FileInfo(Path.Combine(dir, "credential.json")).Length));
    }

    [TestCase("inspect", TestName = "TwoPartToken_Inspect_SaysItIsNotAWellFormedJws")]
    [TestCase("present", TestName = "TwoPartToken_Present_SaysItIsNotAWellFormedJws")]
    public void TwoPartToken_OtherCommands_SayItIsNotAWellFormedJws(string command)
    {
        var token = Path.Combine(_dir, "two-part.jwt");
        File.WriteAllText(token, "eyJhbGciOiJFZERTQSJ9.eyJ9\n");
        var r = command == "inspect"
            ? Mcred.Run(null, "inspect", "--in", token)
            : Mcred.Run(null, "present", "--key", _key, "--in", token, "--challenge", "c", "--domain", "d");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("not a well-formed compact JWS/JWT").And.Contains("found 2"), r.ToString());
    }

    [TestCase("status", "--size", "a whole number", TestName = "OptionValue_NotANumber_SaysAWholeNumber")]
    [TestCase("bench", "--seconds", "a number", TestName = "OptionValue_NotANumber_SaysANumber")]
    public void OptionValue_OfTheWrongKind_SaysWhatIsExpectedInWords(string command, string option, string expected)
    {
        string[] args = command == "status"
            ? ["status", "create", "--key", _key, "--url", "https://example.org/status/1", option, "x", "--out", Path.Combine(_dir, "s.json")]
            : [command, option, "x"];
        var r = Mcred.Run(null, args);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain($"{option}: 'x' is not {expected}"), r.ToString());
    }

    [Test]
    public void Out_EmptyPath_SaysThePathIsEmpty()
    {
        var r = Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--out", "");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("--out: the path is empty"));
    }

    [Test]
    public void Out_InAMissingFolder_NamesTheTargetFileNotATemporaryOne()
    {
        var target = Path.Combine(_dir, "missing", "o.json");
        var r = Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--out", target);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain(target).And.Contains("does not exist"));
        Assert.That(r.Stderr, Does.Not.Contain(".tmp-"));
    }

    [Test]
    public void In_ADirectory_SaysItIsADirectory()
    {
        var r = Mcred.Run(null, "verify", "--in", _dir);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("is a directory"));
        Assert.That(r.Stderr, Does.Not.Contain("no such file"));
    }

    [TestCase("sign", TestName = "UnknownContext_Sign_SaysResource")]
    [TestCase("canonicalize", TestName = "UnknownContext_Canonicalize_SaysResource")]
    public void UnknownContext_SaysToServeItWithResource(string command)
    {
        var vc = """{"@context":["https://www.w3.org/ns/credentials/v2","https://example.org/unknown/v1"],"type":["VerifiableCredential"],"issuer":"did:example:i","credentialSubject":{"id":"did:example:s"}}""";
        var r = command == "sign" ? Mcred.Run(vc, "sign", "--key", _key) : Mcred.Run(vc, "canonicalize", "--rdfc");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("--resource https://example.org/unknown/v1=FILE"), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("DocumentLoader"));
    }

    [Test]
    public void UnknownContext_ServedWithResource_Signs()
    {
        var context = Path.Combine(_dir, "ctx.json");
        File.WriteAllText(context, """{"@context":{"@protected":true,"grade":"https://example.org/unknown#grade"}}""");
        var vc = """{"@context":["https://www.w3.org/ns/credentials/v2","https://example.org/unknown/v1"],"type":["VerifiableCredential"],"issuer":"did:example:i","credentialSubject":{"id":"did:example:s","grade":"A"}}""";
        var r = Mcred.Run(vc, "sign", "--key", _key, "--resource", "https://example.org/unknown/v1=" + context);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    [Test]
    public void PemEd25519Key_IsAcceptedByEveryCommandThatTakesAKey()
    {
        var pem = PemKey();
        var credential = Path.Combine(_dir, "pem-issued.json");
        var issued = Mcred.Run(null, "issue", "--in", Model, "--key", pem, "--out", credential);
        Assert.That(issued.ExitCode, Is.Zero, issued.ToString());
        Assert.That(Mcred.Run(null, "verify", "--in", credential).ExitCode, Is.Zero);

        var vc = JsonNode.Parse(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "unsigned.json")))!.AsObject();
        vc["issuer"] = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        Assert.That(Mcred.Run(vc.ToJsonString(), "sign", "--key", pem, "--proof", "jose").ExitCode, Is.Zero, "sign --proof jose");
        var presented = Mcred.Run(null, "present", "--key", pem, "--in", credential, "--challenge", "c", "--domain", "d.example");
        Assert.That(presented.ExitCode, Is.Zero, presented.ToString());
    }

    [Test]
    public void EcPemKey_ForAnEd25519Proof_SaysWhichFormatsAreAccepted()
    {
        var ec = Path.Combine(_dir, "ec.pem");
        using (var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(ec, ecdsa.ExportPkcs8PrivateKeyPem());
        }

        var r = Mcred.Run(null, "issue", "--in", Model, "--key", ec);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("PEM").And.Contains("--proof jose"), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("not valid JSON"));
    }

    [Test]
    public void Issue_KeyAndCert_RefusesTheAmbiguity()
    {
        var r = Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--cert", _key, "--proof", "jades");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("not both"));
        Assert.That(r.Stdout, Is.Empty);
    }

    [Test]
    public void Issue_ExpiryInThePast_Warns()
    {
        var model = JsonNode.Parse(File.ReadAllText(Model))!.AsObject();
        model["issuedOn"] = "2020-01-01T00:00:00Z";
        model["expiresOn"] = "2021-01-01T00:00:00Z";
        var r = Mcred.Run(model.ToJsonString(), "issue", "--key", _key);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stderr, Does.Contain("warning:").And.Contains("expiry (2021-01-01T00:00:00Z) is in the past"));
    }

    [Test]
    public void Issue_CreatedFarAhead_Warns()
    {
        var created = TimeProvider.System.GetUtcNow().AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var r = Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--created", created);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stderr, Does.Contain("warning: --created").And.Contains("more than a day ahead"));
    }

    [Test]
    public void Issue_CreatedNow_DoesNotWarn()
    {
        var r = Mcred.Run(null, "issue", "--in", Model, "--key", _key);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("warning:"));
    }

    [TestCase("eyJhbGciOiJFZERTQSJ9.eyJ9", TestName = "Verify_TwoPartToken_ExitsTwo")]
    [TestCase("YWJj.eyJ9.abc", TestName = "Verify_TokenWithABadHeader_ExitsTwo")]
    [TestCase("a.b.c.d", TestName = "Verify_FourPartToken_ExitsTwo")]
    [TestCase("{\"oops\"", TestName = "Verify_MalformedJson_ExitsTwoAsWell")]
    public void Verify_UnusableInput_ExitsTwo(string input)
    {
        var r = Mcred.Run(input, "verify");
        Assert.That(r.ExitCode, Is.EqualTo(2), "unusable input is exit 2, like malformed JSON: " + r);
        Assert.That(r.Stderr, Does.Contain("cannot be read"));
    }

    [TestCase("eyJhbGciOiJFZERTQSJ9.eyJ9")]
    [TestCase("a.b.c.d")]
    public void Verify_TokenWithTheWrongNumberOfParts_SaysSo(string input)
    {
        var r = Mcred.Run(input, "verify");
        Assert.That(r.Stderr, Does.Contain("not a well-formed compact JWS/JWT"), r.ToString());
        Assert.That(r.Stderr, Does.Contain("three").And.Contains("five"), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("well-formed JSON"), "a token is not reported as malformed JSON: " + r);
    }
}
