using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Dids;

public class DidKeyTests
{
    private const string Multikey = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private const string Did = "did:key:" + Multikey;
    private const string VerificationMethod = Did + "#" + Multikey;

    [Test]
    public void Parse_DidAndVerificationMethodUrl()
    {
        Assert.That(DidKey.Parse(Did).ToMultibase(), Is.EqualTo(Multikey));
        Assert.That(DidKey.Parse(VerificationMethod).ToMultibase(), Is.EqualTo(Multikey));
        Assert.That(DidKey.TryParse(VerificationMethod, out var key), Is.True);
        Assert.That(key!.ToMultibase(), Is.EqualTo(Multikey));
    }

    [Test]
    public void Create_GivesTheDid()
    {
        var key = Ed25519PublicKey.FromMultibase(Multikey);
        Assert.That(DidKey.Create(key), Is.EqualTo(Did));
        Assert.That(DidKey.CreateVerificationMethodId(key), Is.EqualTo(VerificationMethod));
    }

    [TestCase("did:web:example.org", "must start with \"did:key:\"", TestName = "Parse_Rejects_OtherMethod")]
    [TestCase("did:key:", "start with 'z'", TestName = "Parse_Rejects_Empty")]
    [TestCase("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#key-1", "fragment must equal", TestName = "Parse_Rejects_OtherFragment")]
    [TestCase("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2/path", "only a fragment", TestName = "Parse_Rejects_Path")]
    [TestCase("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169", "p256-pub", TestName = "Parse_Rejects_P256")]
    [TestCase("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "secp256k1-pub", TestName = "Parse_Rejects_Secp256k1")]
    [TestCase("did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc", "x25519-pub", TestName = "Parse_Rejects_X25519")]
    [TestCase("did:key:z0OIl", "base58btc", TestName = "Parse_Rejects_BadBase58")]
    public void Parse_Invalid_GivesAClearError(string value, string expected)
    {
        var e = Assert.Throws<FormatException>(() => DidKey.Parse(value));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(DidKey.TryParse(value, out _), Is.False);
        Assert.That(DidKey.TryParse(value, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(DidCodes.InvalidDid));
        Assert.That(problem.Message, Is.EqualTo(e.Message));
    }

    [Test]
    public void ResolveDocument_HasTheMultikeyVerificationMethodInEveryRelationship()
    {
        var doc = DidKey.ResolveDocument(Did);
        Assert.That(doc["@context"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1" }));
        Assert.That(doc["id"]!.GetValue<string>(), Is.EqualTo(Did));
        var vm = doc["verificationMethod"]!.AsArray().Single()!.AsObject();
        Assert.That(vm["id"]!.GetValue<string>(), Is.EqualTo(VerificationMethod));
        Assert.That(vm["type"]!.GetValue<string>(), Is.EqualTo("Multikey"));
        Assert.That(vm["controller"]!.GetValue<string>(), Is.EqualTo(Did));
        Assert.That(vm["publicKeyMultibase"]!.GetValue<string>(), Is.EqualTo(Multikey));
        foreach (var relationship in new[] { "authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation" })
        {
            Assert.That(doc[relationship]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { VerificationMethod }), relationship);
        }
    }

    [Test]
    public void ResolveDocument_OfAVerificationMethodUrl_GivesTheSameDocument() =>
        Assert.That(JsonNode.DeepEquals(DidKey.ResolveDocument(VerificationMethod), DidKey.ResolveDocument(Did)), Is.True);

    [Test]
    public void ResolveDocument_Unsupported_Throws() =>
        Assert.Throws<FormatException>(() => DidKey.ResolveDocument("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"));
}
