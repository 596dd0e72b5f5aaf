using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Presentations;

/// <summary>
/// The presentation fixtures of the W3C VC Data Model 2.0 test suite (<c>tests/input/presentation-*-ok.json</c> and
/// <c>-fail.json</c>). Each is secured with a test key by our builder (the fixtures' did:key, whose secret is not
/// published, is replaced by the test key's) and verified. An <c>-ok</c> presentation passes every presentation-level
/// structural and proof check; a <c>-fail</c> one fails <c>format</c> or <c>context</c>.
/// </summary>
public class PresentationFixtureTests
{
    private const string FixtureDid = "did:key:z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj";
    private const string Challenge = "fixture-challenge";

    private static string Folder => Shared.Vectors("vc-data-model-2.0-test-suite", "tests", "input");

    private static IEnumerable<TestCaseData> Fixtures(string suffix) =>
        Directory.GetFiles(Folder, "presentation-*" + suffix).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName("Fixture_" + Path.GetFileNameWithoutExtension(f)));

    private static IEnumerable<TestCaseData> OkFixtures() => Fixtures("-ok.json");

    private static IEnumerable<TestCaseData> FailFixtures() => Fixtures("-fail.json");

    private static async Task<(VerificationReport Report, JsonObject Presentation)> SecureAndVerify(string file, Ed25519SigningKey key)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file)).Replace(FixtureDid, DidKey.Create(key.PublicKey), StringComparison.Ordinal);
        var document = (JsonObject)JsonNode.Parse(text)!;
        JsonObject secured;
        try
        {
            secured = await VC.Issuance.Presentations.SignAsync(document, key, DidKey.CreateVerificationMethodId(key.PublicKey), new PresentationOptions { Challenge = Challenge, Cryptosuite = Cryptosuites.EdDsaJcs2022 });
        }
        catch (ProofException)
        {
            secured = document; // a broken document may not be securable; it must still fail format or context
        }

        var report = await new CredentialVerifier(new VerificationOptions { Challenge = Challenge }).VerifyAsync(secured);
        return (report, secured);
    }

    [TestCaseSource(nameof(OkFixtures))]
    public async Task OkFixture_PassesThePresentationChecks(string file)
    {
        using var key = Ed25519SigningKey.Generate();
        var (report, presentation) = await SecureAndVerify(file, key);
        foreach (var check in new[] { VerificationCheck.Format, VerificationCheck.Context, VerificationCheck.Signature, VerificationCheck.Issuer, VerificationCheck.IssuanceDate, VerificationCheck.Expiry })
        {
            Assert.That(report[check].Status, Is.EqualTo(CheckStatus.Passed), file + ": " + report[check]);
        }

        // Only presentations without credentials verify as a whole: the fixtures' credentials are unsecured and
        // issued by did:example:issuer to did:example:subject, so their own reports (and the learner binding) fail.
        var hasCredentials = presentation["verifiableCredential"] is not null;
        Assert.That(report.Verified, Is.EqualTo(!hasCredentials), string.Join("\n", report.Checks));
        if (hasCredentials)
        {
            // The enveloped fixture's JWT is not verifiable here (its signature is a placeholder), so its subject cannot be read.
            Assert.That(report[VerificationCheck.Learner].Code, Is.AnyOf("learner.notHolder", "learner.unreadableCredential"));
        }
    }

    [TestCaseSource(nameof(FailFixtures))]
    public async Task FailFixture_FailsFormatOrContext(string file)
    {
        using var key = Ed25519SigningKey.Generate();
        var (report, _) = await SecureAndVerify(file, key);
        var failed = new[] { report[VerificationCheck.Format], report[VerificationCheck.Context] }.Where(c => c.Status == CheckStatus.Failed).ToList();
        Assert.That(failed, Is.Not.Empty, file + ":\n" + string.Join("\n", report.Checks));
        Assert.That(report.Verified, Is.False);
        TestContext.Out.WriteLine(file + ": " + string.Join("; ", failed.Select(c => c.Code)));
    }
}
