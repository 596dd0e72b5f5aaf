using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Tests.Dids;
using MicroCredentials.VC.Tests.Verification;

namespace MicroCredentials.VC.Tests.Cli;

/// <summary>
/// <c>mcred verify --resource URL=FILE</c> serves a DID document and a JSON-LD context through the same offline
/// resolver: a did:web issuer whose credential uses a context that is not bundled.
/// </summary>
[NonParallelizable]
public class ResourceOptionCliTests
{
    private const string Did = "did:web:example.edu";
    private const string DidUrl = "https://example.edu/.well-known/did.json";
    private const string ContextUrl = "https://example.edu/contexts/credits/v1";
    private static readonly byte[] Context = Encoding.UTF8.GetBytes("""{"@context": {"credits": "https://example.edu/vocab#credits"}}""");
    private string _dir = null!;
    private string _signed = null!;
    private string _document = null!;
    private string _context = null!;

    [OneTimeSetUp]
    public async Task SignWithAnUnbundledContext()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-resource-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        using var key = Ed25519SigningKey.Generate();
        _document = Path.Combine(_dir, "did.json");
        File.WriteAllText(_document, DidIssuerVerificationTests.Document(key.PublicKey).ToJsonString());
        _context = Path.Combine(_dir, "credits.jsonld");
        File.WriteAllBytes(_context, Context);

        var vc = CredentialVerifierTests.Vc2(Did);
        vc["@context"]!.AsArray().Add(ContextUrl);
        vc["credentialSubject"]!["credits"] = "5";
        var loader = new ResourceDocumentLoader(new OfflineResourceResolver([new(ContextUrl, Context)]), EmbeddedDocumentLoader.Default);
        var signed = await new CredentialIssuer(key, Did + "#key-1", new IssuerOptions
        {
            Cryptosuite = Cryptosuites.EdDsaRdfc2022,
            DocumentLoader = loader,
            Created = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero),
        }).SignAsync(vc);
        _signed = Path.Combine(_dir, "signed.json");
        File.WriteAllText(_signed, signed.ToJsonString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private static JsonNode Check(Mcred.Result r, string name) =>
        JsonNode.Parse(r.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == name)!;

    [Test]
    public void Verify_DidDocumentAndContextAsResources_Verifies()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--resource", DidUrl + "=" + _document, "--resource", ContextUrl + "=" + _context);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That((string?)Check(r, "context")["status"], Is.EqualTo("passed"));
        Assert.That((string?)Check(r, "signature")["status"], Is.EqualTo("passed"));
    }

    [Test]
    public void Verify_WithoutTheContextResource_FailsTheContextCheck()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--resource", DidUrl + "=" + _document);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That((string?)Check(r, "context")["status"], Is.EqualTo("failed"));
        Assert.That((string?)Check(r, "context")["detail"], Does.Contain(ContextUrl));
    }

    [Test]
    public void Canonicalize_ContextAsResource_ExpandsItsTerms()
    {
        var r = Mcred.Run(null, "canonicalize", "--rdfc", "--in", _signed, "--resource", ContextUrl + "=" + _context);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("<https://example.edu/vocab#credits> \"5\""));
    }
}
