using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Dids;

public class DidJwkTests
{
    // The did:jwk specification's P-256 example key.
    private const string P256Jwk = """{"crv":"P-256","kty":"EC","x":"acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0","y":"_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE"}""";

    private static string Encode(string json) => DidJwk.Prefix + Base64Url.Encode(Encoding.UTF8.GetBytes(json));

    [Test]
    public async Task Resolve_Ed25519_GivesOneJsonWebKeyMethodUsableForAssertions()
    {
        using var key = Ed25519SigningKey.Generate();
        var did = DidJwk.Create(key.PublicKey);
        Assert.That(did, Does.StartWith("did:jwk:eyJ"));

        var resolution = await DidJwkResolver.Instance.ResolveAsync(did);
        var doc = resolution.Document!;
        Assert.That((string?)doc["id"], Is.EqualTo(did));
        var vm = doc["verificationMethod"]![0]!;
        Assert.That((string?)vm["id"], Is.EqualTo(did + "#0"));
        Assert.That((string?)vm["type"], Is.EqualTo("JsonWebKey2020"));
        Assert.That((string?)vm["controller"], Is.EqualTo(did));
        Assert.That((string?)vm["publicKeyJwk"]!["x"], Is.EqualTo((string?)key.PublicKey.ToJwk()["x"]));
        Assert.That((string?)doc["assertionMethod"]![0], Is.EqualTo(did + "#0"));

        var method = await DidVerificationMethodResolver.Default.ResolveAsync(did + "#0", "assertionMethod");
        Assert.That(method.AuthorizedForPurpose, Is.True);
        Assert.That(method.Method!.PublicKey, Is.EqualTo(key.PublicKey));
        Assert.That((string?)method.Method.PublicKeyJwk!["crv"], Is.EqualTo("Ed25519"));
    }

    [Test]
    public async Task Resolve_SpecP256Example_GivesTheJwkAndNoEd25519Key()
    {
        var did = Encode(P256Jwk);
        Assert.That(did, Is.EqualTo("did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9"));
        var doc = DidJwk.ResolveDocument(did);
        Assert.That(doc["keyAgreement"], Is.Not.Null, "no 'use': every relationship");
        Assert.That(DidJwk.Create(JsonNode.Parse(P256Jwk)!.AsObject()), Is.EqualTo(did), "JCS form");

        var method = await DidVerificationMethodResolver.Default.ResolveAsync(did + "#0", "assertionMethod");
        Assert.That(method.Method, Is.Not.Null, method.Problem?.ToString());
        Assert.That(method.Method!.PublicKey, Is.Null);
        Assert.That((string?)method.Method.PublicKeyJwk!["kty"], Is.EqualTo("EC"));
        Assert.That((string?)method.Method.PublicKeyJwk["y"], Is.EqualTo("_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE"));
        Assert.That(method.AuthorizedForPurpose, Is.True);
    }

    [Test]
    public void Resolve_GeneratedP256Key_Works()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = ecdsa.ExportParameters(false).Q;
        var jwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.Encode(q.X), ["y"] = Base64Url.Encode(q.Y) };
        var doc = DidJwk.ResolveDocument(DidJwk.Create(jwk));
        Assert.That((string?)doc["verificationMethod"]![0]!["publicKeyJwk"]!["x"], Is.EqualTo(Base64Url.Encode(q.X)));
    }

    [Test]
    public void Resolve_UseSig_HasNoKeyAgreement_UseEnc_OnlyKeyAgreement()
    {
        using var key = Ed25519SigningKey.Generate();
        var sig = key.PublicKey.ToJwk();
        sig["use"] = "sig";
        var doc = DidJwk.ResolveDocument(DidJwk.Create(sig));
        Assert.That(doc["keyAgreement"], Is.Null);
        Assert.That(doc["assertionMethod"], Is.Not.Null);

        var enc = key.PublicKey.ToJwk();
        enc["use"] = "enc";
        doc = DidJwk.ResolveDocument(DidJwk.Create(enc));
        Assert.That(doc["keyAgreement"], Is.Not.Null);
        Assert.That(doc["assertionMethod"], Is.Null);
    }

    [TestCase("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}""", "private key", TestName = "Resolve_Rejects_PrivateKey")]
    [TestCase("""{"kty":"EC","crv":"P-256","x":"acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0","y":"AAcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE"}""", "not on the P-256 curve", TestName = "Resolve_Rejects_PointOffCurve")]
    [TestCase("""{"kty":"RSA","n":"AQAB","e":"AQAB"}""", "not supported", TestName = "Resolve_Rejects_UnsupportedKeyType")]
    [TestCase("""{"kty":"OKP","crv":"Ed25519","x":"AAEC"}""", "32 bytes", TestName = "Resolve_Rejects_ShortKey")]
    [TestCase("""[1,2]""", "JSON object", TestName = "Resolve_Rejects_NotAnObject")]
    [TestCase("""{"crv":"Ed25519"}""", "no \"kty\"", TestName = "Resolve_Rejects_NoKty")]
    public async Task Resolve_Rejects(string jwk, string reason)
    {
        var resolution = await DidJwkResolver.Instance.ResolveAsync(Encode(jwk));
        Assert.That(resolution.Succeeded, Is.False);
        Assert.That(resolution.Problem!.Code, Is.EqualTo("did.invalidDid"));
        Assert.That(resolution.Problem!.Message, Does.Contain(reason));
    }

    [TestCase("did:jwk:", TestName = "Resolve_Rejects_Empty")]
    [TestCase("did:jwk:eyJ+a", TestName = "Resolve_Rejects_NotBase64Url")]
    [TestCase("did:jwk:bm90IGpzb24", TestName = "Resolve_Rejects_NotJson")]
    [TestCase("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", TestName = "Resolve_Rejects_OtherMethod")]
    public void TryResolve_RejectsMalformed(string did)
    {
        Assert.That(DidJwk.TryResolveDocument(did, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(DidCodes.InvalidDid));
        Assert.That(problem.Message, Is.Not.Empty);
        Assert.Throws<FormatException>(() => DidJwk.ResolveDocument(did));
    }

    [Test]
    public async Task Registry_Default_ResolvesKeyAndJwk_ButNotWeb()
    {
        using var key = Ed25519SigningKey.Generate();
        Assert.That((await DidResolverRegistry.Default.ResolveAsync(DidJwk.Create(key.PublicKey))).Succeeded, Is.True);
        Assert.That((await DidResolverRegistry.Default.ResolveAsync(DidKey.Create(key.PublicKey))).Succeeded, Is.True);
        var web = await DidResolverRegistry.Default.ResolveAsync("did:web:example.edu");
        Assert.That(web.Problem!.Code, Is.EqualTo("did.methodNotSupported"));
        Assert.That(web.Problem!.Message, Does.Contain("resource resolver"));
    }
}
