using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Tests.Crypto;

public class Ed25519SigningKeyTests
{
    private const string VcDiEddsaSecret = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    private const string VcDiEddsaPublic = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    // Open Badges 3.0 linked-data-proof-ob keyPair.json: 64-byte seed || public key, base58btc without multicodec.
    private const string ObSecret = "zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx";
    private const string ObPublic = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    private const string ObSeedHex = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4";

    [Test]
    public void ImportSecretMultibase_VcDiEddsaKey_GivesItsPublicKey()
    {
        using var key = Ed25519SigningKey.ImportSecretMultibase(VcDiEddsaSecret);
        Assert.That(key.PublicKey.ToMultibase(), Is.EqualTo(VcDiEddsaPublic));
        Assert.That(key.ExportPolicy, Is.EqualTo(KeyExportPolicy.None));
    }

    [Test]
    public void ImportSecretMultibase_64ByteZrvForm_ChecksAndGivesThePublicKey()
    {
        using var key = Ed25519SigningKey.ImportSecretMultibase(ObSecret, KeyExportPolicy.AllowPlaintextExport);
        Assert.That(key.PublicKey.ToMultibase(), Is.EqualTo(ObPublic));
        Assert.That(Convert.ToHexStringLower(key.ExportSeed()), Is.EqualTo(ObSeedHex));
    }

    [Test]
    public void ImportSecretMultibase_64ByteFormWithWrongPublicHalf_FailsWithoutEchoingTheSecret()
    {
        var bytes = Multibase.Decode(ObSecret);
        bytes[40] ^= 1;
        var tampered = Multibase.EncodeBase58Btc(bytes);
        var e = Assert.Throws<FormatException>(() => Ed25519SigningKey.ImportSecretMultibase(tampered));
        Assert.That(e!.Message, Does.Contain("does not match"));
        Assert.That(e.Message, Does.Not.Contain(tampered).And.Not.Contain(tampered[1..20]));
        Assert.That(Ed25519SigningKey.TryImportSecretMultibase(tampered, KeyExportPolicy.None, out var key), Is.False);
        Assert.That(key, Is.Null);
    }

    [Test]
    public void ImportSecretMultibase_PrivPrefixWith64ByteBody_IsAccepted()
    {
        using var reference = Ed25519SigningKey.ImportSecretMultibase(VcDiEddsaSecret, KeyExportPolicy.AllowPlaintextExport);
        byte[] body = [0x80, 0x26, .. reference.ExportSeed(), .. reference.PublicKey.Bytes];
        using var key = Ed25519SigningKey.ImportSecretMultibase(Multibase.EncodeBase58Btc(body));
        Assert.That(key.PublicKey, Is.EqualTo(reference.PublicKey));
    }

    public static IEnumerable<TestCaseData> BadSecretMultibase()
    {
        yield return new TestCaseData("", "start with 'z'").SetArgDisplayNames("Empty");
        yield return new TestCaseData("u" + Base64Url.Encode(new byte[34]), "start with 'z'").SetArgDisplayNames("NotBase58");
        yield return new TestCaseData("z0OIl", "alphabet").SetArgDisplayNames("BadBase58Characters");
        yield return new TestCaseData(VcDiEddsaPublic, "looks like a public key").SetArgDisplayNames("PublicKeyGiven");
        yield return new TestCaseData(Multibase.EncodeBase58Btc([0x80, 0x26, .. new byte[31]]), "got 31 bytes").SetArgDisplayNames("SeedTooShort");
        yield return new TestCaseData(Multibase.EncodeBase58Btc([0x80, 0x26, .. new byte[33]]), "got 33 bytes").SetArgDisplayNames("SeedTooLong");
        yield return new TestCaseData(Multibase.EncodeBase58Btc([0x86, 0x26, .. new byte[32]]), "p256-priv").SetArgDisplayNames("P256PrivateKey");
        yield return new TestCaseData(Multibase.EncodeBase58Btc([0x81, 0x26, .. new byte[32]]), "secp256k1-priv").SetArgDisplayNames("Secp256k1PrivateKey");
        yield return new TestCaseData(Multibase.EncodeBase58Btc([0xff, 0xff]), "multicodec").SetArgDisplayNames("TruncatedVarint");
    }

    [TestCaseSource(nameof(BadSecretMultibase))]
    public void ImportSecretMultibase_Invalid_ThrowsFormatExceptionNamingTheProblem(string value, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Ed25519SigningKey.ImportSecretMultibase(value));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(Ed25519SigningKey.TryImportSecretMultibase(value, KeyExportPolicy.None, out _), Is.False);
    }

    [Test]
    public void ImportSecretMultibase_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Ed25519SigningKey.ImportSecretMultibase(null!));
        Assert.That(Ed25519SigningKey.TryImportSecretMultibase(null, KeyExportPolicy.None, out _), Is.False);
    }

    [Test]
    public void ExportSecretMultibase_RoundTrips_AndStartsWithZ3u2()
    {
        using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var exported = key.ExportSecretMultibase();
        Assert.That(exported, Does.StartWith("z3u2"));
        using var again = Ed25519SigningKey.ImportSecretMultibase(exported);
        Assert.That(again.PublicKey, Is.EqualTo(key.PublicKey));
        Assert.That(Ed25519SigningKey.ImportSecretMultibase(VcDiEddsaSecret, KeyExportPolicy.AllowPlaintextExport).ExportSecretMultibase(), Is.EqualTo(VcDiEddsaSecret));
    }

    [Test]
    public void Export_IsBlockedByDefault()
    {
        using var key = Ed25519SigningKey.Generate();
        Assert.Throws<InvalidOperationException>(() => key.ExportSeed());
        Assert.Throws<InvalidOperationException>(() => key.ExportSecretMultibase());
        Assert.Throws<InvalidOperationException>(() => key.ExportPrivateJwk());
    }

    [Test]
    public void FromSeed_WrongLength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Ed25519SigningKey.FromSeed(new byte[31]));
        Assert.Throws<ArgumentException>(() => Ed25519SigningKey.FromSeed(new byte[64]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ed25519SigningKey.FromSeed(new byte[32], (KeyExportPolicy)7));
    }

    [Test]
    public void Sign_IntoSpan_RequiresExactly64Bytes()
    {
        using var key = Ed25519SigningKey.Generate();
        Assert.Throws<ArgumentException>(() => key.Sign("m"u8, new byte[63]));
        Assert.Throws<ArgumentException>(() => key.Sign("m"u8, new byte[65]));
        var signature = new byte[64];
        key.Sign("m"u8, signature);
        Assert.That(key.PublicKey.Verify("m"u8, signature), Is.True);
        Assert.That(signature, Is.EqualTo(key.Sign("m"u8)));
    }

    [Test]
    public void Dispose_ZeroesAndBlocksLaterUse()
    {
        var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var publicKey = key.PublicKey;
        key.Dispose();
        key.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => key.Sign("m"u8));
        Assert.Throws<ObjectDisposedException>(() => key.ExportSeed());
        Assert.Throws<ObjectDisposedException>(() => key.ExportSecretMultibase());
        Assert.Throws<ObjectDisposedException>(() => key.ExportPrivateJwk());
        Assert.That(key.PublicKey, Is.EqualTo(publicKey), "the public key stays readable");
    }

    [Test]
    public void ToString_ShowsOnlyThePublicKey()
    {
        using var key = Ed25519SigningKey.ImportSecretMultibase(VcDiEddsaSecret);
        Assert.That(key.ToString(), Is.EqualTo("Ed25519SigningKey(" + VcDiEddsaPublic + ")"));
    }

    [Test]
    public void Jwk_ExportAndImport_RoundTrip()
    {
        using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var jwk = key.ExportPrivateJwk();
        Assert.That(jwk["kty"]!.GetValue<string>(), Is.EqualTo("OKP"));
        Assert.That(jwk["crv"]!.GetValue<string>(), Is.EqualTo("Ed25519"));
        Assert.That(Base64Url.Decode(jwk["d"]!.GetValue<string>()), Is.EqualTo(key.ExportSeed()));
        using var again = Ed25519SigningKey.ImportJwk(jwk);
        Assert.That(again.PublicKey, Is.EqualTo(key.PublicKey));
        Assert.That(Ed25519PublicKey.FromJwk(jwk), Is.EqualTo(key.PublicKey), "the public part of a private JWK");
    }

    [Test]
    public void ImportJwk_VcJoseCoseKey_MatchesItsX()
    {
        var jwk = new JsonObject
        {
            ["alg"] = "EdDSA",
            ["crv"] = "Ed25519",
            ["d"] = "cbxP1TvbhLteRSspEvwxEuFKRDHWpGmPla8ePI0cmv8",
            ["kid"] = "2aOHaQxsWVT4mLsUkdtlCnUV-au0BBR-5yPYaPaCc5k",
            ["kty"] = "OKP",
            ["x"] = "NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI",
        };
        using var key = Ed25519SigningKey.ImportJwk(jwk);
        Assert.That(Base64Url.Encode(key.PublicKey.Bytes), Is.EqualTo("NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI"));
    }

    public static IEnumerable<TestCaseData> BadPrivateJwks()
    {
        const string d = "cbxP1TvbhLteRSspEvwxEuFKRDHWpGmPla8ePI0cmv8";
        const string x = "NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI";
        yield return new TestCaseData("""{"kty":"EC","crv":"P-256","d":"AAAA"}""", "\"kty\" is \"EC\"").SetArgDisplayNames("EcKey");
        yield return new TestCaseData("""{"kty":"OKP","crv":"X25519","d":"AAAA"}""", "\"crv\" is \"X25519\"").SetArgDisplayNames("X25519");
        yield return new TestCaseData("""{"crv":"Ed25519","d":"AAAA"}""", "no \"kty\"").SetArgDisplayNames("NoKty");
        yield return new TestCaseData($$"""{"kty":"OKP","crv":"Ed25519","x":"{{x}}"}""", "public key").SetArgDisplayNames("PublicOnly");
        yield return new TestCaseData($$"""{"kty":"OKP","crv":"Ed25519","d":"{{d}}","x":"{{d}}"}""", "does not match").SetArgDisplayNames("XMismatch");
        yield return new TestCaseData("""{"kty":"OKP","crv":"Ed25519","d":"AAAA"}""", "32 bytes, got 3").SetArgDisplayNames("ShortD");
        yield return new TestCaseData($$"""{"kty":"OKP","crv":"Ed25519","d":"{{d}}="}""", "padding").SetArgDisplayNames("PaddedD");
        yield return new TestCaseData($$"""{"kty":"OKP","crv":"Ed25519","d":"+{{d[1..]}}"}""", "alphabet").SetArgDisplayNames("Base64NotUrl");
        yield return new TestCaseData($$"""{"kty":"OKP","crv":"Ed25519","alg":"ES256","d":"{{d}}"}""", "\"alg\"").SetArgDisplayNames("WrongAlg");
        yield return new TestCaseData("""{"kty":"OKP","crv":"Ed25519","d":42}""", "must be a string").SetArgDisplayNames("DNotString");
    }

    [TestCaseSource(nameof(BadPrivateJwks))]
    public void ImportJwk_Invalid_ThrowsFormatExceptionNamingTheProblem(string json, string expected)
    {
        var jwk = JsonNode.Parse(json)!.AsObject();
        var e = Assert.Throws<FormatException>(() => Ed25519SigningKey.ImportJwk(jwk));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(e.Message, Does.Not.Contain("cbxP1Tvb"));
        Assert.That(Ed25519SigningKey.TryImportJwk(jwk, KeyExportPolicy.None, out _), Is.False);
    }

    [Test]
    public void ImportJwk_WithoutX_IsAccepted()
    {
        var jwk = JsonNode.Parse("""{"kty":"OKP","crv":"Ed25519","d":"cbxP1TvbhLteRSspEvwxEuFKRDHWpGmPla8ePI0cmv8"}""")!.AsObject();
        using var key = Ed25519SigningKey.ImportJwk(jwk);
        Assert.That(Base64Url.Encode(key.PublicKey.Bytes), Is.EqualTo("NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI"));
    }

    [Test]
    public void Generate_GivesDistinctKeys()
    {
        using var a = Ed25519SigningKey.Generate();
        using var b = Ed25519SigningKey.Generate();
        Assert.That(a.PublicKey, Is.Not.EqualTo(b.PublicKey));
    }
}
