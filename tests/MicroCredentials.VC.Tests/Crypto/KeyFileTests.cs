using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Crypto;

public class KeyFileTests
{
    private const string VcDiEddsaSecret = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    private const string VcDiEddsaPublic = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    [Test]
    public void Load_VcDiEddsaKeyPair_UsesTheDidKeyVerificationMethod()
    {
        using var loaded = KeyFile.Load(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "keyPair.json")));
        Assert.That(loaded.Key.PublicKey.ToMultibase(), Is.EqualTo(VcDiEddsaPublic));
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("did:key:" + VcDiEddsaPublic + "#" + VcDiEddsaPublic));
        Assert.That(loaded.Controller, Is.EqualTo("did:key:" + VcDiEddsaPublic));
    }

    [Test]
    public void Load_PemPkcs8Ed25519_IsTheSameKeyAsItsMultikeyForm()
    {
        // The vc-di-eddsa seed as openssl writes it (RFC 8410 §7): the same key every command's --key reads.
        Assert.That(Multibase.TryDecode(VcDiEddsaSecret, out var secret), Is.True);
        var der = Convert.FromHexString("302e020100300506032b657004220420").Concat(secret![2..]).ToArray();
        var pem = "-----BEGIN PRIVATE KEY-----\n" + Convert.ToBase64String(der) + "\n-----END PRIVATE KEY-----\n";
        using var loaded = KeyFile.Load(pem);
        Assert.That(loaded.Key.PublicKey.ToMultibase(), Is.EqualTo(VcDiEddsaPublic));
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("did:key:" + VcDiEddsaPublic + "#" + VcDiEddsaPublic));
    }

    [Test]
    public void Load_PemThatIsNotEd25519_SaysSoWithoutJsonWords()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        Assert.That(KeyFile.TryLoad(ecdsa.ExportPkcs8PrivateKeyPem(), out _, out var error), Is.False);
        Assert.That(error, Does.Contain("no Ed25519 private key").And.Not.Contain("JSON"));
    }

    public static IEnumerable<TestCaseData> ProofSetChainKeyPairs()
    {
        var file = JsonNode.Parse(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "proof-set-chain", "multiKeyPairs.json")))!.AsObject();
        foreach (var (name, value) in file)
        {
            yield return new TestCaseData(value!.ToJsonString(), value["publicKeyMultibase"]!.GetValue<string>()).SetArgDisplayNames(name);
        }
    }

    [TestCaseSource(nameof(ProofSetChainKeyPairs))]
    public void Load_ProofSetChainKeyPair(string json, string publicKeyMultibase)
    {
        using var loaded = KeyFile.Load(json);
        Assert.That(loaded.Key.PublicKey.ToMultibase(), Is.EqualTo(publicKeyMultibase));
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("did:key:" + publicKeyMultibase + "#" + publicKeyMultibase));
    }

    [Test]
    public void Load_ProofSetChainFile_HasFourKeyPairs() =>
        Assert.That(ProofSetChainKeyPairs().Count(), Is.EqualTo(4));

    [Test]
    public void Load_OpenBadgesKeyPair_UsesItsIdAndController()
    {
        using var loaded = KeyFile.Load(File.ReadAllText(Shared.Vectors("openbadges-v3", "test-vectors", "obv3p0", "keyPair.json")));
        Assert.That(loaded.Key.PublicKey.ToMultibase(), Is.EqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"));
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"));
        Assert.That(loaded.Controller, Is.EqualTo("https://example.edu/issuers/565049"));
    }

    [Test]
    public void Load_VcJoseCoseVerificationMethod_UsesSecretKeyJwk()
    {
        using var loaded = KeyFile.Load(File.ReadAllText(Shared.Vectors("vc-jose-cose-test-suite", "tests", "input", "vm-ed25519.json")));
        Assert.That(Base64Url.Encode(loaded.Key.PublicKey.Bytes), Is.EqualTo("NvUhsjZe7Mdv8Esoc60o3ma1U5j2tFUTDsOQd39xMnI"));
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("https://example.issuer/vc-jose-cose#key-4"));
        Assert.That(loaded.Controller, Is.EqualTo("https://example.issuer/vc-jose-cose"));
    }

    [Test]
    public void Create_ThenLoad_RoundTrips()
    {
        using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var text = KeyFile.Create(key);
        var json = JsonNode.Parse(text)!.AsObject();
        Assert.That(json["did"]!.GetValue<string>(), Is.EqualTo(DidKey.Create(key.PublicKey)));
        Assert.That(json["verificationMethod"]!.GetValue<string>(), Is.EqualTo(DidKey.CreateVerificationMethodId(key.PublicKey)));
        Assert.That(json["publicKeyMultibase"]!.GetValue<string>(), Does.StartWith("z6Mk"));
        Assert.That(json["secretKeyMultibase"]!.GetValue<string>(), Does.StartWith("z3u2"));
        Assert.That(json["publicKeyJwk"]!["x"], Is.Not.Null);
        Assert.That(json["privateKeyJwk"]!["d"], Is.Not.Null);

        using var loaded = KeyFile.Load(text);
        Assert.That(loaded.Key.PublicKey, Is.EqualTo(key.PublicKey));
        Assert.That(loaded.VerificationMethodId, Is.EqualTo(DidKey.CreateVerificationMethodId(key.PublicKey)));
        Assert.That(loaded.Controller, Is.EqualTo(DidKey.Create(key.PublicKey)));
        Assert.That(loaded.Key.ExportPolicy, Is.EqualTo(KeyExportPolicy.None));
        Assert.That(() => loaded.Key.ExportSeed(), Throws.InvalidOperationException);
    }

    [Test]
    public void Create_RequiresExportPolicy()
    {
        using var key = Ed25519SigningKey.Generate();
        Assert.Throws<InvalidOperationException>(() => KeyFile.Create(key));
        Assert.Throws<ArgumentNullException>(() => KeyFile.Create(null!));
    }

    [Test]
    public void Load_WithExportPolicy_AllowsExport()
    {
        using var loaded = KeyFile.Load(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "keyPair.json")), KeyExportPolicy.AllowPlaintextExport);
        Assert.That(loaded.Key.ExportSecretMultibase(), Is.EqualTo(VcDiEddsaSecret));
    }

    [Test]
    public void Load_ControllerWithoutId_UsesControllerHashMultibase()
    {
        var json = $$"""{"controller":"did:web:example.org","privateKeyMultibase":"{{VcDiEddsaSecret}}"}""";
        using var loaded = KeyFile.Load(json);
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("did:web:example.org#" + VcDiEddsaPublic));
        Assert.That(loaded.Controller, Is.EqualTo("did:web:example.org"));
    }

    [Test]
    public void Load_IdWithoutFragment_IsTheController()
    {
        var json = $$"""{"id":"https://issuer.example","privateKeyMultibase":"{{VcDiEddsaSecret}}"}""";
        using var loaded = KeyFile.Load(json);
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("https://issuer.example#" + VcDiEddsaPublic));
        Assert.That(loaded.Controller, Is.EqualTo("https://issuer.example"));
    }

    [Test]
    public void Load_VerificationMethodField_WinsOverId()
    {
        var json = $$"""{"verificationMethod":"https://a.example/keys#1","id":"https://b.example#2","privateKeyMultibase":"{{VcDiEddsaSecret}}"}""";
        using var loaded = KeyFile.Load(json);
        Assert.That(loaded.VerificationMethodId, Is.EqualTo("https://a.example/keys#1"));
        Assert.That(loaded.Controller, Is.EqualTo("https://a.example/keys"));
    }

    public static IEnumerable<TestCaseData> BadFiles()
    {
        const string other = "z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW"; // proof-set-chain keyPair1
        yield return new TestCaseData("not json", "not valid JSON").SetArgDisplayNames("NotJson");
        yield return new TestCaseData("[1,2]", "must be a JSON object").SetArgDisplayNames("Array");
        yield return new TestCaseData("\"z3u2\"", "must be a JSON object").SetArgDisplayNames("String");
        yield return new TestCaseData($$"""{"publicKeyMultibase":"{{VcDiEddsaPublic}}"}""", "no secret key").SetArgDisplayNames("NoSecret");
        yield return new TestCaseData($$"""{"privateKeyMultibase":"{{VcDiEddsaPublic}}"}""", "not an Ed25519 private key").SetArgDisplayNames("PublicKeyAsSecret");
        yield return new TestCaseData("""{"privateKeyMultibase":"zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"}""", "p256-pub").SetArgDisplayNames("WrongMulticodec");
        yield return new TestCaseData($$"""{"privateKeyMultibase":"{{Multibase.EncodeBase58Btc([0x80, 0x26, .. new byte[20]])}}"}""", "must hold a 32-byte seed").SetArgDisplayNames("WrongLength");
        yield return new TestCaseData($$"""{"privateKeyMultibase":"{{other}}","publicKeyMultibase":"{{VcDiEddsaPublic}}"}""", "\"publicKeyMultibase\" does not match").SetArgDisplayNames("PublicMismatch");
        yield return new TestCaseData($$"""{"secretKeyMultibase":"{{other}}","privateKeyMultibase":"{{VcDiEddsaSecret}}"}""", "hold different secret keys").SetArgDisplayNames("TwoDifferentSecrets");
        yield return new TestCaseData("""{"secretKeyJwk":{"kty":"EC","crv":"P-256","d":"AAAA","x":"AAAA","y":"AAAA"}}""", "not an Ed25519 key").SetArgDisplayNames("NotEd25519Jwk");
        yield return new TestCaseData("""{"secretKeyJwk":"abc"}""", "must be a JSON object").SetArgDisplayNames("JwkNotObject");
        yield return new TestCaseData("""{"privateKeyMultibase":42}""", "must be a string").SetArgDisplayNames("NotString");
        yield return new TestCaseData($$"""{"privateKeyMultibase":"{{other}}","did":"did:key:{{VcDiEddsaPublic}}"}""", "different key").SetArgDisplayNames("DidKeyMismatch");
        yield return new TestCaseData("""{"privateKeyHex":"abcd"}""", "hexadecimal").SetArgDisplayNames("BadHex");
        yield return new TestCaseData("""{"privateKeyMultibase":"z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq", "privateKeyMultibase":"x"}""", "member \"privateKeyMultibase\" twice").SetArgDisplayNames("DuplicateMember");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void Load_Invalid_GivesASpecificErrorWithoutEchoingTheSecret(string json, string expected)
    {
        Assert.That(KeyFile.TryLoad(json, out var key, out var error), Is.False);
        Assert.That(key, Is.Null);
        Assert.That(error, Does.Contain(expected));
        Assert.That(error, Does.Not.Contain("z3u2W4").And.Not.Contain("z3u2en7"));
        var e = Assert.Throws<FormatException>(() => KeyFile.Load(json));
        Assert.That(e!.Message, Is.EqualTo(error));
    }

    [Test]
    public void TryLoad_Null_GivesAnError()
    {
        Assert.That(KeyFile.TryLoad(null, out _, out var error), Is.False);
        Assert.That(error, Is.Not.Empty);
        Assert.Throws<ArgumentNullException>(() => KeyFile.Load(null!));
    }

    [Test]
    public void LoadedKey_Dispose_DisposesTheKey()
    {
        var loaded = KeyFile.Load(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "keyPair.json")));
        loaded.Dispose();
        Assert.Throws<ObjectDisposedException>(() => loaded.Key.Sign("m"u8));
    }
}
