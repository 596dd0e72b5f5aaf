using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.Verification;

namespace MicroCredentials.VC.Tests.Dids;

/// <summary><c>mcred verify --resource URL=FILE</c> serving a did:web issuer's DID document offline.</summary>
[NonParallelizable]
public class VerifyDidWebCliTests
{
    private const string Did = "did:web:example.edu";
    private string _dir = null!;
    private string _key = null!;
    private string _signed = null!;
    private string _document = null!;

    [OneTimeSetUp]
    public void SignAsDidWeb()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-didweb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", _key).ExitCode, Is.Zero);
        var publicKey = Ed25519PublicKey.FromMultibase((string)JsonNode.Parse(File.ReadAllText(_key))!["publicKeyMultibase"]!);

        _document = Path.Combine(_dir, "did.json");
        File.WriteAllText(_document, DidIssuerVerificationTests.Document(publicKey).ToJsonString());
        var unsigned = Path.Combine(_dir, "unsigned.json");
        File.WriteAllText(unsigned, CredentialVerifierTests.Vc2(Did).ToJsonString());
        _signed = Path.Combine(_dir, "signed.json");
        var r = Mcred.Run(null, "sign", "--in", unsigned, "--key", _key, "--proof", "eddsa-rdfc-2022", "--verification-method", Did + "#key-1", "--created", "2026-06-30T10:00:00Z", "--out", _signed);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private static JsonNode Check(Mcred.Result r, string name) =>
        JsonNode.Parse(r.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == name)!;

    [Test]
    public void Verify_DidWebIssuer_WithServedDocument_Verifies()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--resource", "https://example.edu/.well-known/did.json=" + _document);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That((bool)JsonNode.Parse(r.Stdout)!["verified"]!, Is.True);
        Assert.That((string?)Check(r, "issuer")["status"], Is.EqualTo("passed"));
    }

    [Test]
    public void Verify_DidWebIssuer_WithoutResource_FailsSignatureWithAReason()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        var signature = Check(r, "signature");
        Assert.That((string?)signature["status"], Is.EqualTo("failed"));
        Assert.That((string?)signature["code"], Is.EqualTo("did.methodNotSupported"));
        Assert.That((string?)signature["detail"], Does.Contain("--resource"));
    }

    [Test]
    public void Verify_DidWebIssuer_DocumentServedUnderAnotherUrl_FailsDidNotFound()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--resource", "https://example.edu/issuers/did.json=" + _document);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That((string?)Check(r, "signature")["code"], Is.EqualTo("did.notFound"));
    }

    [TestCase("https://example.edu/.well-known/did.json", TestName = "Verify_ResourceWithoutFile_ExitsTwo")]
    [TestCase("relative/did.json=", TestName = "Verify_ResourceWithRelativeUrl_ExitsTwo")]
    public void Verify_BadResource_ExitsTwo(string resource)
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--resource", resource.EndsWith('=') ? resource + _document : resource);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("--resource"));
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
    }
}
