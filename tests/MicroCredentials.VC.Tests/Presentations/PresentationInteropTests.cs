using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.Interop;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Presentations;

/// <summary>
/// Presentations cross both ways with the reference JavaScript implementation (@digitalbazaar/vc
/// <c>signPresentation</c> / <c>verify</c>): ours verify there (<c>verify-presentation</c>), theirs (<c>present</c>)
/// verify here, with EDC (VC 1.1) credentials issued by our <c>CredentialIssuer</c> to the learner's did:key and with
/// VC 2.0 credentials, under both suites.
/// </summary>
[TestFixture]
[Category("Interop")]
public class PresentationInteropTests
{
    private static readonly string[] Models = ["university-data-science", "vocational-welding-hours", "rpl-project-management"];
    private string _dir = null!;

    [OneTimeSetUp]
    public void Setup()
    {
        ReferenceJs.EnsureInstalled();
        _dir = Path.Combine(Path.GetTempPath(), "mcred-vp-interop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    private static ICryptosuite Suite(string name) => name == "eddsa-jcs-2022" ? Cryptosuites.EdDsaJcs2022 : Cryptosuites.EdDsaRdfc2022;

    private static IEnumerable<TestCaseData> Cases(string prefix) =>
        from credential in Models.Append("vc2")
        from suite in new[] { "eddsa-rdfc-2022", "eddsa-jcs-2022" }
        select new TestCaseData(credential, suite).SetName($"{prefix}_{credential}_{suite}");

    private static IEnumerable<TestCaseData> OursCases() => Cases("OurPresentation_VerifiesInReferenceJs");

    private static IEnumerable<TestCaseData> TheirsCases() => Cases("ReferenceJsPresentation_VerifiesHere");

    private static async Task<JsonObject> CredentialFor(string kind, Ed25519SigningKey issuer, string learnerDid, string suite) =>
        kind == "vc2"
            ? await PresentationTests.Vc2For(issuer, learnerDid, Suite(suite))
            : await PresentationTests.EdcFor(issuer, learnerDid, kind, Suite(suite));

    [TestCaseSource(nameof(OursCases))]
    public async Task OurPresentation_VerifiesInReferenceJs(string kind, string suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var vc = await CredentialFor(kind, issuer, DidKey.Create(learner.PublicKey), suite);
        var vp = await PresentationTests.Present([vc], learner, Suite(suite));

        var result = ReferenceJs.Run("verify-presentation", vp.ToJsonString(), "--challenge", PresentationTests.Challenge, "--domain", PresentationTests.Domain);
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        Assert.That((bool)result.Json["presentationVerified"]!, Is.True);
        Assert.That((bool)result.Json["credentialResults"]![0]!["verified"]!, Is.True);

        var wrong = ReferenceJs.Run("verify-presentation", vp.ToJsonString(), "--challenge", "another-challenge", "--domain", PresentationTests.Domain);
        Assert.That(wrong.ExitCode, Is.EqualTo(1), "the reference also rejects another challenge: " + wrong.Stdout);
    }

    [TestCaseSource(nameof(TheirsCases))]
    public async Task ReferenceJsPresentation_VerifiesHere(string kind, string suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var vc = await CredentialFor(kind, issuer, DidKey.Create(learner.PublicKey), suite);
        var keyFile = Write(KeyFile.Create(learner));
        var vp = ReferenceJs.RunJson("present", null, "--suite", suite, "--key", keyFile, "--challenge", PresentationTests.Challenge, "--domain", PresentationTests.Domain, "--in", Write(vc.ToJsonString()));
        Assert.That((string?)vp["proof"]!["proofPurpose"], Is.EqualTo("authentication"));

        var report = await PresentationTests.Verifier().VerifyAsync(vp.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks) + "\n" + string.Join("\n", report.Credentials.SelectMany(r => r.Checks)));
        Assert.That(report[VerificationCheck.Learner].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report.SecuringMechanism, Is.EqualTo(suite));

        var wrong = await PresentationTests.Verifier("another-challenge").VerifyAsync(vp.ToJsonString());
        Assert.That(wrong[VerificationCheck.Signature].Code, Is.EqualTo("signature.challengeMismatch"));
    }

    [TestCase("eddsa-rdfc-2022", TestName = "ReferenceJsVc11Presentation_VerifiesHere_eddsa-rdfc-2022")]
    [TestCase("eddsa-jcs-2022", TestName = "ReferenceJsVc11Presentation_VerifiesHere_eddsa-jcs-2022")]
    public async Task ReferenceJsVc11Presentation_VerifiesHere(string suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var vc = await PresentationTests.EdcFor(issuer, DidKey.Create(learner.PublicKey), suite: Suite(suite));
        var vp = ReferenceJs.RunJson("present", null, "--vp-version", "1", "--suite", suite, "--key", Write(KeyFile.Create(learner)), "--challenge", PresentationTests.Challenge, "--domain", PresentationTests.Domain, "--in", Write(vc.ToJsonString()));
        Assert.That((string?)vp["@context"]![0], Is.EqualTo(CredentialFormat.V1Context));

        var report = await PresentationTests.Verifier().VerifyAsync(vp.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.Format].Detail, Does.Contain("VC 1.1 presentation"));
    }

    [Test]
    public async Task ReferenceJsPresentation_BySomeoneElse_FailsLearnerHere()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        using var other = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var vc = await PresentationTests.EdcFor(issuer, DidKey.Create(learner.PublicKey));
        var vp = ReferenceJs.RunJson("present", null, "--suite", "eddsa-rdfc-2022", "--key", Write(KeyFile.Create(other)), "--challenge", PresentationTests.Challenge, "--domain", PresentationTests.Domain, "--in", Write(vc.ToJsonString()));

        var report = await PresentationTests.Verifier().VerifyAsync(vp.ToJsonString());
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Learner].Code, Is.EqualTo("learner.notHolder"));
        Assert.That(report.Verified, Is.False);
    }
}
