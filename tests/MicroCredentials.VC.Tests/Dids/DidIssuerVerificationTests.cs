using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Dids;

/// <summary>The <c>signature</c> and <c>issuer</c> checks for issuers identified by did:web and did:jwk.</summary>
public class DidIssuerVerificationTests
{
    private const string Did = "did:web:example.edu";
    private const string DocumentUrl = "https://example.edu/.well-known/did.json";
    private static readonly DateTimeOffset Signed = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Signed.AddDays(30);

    public enum Listing
    {
        Referenced,
        RelativeReferences,
        Embedded,
        AuthenticationOnly,
        OtherController,
    }

    /// <summary>A DID document for <see cref="Did"/> with the key as <c>#key-1</c>, listed as asked.</summary>
    internal static JsonObject Document(Ed25519PublicKey key, Listing listing = Listing.Referenced, string did = Did)
    {
        var vmId = listing == Listing.RelativeReferences ? "#key-1" : did + "#key-1";
        JsonObject Method() => new()
        {
            ["id"] = vmId,
            ["type"] = "Multikey",
            ["controller"] = listing == Listing.OtherController ? "did:web:other.example" : did,
            ["publicKeyMultibase"] = key.ToMultibase(),
        };
        var doc = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
            ["id"] = did,
        };
        switch (listing)
        {
            case Listing.Embedded:
                doc["assertionMethod"] = new JsonArray(Method());
                break;
            case Listing.AuthenticationOnly:
                doc["verificationMethod"] = new JsonArray(Method());
                doc["authentication"] = new JsonArray(vmId);
                break;
            default:
                doc["verificationMethod"] = new JsonArray(Method());
                doc["assertionMethod"] = new JsonArray(vmId);
                doc["authentication"] = new JsonArray(vmId);
                break;
        }

        return doc;
    }

    internal static async Task<JsonObject> SignAsDidWeb(Ed25519SigningKey key, ICryptosuite? suite = null, string did = Did) =>
        await new CredentialIssuer(key, did + "#key-1", new IssuerOptions { Cryptosuite = suite ?? Cryptosuites.EdDsaJcs2022, Created = Signed })
            .SignAsync(CredentialVerifierTests.Vc2(did));

    private static CredentialVerifier Verifier(IResourceResolver? resources = null) =>
        new(new VerificationOptions { TimeProvider = new FixedTimeProvider(Later), ResourceResolver = resources ?? NoResourceResolver.Instance });

    private static OfflineResourceResolver Serve(JsonObject document, string url = DocumentUrl) =>
        new([new(url, Encoding.UTF8.GetBytes(document.ToJsonString()))]);

    [TestCase(Listing.Referenced, TestName = "Verify_DidWeb_ReferencedMethod_Verifies")]
    [TestCase(Listing.RelativeReferences, TestName = "Verify_DidWeb_RelativeMethodIds_Verify")]
    [TestCase(Listing.Embedded, TestName = "Verify_DidWeb_EmbeddedMethod_Verifies")]
    public async Task Verify_DidWeb(Listing listing)
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var report = await Verifier(Serve(Document(key.PublicKey, listing))).VerifyAsync(vc);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Contain(Did + "#key-1"));
        Assert.That(report[VerificationCheck.Issuer].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [Test]
    public async Task Verify_DidWeb_Rdfc_WithPathDid_Verifies()
    {
        const string did = "did:web:example.edu%3A8443:issuers:42";
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key, Cryptosuites.EdDsaRdfc2022, did);
        var report = await Verifier(Serve(Document(key.PublicKey, did: did), "https://example.edu:8443/issuers/42/did.json")).VerifyAsync(vc);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task Verify_DidWeb_NoResource_FailsSignatureWithAReason()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var report = await Verifier().VerifyAsync(vc);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Failed));
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("did.methodNotSupported"));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Contain(Did + "#key-1").And.Contain("resource resolver"));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.keyUnresolved"));
    }

    [Test]
    public async Task Verify_DidWeb_OtherDocumentServed_FailsSignatureNotFound()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var report = await Verifier(Serve(Document(key.PublicKey), "https://example.edu/other/did.json")).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("did.notFound"));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Contain(DocumentUrl));
    }

    [Test]
    public async Task Verify_DidWeb_DocumentOfAnotherDid_FailsIdMismatch()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var report = await Verifier(Serve(Document(key.PublicKey, did: "did:web:evil.example"))).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("did.idMismatch"));
    }

    [Test]
    public async Task Verify_DidWeb_AnotherKeyInTheDocument_FailsSignature()
    {
        using var key = Ed25519SigningKey.Generate();
        using var other = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var report = await Verifier(Serve(Document(other.PublicKey))).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.invalid"));
    }

    [Test]
    public async Task Verify_KeyOnlyUnderAuthentication_FailsIssuerNotAssertionMethod()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var report = await Verifier(Serve(Document(key.PublicKey, Listing.AuthenticationOnly))).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.notAssertionMethod"));
        Assert.That(report.Verified, Is.False);
    }

    [Test]
    public async Task Verify_MethodControlledBySomeoneElse_FailsIssuerControllerMismatch()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var report = await Verifier(Serve(Document(key.PublicKey, Listing.OtherController))).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.controllerMismatch"));
    }

    [Test]
    public async Task Verify_DidWebKey_ButIssuerIsAnotherDid_FailsIssuer()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await new CredentialIssuer(key, Did + "#key-1", new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = Signed })
            .SignAsync(CredentialVerifierTests.Vc2("did:web:university.example"));
        var report = await Verifier(Serve(Document(key.PublicKey))).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.controllerMismatch"));
    }

    [Test]
    public async Task Verify_DidJwkIssuer_VerifiesOffline()
    {
        using var key = Ed25519SigningKey.Generate();
        var did = DidJwk.Create(key.PublicKey);
        var vc = await new CredentialIssuer(key, did + "#0", new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaRdfc2022, Created = Signed })
            .SignAsync(CredentialVerifierTests.Vc2(did));
        var report = await Verifier().VerifyAsync(vc);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task Verify_DidWeb_P256Method_FailsSignatureUnsupportedKey()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var doc = Document(key.PublicKey);
        var p256 = DidJwk.ResolveDocument("did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9");
        var vm = doc["verificationMethod"]![0]!.AsObject();
        vm.Remove("publicKeyMultibase");
        vm["type"] = "JsonWebKey";
        vm["publicKeyJwk"] = p256["verificationMethod"]![0]!["publicKeyJwk"]!.DeepClone();
        var report = await Verifier(Serve(doc)).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.unsupportedKey"));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Contain("P-256"));
    }

    [Test]
    public async Task Verify_MalformedDidDocumentMembers_NeverThrow()
    {
        using var key = Ed25519SigningKey.Generate();
        var vc = await SignAsDidWeb(key);
        var doc = new JsonObject
        {
            ["id"] = Did,
            ["verificationMethod"] = new JsonArray(new JsonObject { ["id"] = 42, ["controller"] = new JsonArray() }, "junk"),
            ["assertionMethod"] = new JsonArray(7, new JsonObject { ["id"] = false }),
        };
        var report = await Verifier(Serve(doc)).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.keyNotFound"));
    }
}
