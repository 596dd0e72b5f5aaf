using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Presentations;

/// <summary><c>mcred present</c> then <c>mcred verify --challenge --domain</c>, end to end with the real CLI.</summary>
[NonParallelizable]
public class PresentationCliTests
{
    private string _dir = null!;
    private string _issuerKey = null!;
    private string _learnerKey = null!;
    private string _credential = null!;

    [OneTimeSetUp]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-vp-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _issuerKey = Path.Combine(_dir, "issuer.json");
        _learnerKey = Path.Combine(_dir, "learner.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", _issuerKey).ExitCode, Is.Zero);
        Assert.That(Mcred.Run(null, "keygen", "--out", _learnerKey).ExitCode, Is.Zero);
        var learnerDid = (string)JsonNode.Parse(File.ReadAllText(_learnerKey))!["did"]!;

        var model = JsonNode.Parse(File.ReadAllText(Shared.Repo("samples", "models", "university-data-science.json")))!;
        model["learner"]!["id"] = learnerDid;
        var modelPath = Path.Combine(_dir, "model.json");
        File.WriteAllText(modelPath, model.ToJsonString());
        _credential = Path.Combine(_dir, "credential.json");
        var issued = Mcred.Run(null, "issue", "--in", modelPath, "--key", _issuerKey, "--out", _credential);
        Assert.That(issued.ExitCode, Is.Zero, issued.ToString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [TestCase("eddsa-rdfc-2022")]
    [TestCase("eddsa-jcs-2022")]
    [TestCase("jose", TestName = "PresentThenVerify_Exits0_WrongChallengeExits1_VpJwt")]
    public void PresentThenVerify_Exits0_WrongChallengeExits1(string proof)
    {
        var vp = Path.Combine(_dir, "vp-" + proof + (proof == "jose" ? ".jwt" : ".json"));
        var made = Mcred.Run(null, "present", "--key", _learnerKey, "--in", _credential, "--challenge", "c-123", "--domain", "https://verifier.example", "--proof", proof, "--out", vp);
        Assert.That(made.ExitCode, Is.Zero, made.ToString());

        var ok = Mcred.Run(null, "verify", "--in", vp, "--challenge", "c-123", "--domain", "https://verifier.example");
        Assert.That(ok.ExitCode, Is.Zero, ok.ToString());
        var report = JsonNode.Parse(ok.Stdout)!;
        Assert.That((bool)report["verified"]!, Is.True);
        Assert.That(report["credentials"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That((bool)report["credentials"]![0]!["verified"]!, Is.True);
        Assert.That(report["checks"]!.AsArray().Single(c => (string?)c!["name"] == "learner")!["status"]!.GetValue<string>(), Is.EqualTo("passed"));

        var wrong = Mcred.Run(null, "verify", "--in", vp, "--challenge", "another", "--domain", "https://verifier.example");
        Assert.That(wrong.ExitCode, Is.EqualTo(1), wrong.ToString());
        Assert.That(wrong.Stdout, Does.Contain("signature.challengeMismatch"));

        var noChallenge = Mcred.Run(null, "verify", "--in", vp, "--domain", "https://verifier.example");
        Assert.That(noChallenge.ExitCode, Is.EqualTo(1), "a challenge is required by default");
        Assert.That(noChallenge.Stdout, Does.Contain("signature.challengeRequired"));

        var optOut = Mcred.Run(null, "verify", "--in", vp, "--no-challenge", "--domain", "https://other.example");
        Assert.That(optOut.ExitCode, Is.EqualTo(1));
        Assert.That(optOut.Stdout, Does.Contain("signature.domainMismatch"));
        Assert.That(Mcred.Run(null, "verify", "--in", vp, "--no-challenge", "--domain", "https://verifier.example").ExitCode, Is.Zero, "opted out, bound by the domain");
    }

    [Test]
    public void Present_ByAnotherKey_VerifyFailsLearner()
    {
        var otherKey = Path.Combine(_dir, "other.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", otherKey).ExitCode, Is.Zero);
        var vp = Path.Combine(_dir, "vp-other.json");
        Assert.That(Mcred.Run(null, "present", "--key", otherKey, "--in", _credential, "--challenge", "c", "--domain", "d.example", "--out", vp).ExitCode, Is.Zero);

        var r = Mcred.Run(null, "verify", "--in", vp, "--challenge", "c", "--domain", "d.example");
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Stdout, Does.Contain("learner.notHolder"));
    }

    [Test]
    public void Present_WithoutChallenge_IsAUsageError()
    {
        var r = Mcred.Run(null, "present", "--key", _learnerKey, "--in", _credential, "--domain", "d.example");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void Present_NotACredential_IsAUsageError()
    {
        var r = Mcred.Run(null, "present", "--key", _learnerKey, "--in", _learnerKey, "--challenge", "c", "--domain", "d.example");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("not a verifiable credential"));
    }

    [Test]
    public void Present_StdinCredential_Works()
    {
        var r = Mcred.Run(File.ReadAllText(_credential), "present", "--key", _learnerKey, "--in", "-", "--challenge", "c", "--domain", "d.example");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(CredentialFormatIsPresentation(r.Stdout), Is.True);
    }

    private static bool CredentialFormatIsPresentation(string json) =>
        VC.Credentials.CredentialFormat.HasType((JsonObject)JsonNode.Parse(json)!, "VerifiablePresentation");
}
