using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.Interop;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Profiles;

/// <summary>
/// Open Badges 3.0 credentials issued and signed (library and <c>mcred</c>): the official AchievementCredential JSON
/// Schema, our verifier with the Council Recommendation elements required, the reference JavaScript verifier, and
/// the Open Badges signing vector.
/// </summary>
public class OpenBadges3IssuanceTests
{
    private static readonly string[] Proofs = ["eddsa-rdfc-2022", "eddsa-jcs-2022"];

    private string _dir = null!;
    private string _key = null!;

    private static string Schema => Shared.Vectors("openbadges-v3", "schema", "achievementcredential.json");

    private static IEnumerable<TestCaseData> Samples() =>
        EdcProfileTests.SampleNames.Select(n => new TestCaseData(n).SetName("Sample_" + n));

    private static IEnumerable<TestCaseData> SamplesAndProofs() =>
        EdcProfileTests.SampleNames.SelectMany(n => Proofs.Select(p => new TestCaseData(n, p).SetName("Sample_" + n + "_" + p)));

    [OneTimeSetUp]
    public void MakeKey()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-ob3-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        var r = Mcred.Run(null, "keygen", "--out", _key);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string Issue(string sample, string proof)
    {
        var r = Mcred.Run(null, "issue", "--profile", "ob3", "--in", Shared.Repo("samples", "models", sample + ".json"), "--proof", proof, "--key", _key, "--created", "2026-11-21T12:00:00Z");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return r.Stdout;
    }

    [TestCaseSource(nameof(Samples))]
    public void Schema_UnsignedSample_ValidatesAgainstTheAchievementCredentialSchema(string sample)
    {
        var vc = OpenBadges3ProfileTests.Issue(sample);
        var result = ReferenceJs.Run("schema-validate", vc.ToJsonString(), "--schema", Schema);
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        Assert.That((bool)result.Json["valid"]!, Is.True);
    }

    [TestCaseSource(nameof(Samples))]
    public void Schema_SignedSampleWithProofAsASet_ValidatesAndStillVerifies(string sample)
    {
        // The schema types proof as an array; Data Integrity writes one proof as an object (as the OB signing vector does).
        var signed = JsonNode.Parse(Issue(sample, "eddsa-rdfc-2022"))!.AsObject();
        var proof = signed["proof"]!.DeepClone();
        signed["proof"] = new JsonArray(proof);
        var result = ReferenceJs.Run("schema-validate", signed.ToJsonString(), "--schema", Schema);
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);

        var verified = Mcred.Run(signed.ToJsonString(), "verify", "--require-elements");
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
    }

    [Test]
    public void Schema_Harness_RejectsAnAchievementWithoutCriteria()
    {
        var vc = OpenBadges3ProfileTests.Issue("university-data-science");
        vc["credentialSubject"]!["achievement"]!.AsObject().Remove("criteria");
        var result = ReferenceJs.Run("schema-validate", vc.ToJsonString(), "--schema", Schema);
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Json["errors"]!.AsArray().Select(e => (string?)e!["message"]), Has.Some.Contains("criteria"));
    }

    [TestCaseSource(nameof(SamplesAndProofs))]
    public void Issue_Ob3_VerifiesWithElementsRequired_AndInspectReadsItBack(string sample, string proof)
    {
        var signed = Issue(sample, proof);
        var verified = Mcred.Run(signed, "verify", "--require-elements");
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
        var report = JsonNode.Parse(verified.Stdout)!;
        Assert.That(report["checks"]!.AsArray().Single(c => (string?)c!["name"] == "elements")!["status"]!.GetValue<string>(), Is.EqualTo("passed"));

        var inspected = Mcred.Run(signed, "inspect");
        Assert.That(inspected.ExitCode, Is.Zero, inspected.ToString());
        var back = MicroCredentialJson.Parse(JsonNode.Parse(inspected.Stdout)!["model"]!.ToJsonString());
        var model = MicroCredentialTests.LoadSample(sample);
        Assert.That(MicroCredentialJson.Serialize(back with { Id = null }), Is.EqualTo(OpenBadges3PublishedContextsTests.Expected(model)));
    }

    [TestCaseSource(nameof(SamplesAndProofs))]
    public void Issue_Ob3_VerifiesWithTheReferenceJsVerifier(string sample, string proof)
    {
        var signed = Issue(sample, proof);
        var result = ReferenceJs.Run("verify", signed);
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        Assert.That((bool)result.Json["verified"]!, Is.True);
    }

    [TestCaseSource(nameof(Samples))]
    public async Task Library_Ob3_VerifiesWithRequireMicroCredentialElements(string sample)
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Profile = CredentialProfiles.Ob3 });
        var issued = await issuer.IssueAsync(MicroCredentialTests.LoadSample(sample));
        Assert.That(issued.Succeeded, Is.True);
        var contexts = issued.Credential!["@context"]!.AsArray().Select(c => (string?)c);
        Assert.That(contexts, Has.No.Member("https://w3id.org/security/data-integrity/v2"), "VC 2.0 defines the proof terms");

        var report = await new CredentialVerifier(new VerificationOptions { RequireMicroCredentialElements = true }).VerifyAsync(issued.Credential.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report.Credential!.Title, Is.EqualTo(MicroCredentialTests.LoadSample(sample).Title));
    }

    [Test]
    public void Issue_Ob3Jose_IsAVcJwtThatVerifies()
    {
        var r = Mcred.Run(null, "issue", "--profile", "ob3", "--in", Shared.Repo("samples", "models", "university-data-science.json"), "--proof", "jose", "--key", _key, "--created", "2026-11-21T12:00:00Z");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var token = r.Stdout.Trim();
        Assert.That(token.Split('.'), Has.Length.EqualTo(3));

        var verified = Mcred.Run(token, "verify", "--require-elements");
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
        Assert.That((string?)JsonNode.Parse(verified.Stdout)!["securedWith"], Is.EqualTo("vc+jwt"));

        var inspected = Mcred.Run(token, "inspect");
        Assert.That(inspected.ExitCode, Is.Zero, inspected.ToString());
        Assert.That(inspected.Stderr, Does.Not.Contain("note:"), "the JWT claims are not content of the model (no note on what could not be mapped)");
        var back = MicroCredentialJson.Parse(JsonNode.Parse(inspected.Stdout)!["model"]!.ToJsonString());
        Assert.That(MicroCredentialJson.Serialize(back with { Id = null }), Is.EqualTo(OpenBadges3PublishedContextsTests.Expected(MicroCredentialTests.LoadSample("university-data-science"))));
    }

    [Test]
    public void SignJose_UnsignedOb3Credential_VerifiesAsVcJwt()
    {
        var did = (string)JsonNode.Parse(File.ReadAllText(_key))!["did"]!;
        var unsigned = OpenBadges3Profile.Instance.ToCredential(MicroCredentialTests.LoadSample("rpl-project-management"), EdcProfileTests.FixedOptions with { IssuerId = did });
        var signed = Mcred.Run(unsigned.ToJsonString(), "sign", "--proof", "jose", "--key", _key);
        Assert.That(signed.ExitCode, Is.Zero, signed.ToString());

        var verified = Mcred.Run(signed.Stdout.Trim(), "verify", "--require-elements");
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
    }

    [Test]
    public void Issue_Ob3Jades_IsRefused()
    {
        var r = Mcred.Run(null, "issue", "--profile", "ob3", "--in", Shared.Repo("samples", "models", "university-data-science.json"), "--proof", "jades", "--key", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ob3"));
    }

    [Test]
    public void Sign_OpenBadgesVector_ReproducesSignedJson()
    {
        var dir = Shared.Vectors("openbadges-v3", "test-vectors", "obv3p0");
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "signed.json")))!.AsObject();
        var proof = expected["proof"]!;
        var r = Mcred.Run(
            null, "sign", "--in", Path.Combine(dir, "credential.json"), "--proof", "eddsa-rdfc-2022", "--key", Path.Combine(dir, "keyPair.json"),
            "--verification-method", (string)proof["verificationMethod"]!, "--created", (string)proof["created"]!);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());

        var actual = JsonNode.Parse(r.Stdout)!.AsObject();
        Assert.That((string?)actual["proof"]!["proofValue"], Is.EqualTo((string?)proof["proofValue"]));
        Assert.That((string?)actual["proof"]!["proofValue"], Is.EqualTo(File.ReadAllText(Path.Combine(dir, "proofValue.txt")).Trim()));

        // The same document, byte for byte in canonical (RFC 8785) form; the vector's file only differs in indentation.
        Assert.That(Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(actual)), Is.EqualTo(Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(expected))));
    }
}
