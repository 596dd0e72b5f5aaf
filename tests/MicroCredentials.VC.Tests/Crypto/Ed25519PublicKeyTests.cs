using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Crypto;

public class Ed25519PublicKeyTests
{
    private const string VcDiEddsaPublic = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    [Test]
    public void FromMultibase_RoundTrips()
    {
        var key = Ed25519PublicKey.FromMultibase(VcDiEddsaPublic);
        Assert.That(key.Bytes.Length, Is.EqualTo(32));
        Assert.That(key.ToMultibase(), Is.EqualTo(VcDiEddsaPublic));
        Assert.That(key.ToString(), Is.EqualTo(VcDiEddsaPublic));
        Assert.That(Ed25519PublicKey.FromBytes(key.Bytes).ToMultibase(), Is.EqualTo(VcDiEddsaPublic));
    }

    [Test]
    public void DidKey_Forms()
    {
        var key = Ed25519PublicKey.FromMultibase(VcDiEddsaPublic);
        Assert.That(DidKey.Create(key), Is.EqualTo("did:key:" + VcDiEddsaPublic));
        Assert.That(DidKey.CreateVerificationMethodId(key), Is.EqualTo("did:key:" + VcDiEddsaPublic + "#" + VcDiEddsaPublic));
    }

    public static IEnumerable<TestCaseData> BadMultibase()
    {
        yield return new TestCaseData("", "start with 'z'").SetArgDisplayNames("Empty");
        yield return new TestCaseData("z", "no data").SetArgDisplayNames("PrefixOnly");
        yield return new TestCaseData("u7QE", "start with 'z'").SetArgDisplayNames("Base64Url");
        yield return new TestCaseData("zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169", "p256-pub").SetArgDisplayNames("P256");
        yield return new TestCaseData("z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc", "x25519-pub").SetArgDisplayNames("X25519");
        yield return new TestCaseData("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq", "ed25519-priv").SetArgDisplayNames("SecretKeyGiven");
        yield return new TestCaseData(Multibase.EncodeBase58Btc([0xed, 0x01, .. new byte[31]]), "got 31").SetArgDisplayNames("Short");
        yield return new TestCaseData(Multibase.EncodeBase58Btc([0xed, 0x01, .. new byte[33]]), "got 33").SetArgDisplayNames("Long");
    }

    [TestCaseSource(nameof(BadMultibase))]
    public void FromMultibase_Invalid_ThrowsFormatException(string value, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Ed25519PublicKey.FromMultibase(value));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(Ed25519PublicKey.TryFromMultibase(value, out var key), Is.False);
        Assert.That(key, Is.Null);
    }

    [Test]
    public void FromBytes_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ed25519PublicKey.FromBytes(new byte[31]));
        Assert.Throws<ArgumentException>(() => Ed25519PublicKey.FromBytes(new byte[33]));
    }

    [Test]
    public void Jwk_RoundTrips()
    {
        var key = Ed25519PublicKey.FromMultibase(VcDiEddsaPublic);
        var jwk = key.ToJwk();
        Assert.That(jwk.ToJsonString(), Does.StartWith("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""));
        Assert.That(Ed25519PublicKey.FromJwk(jwk), Is.EqualTo(key));
        Assert.That(Ed25519PublicKey.TryFromJwk(jwk, out var again), Is.True);
        Assert.That(again, Is.EqualTo(key));
    }

    [Test]
    public void FromJwk_VcJoseCoseVerificationMethod()
    {
        var jwk = JsonNode.Parse("""{"alg":"EdDSA","crv":"Ed25519","kid":"2aOHaQxsWVT4mLsUkdtlCnUV-au0BBR-5yPYaPaCc5k","kty":"OKP","x":"NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI"}""")!.AsObject();
        var key = Ed25519PublicKey.FromJwk(jwk);
        Assert.That(Base64Url.Encode(key.Bytes), Is.EqualTo("NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI"));
    }

    [TestCase("""{"kty":"OKP","crv":"Ed25519"}""", "no \"x\"")]
    [TestCase("""{"kty":"OKP","crv":"Ed448","x":"AAAA"}""", "\"crv\" is \"Ed448\"")]
    [TestCase("""{"kty":"RSA","n":"AAAA","e":"AQAB"}""", "\"kty\" is \"RSA\"")]
    [TestCase("""{"kty":"OKP","crv":"Ed25519","x":"AAAA"}""", "32 bytes")]
    [TestCase("""{"kty":"OKP","crv":"Ed25519","x":null,"y":1}""", "no \"x\"")]
    public void FromJwk_Invalid_ThrowsFormatException(string json, string expected)
    {
        var jwk = JsonNode.Parse(json)!.AsObject();
        var e = Assert.Throws<FormatException>(() => Ed25519PublicKey.FromJwk(jwk));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(Ed25519PublicKey.TryFromJwk(jwk, out _), Is.False);
    }

    [Test]
    public void Equality_IsByValue()
    {
        var a = Ed25519PublicKey.FromMultibase(VcDiEddsaPublic);
        var b = Ed25519PublicKey.FromBytes(a.ToArray());
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a.Equals(null), Is.False);
        var bytes = a.ToArray();
        bytes[0] ^= 1;
        Assert.That(Ed25519PublicKey.FromBytes(bytes), Is.Not.EqualTo(a));
    }

    [Test]
    public void ToArray_IsACopy()
    {
        var a = Ed25519PublicKey.FromMultibase(VcDiEddsaPublic);
        var copy = a.ToArray();
        copy[0] ^= 0xff;
        Assert.That(a.ToMultibase(), Is.EqualTo(VcDiEddsaPublic));
    }

    [Test]
    public void Verify_WrongLengthSignature_ReturnsFalse()
    {
        var a = Ed25519PublicKey.FromMultibase(VcDiEddsaPublic);
        Assert.That(a.Verify("m"u8, new byte[63]), Is.False);
        Assert.That(a.Verify("m"u8, new byte[65]), Is.False);
        Assert.That(a.Verify("m"u8, default), Is.False);
    }
}
