using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Tests.Verification;

namespace MicroCredentials.VC.Tests.Jose;

/// <summary><c>mcred sign --proof jose</c>, <c>mcred issue --proof jose</c> (refused for EDC) and <c>mcred verify</c> on a compact JWS.</summary>
[NonParallelizable]
public class JoseCliTests
{
    private string _dir = null!;
    private string _key = null!;
    private string _did = null!;

    [OneTimeSetUp]
    public void MakeKey()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-jose-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        var r = Mcred.Run(null, "keygen", "--out", _key);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        _did = (string)JsonNode.Parse(File.ReadAllText(_key))!["did"]!;
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void SignJose_ThenVerify_DetectsTheCompactJws()
    {
        var vc = CredentialVerifierTests.Vc2(_did).ToJsonString();
        var signed = Mcred.Run(vc, "sign", "--proof", "jose", "--key", _key, "--created", "2026-06-30T10:00:00Z");
        Assert.That(signed.ExitCode, Is.Zero, signed.ToString());
        var token = signed.Stdout.Trim();
        Assert.That(token.Split('.'), Has.Length.EqualTo(3));
        Assert.That((string?)RawJws.Header(token)["alg"], Is.EqualTo("EdDSA"));

        var verified = Mcred.Run(token, "verify", "--at", "2026-07-01T00:00:00Z");
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
        var report = JsonNode.Parse(verified.Stdout)!;
        Assert.That((string?)report["securedWith"], Is.EqualTo("vc+jwt"));

        var tampered = token[..^3] + (token[^3] == 'A' ? "BAA" : "AAA");
        var refused = Mcred.Run(tampered, "verify", "--at", "2026-07-01T00:00:00Z");
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
    }

    [Test]
    public void SignJose_WithTestSuiteP256Key_IsEs256WithTheVerificationMethodAsKid()
    {
        var input = SuiteFiles.Input("credential-minimal.json");
        var r = Mcred.Run(null, "sign", "--proof", "jose", "--in", input, "--key", SuiteFiles.Input("vm-p256.json"));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var header = RawJws.Header(r.Stdout.Trim());
        Assert.That((string?)header["alg"], Is.EqualTo("ES256"));
        Assert.That((string?)header["kid"], Is.EqualTo("https://example.issuer/vc-jose-cose#key-1"));
    }

    [Test]
    public void SignJose_AlgThatDoesNotFit_IsAUsageError()
    {
        var r = Mcred.Run(null, "sign", "--proof", "jose", "--in", SuiteFiles.Input("credential-minimal.json"), "--key", SuiteFiles.Input("vm-p256.json"), "--alg", "ES384");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("ES384"));
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void SignJose_Vc11Document_IsAUsageError()
    {
        var vc11 = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = _did,
            ["issuanceDate"] = "2026-06-30T10:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
        };
        var r = Mcred.Run(vc11.ToJsonString(), "sign", "--proof", "jose", "--key", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("VC Data Model 2.0"));
    }

    [Test]
    public void IssueJose_EdcProfile_RefusedWithAClearMessage()
    {
        var model = Directory.GetFiles(Shared.Repo("samples", "models"), "*.json").Order(StringComparer.Ordinal).First();
        var r = Mcred.Run(null, "issue", "--in", model, "--proof", "jose", "--key", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("VC 1.1"));
        Assert.That(r.Stderr, Does.Contain("sign --proof jose"));
    }
}
