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
        Assert.Throws<FormatException>(() => DidKey.ResolveDocument("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"));

    private static JsonObject EcdsaKeyPair(string file) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(TestSupport.Shared.Vectors("vc-di-ecdsa", "TestVectors", file)))!;

    [TestCase("p256KeyPair.json", "zDn", "P-256", TestName = "ResolveDocument_P256VectorKey_HasTheMultikeyMethod")]
    [TestCase("p384KeyPair.json", "z82", "P-384", TestName = "ResolveDocument_P384VectorKey_HasTheMultikeyMethod")]
    public async Task ResolveDocument_EcdsaKey_HasTheMultikeyMethod(string file, string prefix, string crv)
    {
        var pair = EcdsaKeyPair(file);
        var multikey = (string)pair["publicKeyMultibase"]!;
        Assert.That(multikey, Does.StartWith(prefix));
        var did = "did:key:" + multikey;
        var doc = DidKey.ResolveDocument(did);
        var vm = doc["verificationMethod"]!.AsArray().Single()!.AsObject();
        Assert.That((string?)vm["id"], Is.EqualTo(did + "#" + multikey));
        Assert.That((string?)vm["type"], Is.EqualTo("Multikey"));
        Assert.That((string?)vm["controller"], Is.EqualTo(did));
        Assert.That((string?)vm["publicKeyMultibase"], Is.EqualTo(multikey));
        Assert.That(doc["assertionMethod"]!.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { did + "#" + multikey }));

        // the key the did:key resolves to is the vector's key pair
        using var secret = EcMultikey.ImportPrivateKey((string)pair["secretKeyMultibase"]!);
        Assert.That(DidKey.Create(secret), Is.EqualTo(did));
        Assert.That(DidKey.CreateVerificationMethodId(secret), Is.EqualTo(did + "#" + multikey));
        var q = secret.ExportParameters(false).Q;

        foreach (var (name, resolver) in new[] { ("fast path", DidVerificationMethodResolver.Default), ("through the document", new DidVerificationMethodResolver(DidKeyResolver.Instance)) })
        {
            foreach (var vmId in new[] { did + "#" + multikey, did })
            {
                var result = await resolver.ResolveAsync(vmId, "assertionMethod");
                Assert.That(result.Succeeded, Is.True, name + " " + result.Problem?.Message);
                Assert.That(result.AuthorizedForPurpose, Is.True, name);
                Assert.That(result.Method!.Id, Is.EqualTo(did + "#" + multikey), name + ": a bare did:key names its one key");
                Assert.That(result.Method.Controller, Is.EqualTo(did), name);
                Assert.That(result.Method.PublicKey, Is.Null, name);
                var jwk = result.Method.PublicKeyJwk!;
                Assert.That((string?)jwk["kty"], Is.EqualTo("EC"), name);
                Assert.That((string?)jwk["crv"], Is.EqualTo(crv), name);
                Assert.That((string?)jwk["x"], Is.EqualTo(Base64Url.Encode(q.X)), name);
                Assert.That((string?)jwk["y"], Is.EqualTo(Base64Url.Encode(q.Y)), name);
            }
        }
    }

    [TestCase("example25-a-p-256-public-key-encoded-as-a-multikey.json", "P-256", TestName = "EcMultikey_CidP256Example_RoundTrips")]
    [TestCase("example26-a-p-384-public-key-encoded-as-a-multikey.json", "P-384", TestName = "EcMultikey_CidP384Example_RoundTrips")]
    public void EcMultikey_CidExample_RoundTrips(string file, string crv)
    {
        var vm = (JsonObject)JsonNode.Parse(File.ReadAllText(TestSupport.Shared.Vectors("cid-v1", "spec-examples", file)))!;
        var multikey = (string)vm["publicKeyMultibase"]!;
        using var key = EcMultikey.ImportPublicKey(multikey);
        Assert.That(key.KeySize, Is.EqualTo(crv == "P-256" ? 256 : 384));
        Assert.That(EcMultikey.ExportPublicKey(key), Is.EqualTo(multikey));
        Assert.That(DidKey.ResolveDocument("did:key:" + multikey)["id"]!.GetValue<string>(), Is.EqualTo("did:key:" + multikey));
    }

    [Test]
    public void EcMultikey_PointNotOnCurve_IsRejected()
    {
        var bytes = Multibase.Decode("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP");
        var found = false;
        for (var b = 0; b < 256 && !found; b++)
        {
            // x values with no point on the curve exist for about half of all x; find one by changing the last byte
            bytes[^1] = (byte)b;
            var candidate = Multibase.EncodeBase58Btc(bytes);
            try
            {
                using var _ = EcMultikey.ImportPublicKey(candidate);
            }
            catch (FormatException e)
            {
                found = true;
                Assert.That(e.Message, Does.Contain("not a point on the curve"));
                var ex = Assert.Throws<FormatException>(() => DidKey.ResolveDocument("did:key:" + candidate));
                Assert.That(ex!.Message, Does.Contain("p256-pub"));
            }
        }

        Assert.That(found, Is.True);
    }

    [Test]
    public void EcMultikey_WrongLength_IsRejected()
    {
        var bytes = Multibase.Decode("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP");
        var e = Assert.Throws<FormatException>(() => EcMultikey.ImportPublicKey(Multibase.EncodeBase58Btc(bytes[..^1])));
        Assert.That(e!.Message, Does.Contain("compressed point of 33 bytes"));
    }
}
