using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Dids;

/// <summary>
/// Verification methods in https controller documents (W3C Controlled Identifiers 1.0 §3.3, "Retrieve Verification
/// Method"), fetched through the resource resolver: the spec's examples, each rule, and a credential end to end.
/// </summary>
public class ControllerDocumentTests
{
    private static OfflineResourceResolver Serving(string url, string json) =>
        new([new KeyValuePair<string, ReadOnlyMemory<byte>>(url, Encoding.UTF8.GetBytes(json))]);

    private static string Example(string prefix) =>
        File.ReadAllText(Directory.GetFiles(Shared.Vectors("cid-v1", "spec-examples"), prefix + "-*.json").Single());

    [Test]
    public async Task SpecExample01_MethodEmbeddedUnderAuthentication_ResolvesForThatPurposeOnly()
    {
        var resolver = new DidVerificationMethodResolver(DidResolverRegistry.Default, Serving("https://controller.example", Example("example01")));
        var authn = await resolver.ResolveAsync("https://controller.example#authn-key-123", "authentication");
        Assert.That(authn.Succeeded, Is.True, authn.Problem?.Message);
        Assert.That(authn.AuthorizedForPurpose, Is.True);
        Assert.That(authn.Method!.Controller, Is.EqualTo("https://controller.example"));
        Assert.That(authn.Method.PublicKey!.ToMultibase(), Is.EqualTo("z6MkmM42vxfqZQsv4ehtTjFFxQ4sQKS2w6WR7emozFAn5cxu"));

        var assertion = await resolver.ResolveAsync("https://controller.example#authn-key-123", "assertionMethod");
        Assert.That(assertion.AuthorizedForPurpose, Is.False, "listed under authentication only");
    }

    [Test]
    public async Task SpecExample20_MethodReferencedFromAuthentication_Resolves()
    {
        var resolver = new DidVerificationMethodResolver(DidResolverRegistry.Default, Serving("https://controller.example/123", Example("example20")));
        var result = await resolver.ResolveAsync("https://controller.example/123#key-456", "authentication");
        Assert.That(result.Succeeded, Is.True, result.Problem?.Message);
        Assert.That(result.AuthorizedForPurpose, Is.True);
    }

    [Test]
    public async Task DocumentServedUnderAnotherUrl_IsRefused()
    {
        // The document says it is https://controller.example/123; served as https://attacker.example/123 it vouches for nothing there.
        var resolver = new DidVerificationMethodResolver(DidResolverRegistry.Default, Serving("https://attacker.example/123", Example("example20")));
        var result = await resolver.ResolveAsync("https://attacker.example/123#key-456", "authentication");
        Assert.That(result.Problem?.Code, Is.EqualTo("signature.invalidControllerDocument"));
    }

    [Test]
    public async Task MethodNamingAnotherController_IsRefused()
    {
        var doc = JsonNode.Parse(Example("example20"))!.AsObject();
        doc["verificationMethod"]![0]!["controller"] = "https://someone-else.example";
        var resolver = new DidVerificationMethodResolver(DidResolverRegistry.Default, Serving("https://controller.example/123", doc.ToJsonString()));
        var result = await resolver.ResolveAsync("https://controller.example/123#key-456", "authentication");
        Assert.That(result.Problem?.Code, Is.EqualTo("signature.invalidControllerDocument"));
    }

    [Test]
    public async Task WithoutAResourceResolver_SaysHowToFetchIt()
    {
        var result = await DidVerificationMethodResolver.Default.ResolveAsync("https://controller.example#authn-key-123", "authentication");
        Assert.That(result.Problem?.Code, Is.EqualTo("signature.keyResolution"));
        Assert.That(result.Problem!.Message, Does.Contain("resource resolver"));
    }

    [Test]
    public async Task CredentialSignedWithAKeyInAnHttpsControllerDocument_VerifiesEndToEnd()
    {
        const string Issuer = "https://university.example/issuers/1";
        using var key = Ed25519SigningKey.Generate();
        var document = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/cid/v1",
            ["id"] = Issuer,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = Issuer + "#key-1",
                ["type"] = "Multikey",
                ["controller"] = Issuer,
                ["publicKeyMultibase"] = key.PublicKey.ToMultibase(),
            }),
            ["assertionMethod"] = new JsonArray(Issuer + "#key-1"),
        };
        var issuer = new CredentialIssuer(new Ed25519Signer(key, Issuer + "#key-1"), new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaRdfc2022 });
        var signed = await issuer.SignAsync(CredentialVerifierTests.Vc2(Issuer));

        var report = await new CredentialVerifier(new VerificationOptions { ResourceResolver = Serving(Issuer, document.ToJsonString()) }).VerifyAsync(signed);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));

        // Without the document the key cannot be found, and nothing is fetched from the network.
        var offline = await new CredentialVerifier().VerifyAsync(signed);
        Assert.That(offline[VerificationCheck.Signature].Code, Is.EqualTo("signature.keyResolution"));
    }
}
