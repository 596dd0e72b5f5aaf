using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Proofs;

/// <summary>W3C vc-di-eddsa test vectors (TestVectors/), every intermediate value byte for byte.</summary>
public class EdDsaVectorTests
{
    // Unsigned: the unsigned input; null when it is the signed document without its proof (the legacy suite adds its own context).
    public sealed record Vector(string Name, ICryptosuite Suite, string Folder, string Suffix, string? Unsigned);

    private static readonly Vector[] Vectors =
    [
        new("eddsa-jcs-2022 (alumni)", Cryptosuites.EdDsaJcs2022, "eddsa-jcs-2022", "JCS", "unsigned.json"),
        new("eddsa-rdfc-2022 (alumni)", Cryptosuites.EdDsaRdfc2022, "eddsa-rdfc-2022", "DataInt", "unsigned.json"),
        new("eddsa-rdfc-2022 (employ)", Cryptosuites.EdDsaRdfc2022, Path.Combine("eddsa-rdfc-2022", "employ"), "DataInt", "employmentAuth.json"),
        new("Ed25519Signature2020 (alumni)", Cryptosuites.Ed25519Signature2020, "Ed25519Signature2020", "EdSig", null),
    ];

    private static IEnumerable<TestCaseData> Cases() => Vectors.Select(v => new TestCaseData(v).SetName("{m}(" + v.Name + ")"));

    private static string Dir(params string[] parts) => Shared.Vectors(["vc-di-eddsa", "TestVectors", .. parts]);

    private static string Read(Vector v, string stem) => File.ReadAllText(Path.Combine(Dir(v.Folder), stem + v.Suffix + ".txt"));

    private static string ReadOptional(Vector v, string stem)
    {
        var path = Path.Combine(Dir(v.Folder), stem + v.Suffix + ".txt");
        return File.Exists(path) ? File.ReadAllText(path) : File.ReadAllText(Path.Combine(Dir(v.Folder), stem + v.Suffix.ToLowerInvariant() + ".txt"));
    }

    private static JsonObject Json(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    private static JsonObject Signed(Vector v) => Json(Directory.GetFiles(Dir(v.Folder), "signed*.json").Single());

    private static JsonObject ProofConfig(Vector v) => Json(Directory.GetFiles(Dir(v.Folder), "proofConfig*.json").Single());

    private static JsonObject Unsigned(Vector v)
    {
        if (v.Unsigned is not null)
        {
            return Json(Dir(v.Unsigned));
        }

        var doc = Signed(v);
        doc.Remove("proof");
        return doc;
    }

    private static LoadedKey Key() => KeyFile.Load(File.ReadAllText(Dir("keyPair.json")));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [TestCaseSource(nameof(Cases))]
    public async Task Sign_ReproducesSignedVector(Vector v)
    {
        using var key = Key();
        var expected = Signed(v);
        var created = VC.Model.XsdDateTime.TryParse((string?)expected["proof"]!["created"], out var c) ? c : throw new AssertionException("no created");
        var unsigned = Unsigned(v);
        var before = unsigned.ToJsonString();

        var signed = await DataIntegrity.AddProofAsync(unsigned, v.Suite, new Ed25519Signer(key.Key, key.VerificationMethodId), new ProofOptions { VerificationMethod = DidKey.CreateVerificationMethodId(key.Key.PublicKey), Created = created });

        Assert.That((string?)signed["proof"]!["proofValue"], Is.EqualTo((string?)expected["proof"]!["proofValue"]));
        Assert.That(JsonNode.DeepEquals(signed, expected), Is.True, signed.ToJsonString());
        Assert.That(unsigned.ToJsonString(), Is.EqualTo(before), "signing must not change the caller's document");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Steps_MatchEveryIntermediateValue(Vector v)
    {
        using var key = Key();
        var unsigned = Unsigned(v);
        var inputs = v.Suite.Configure(unsigned, ProofConfig(v).DeepClone().AsObject(), verifying: false);
        var hashData = await v.Suite.HashDataAsync(inputs.Document, inputs.Configuration, CryptosuiteContext.Default);

        Assert.That(Hex(hashData[..32]), Is.EqualTo(Read(v, "proofHash").Trim()), "proofHash");
        Assert.That(Hex(hashData[32..]), Is.EqualTo(Read(v, "docHash").Trim()), "docHash");
        Assert.That(Hex(hashData), Is.EqualTo(Read(v, "combinedHash").Trim()), "combinedHash");
        var signature = key.Key.Sign(hashData);
        Assert.That(Hex(signature), Is.EqualTo(Read(v, "sigHex").Trim()), "sigHex");
        Assert.That(Multibase.EncodeBase58Btc(signature), Is.EqualTo(Read(v, "sigBTC58").Trim()), "proofValue");

        // the canonical forms themselves
        Assert.That(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Read(v, "canonDoc")))), Is.EqualTo(Read(v, "docHash").Trim()), "vector self-check");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_SignedVector_Passes(Vector v)
    {
        var results = await DataIntegrity.VerifyAsync(Signed(v), CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].Verified, Is.True, results[0].Message);
        Assert.That(results[0].Method!.Method!.Controller, Does.StartWith("did:key:z6Mk"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_OneCharacterChanged_Fails(Vector v)
    {
        var doc = Signed(v);
        doc["credentialSubject"]!["id"] = ((string?)doc["credentialSubject"]!["id"] ?? "did:example:x") + "x";
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Verified, Is.False);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_ProofValueChanged_Fails(Vector v)
    {
        var doc = Signed(v);
        var pv = (string)doc["proof"]!["proofValue"]!;
        doc["proof"]!["proofValue"] = pv[..^2] + (pv[^2] == 'a' ? 'b' : 'a') + pv[^1];
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Verified, Is.False);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_SuiteNotAllowed_Fails(Vector v)
    {
        var other = v.Suite == Cryptosuites.EdDsaJcs2022 ? Cryptosuites.EdDsaRdfc2022 : Cryptosuites.EdDsaJcs2022;
        var results = await DataIntegrity.VerifyAsync(Signed(v), CryptosuiteRegistry.Of(other), DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo(v.Suite.ProofType == "DataIntegrityProof" ? "signature.unsupportedCryptosuite" : "signature.unsupportedProofType"));
    }

    [Test]
    public async Task Verify_JcsProofRelabelledAsRdfc_Fails()
    {
        var doc = Signed(Vectors[0]);
        doc["proof"]!["cryptosuite"] = "eddsa-rdfc-2022";
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Verified, Is.False);
    }

    [Test]
    public async Task Verify_JcsProofContextNotAPrefix_Fails()
    {
        var doc = Signed(Vectors[0]);
        doc["proof"]!["@context"] = new JsonArray("https://www.w3.org/ns/credentials/examples/v2");
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.proofContext"));
    }

    [Test]
    public async Task Verify_WrongKey_Fails()
    {
        var doc = Signed(Vectors[1]);
        using var other = Ed25519SigningKey.Generate();
        doc["proof"]!["verificationMethod"] = DidKey.CreateVerificationMethodId(other.PublicKey);
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCase("proof-set-chain/signedProofSet2.json", 2, TestName = "ProofSet_TwoProofs_AllVerify")]
    [TestCase("proof-set-chain/signedProofChain1.json", 3, TestName = "ProofChain_FirstLink_AllVerify")]
    [TestCase("proof-set-chain/signedProofChain2.json", 4, TestName = "ProofChain_SecondLink_AllVerify")]
    public async Task ProofSetsAndChains_Verify(string file, int count)
    {
        var results = await DataIntegrity.VerifyAsync(Json(Dir(file.Split('/'))), CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results, Has.Count.EqualTo(count));
        Assert.That(results.Select(r => r.Message), Is.All.Null);
        Assert.That(results.All(r => r.Verified), Is.True);
    }

    [Test]
    public async Task ProofChain_ReproducedWithPreviousProof()
    {
        var keys = Json(Dir("proof-set-chain", "multiKeyPairs.json"));
        var expected = Json(Dir("proof-set-chain", "signedProofChain2.json"));
        var input = Json(Dir("proof-set-chain", "signedProofChain1.json"));
        var config = Json(Dir("proof-set-chain", "proofChainConfig2.json"));
        using var key = KeyFile.Load(keys["keyPair4"]!.ToJsonString());
        VC.Model.XsdDateTime.TryParse((string?)config["created"], out var created);
        var signed = await DataIntegrity.AddProofAsync(input, Cryptosuites.EdDsaRdfc2022, new Ed25519Signer(key.Key, key.VerificationMethodId), new ProofOptions
        {
            VerificationMethod = (string)config["verificationMethod"]!,
            Created = created,
            PreviousProof = [(string)config["previousProof"]!],
        });
        Assert.That(JsonNode.DeepEquals(signed, expected), Is.True, signed.ToJsonString());
    }

    [Test]
    public async Task ProofChain_PreviousProofRemoved_Fails()
    {
        var doc = Json(Dir("proof-set-chain", "signedProofChain2.json"));
        var proofs = (JsonArray)doc["proof"]!;
        proofs.RemoveAt(2); // the proof the last link chains to
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results.Any(r => r.Code == "signature.missingPreviousProof"), Is.True);
    }

    [Test]
    public async Task OpenBadgesVector_ReproducedByteForByte()
    {
        var dir = Shared.Vectors("openbadges-v3", "test-vectors", "obv3p0");
        var keyPair = Json(Path.Combine(dir, "keyPair.json"));
        using var key = KeyFile.Load(keyPair.ToJsonString());
        var credential = Json(Path.Combine(dir, "credential.json"));
        var expected = Json(Path.Combine(dir, "signed.json"));
        var proof = (JsonObject)expected["proof"]!;
        VC.Model.XsdDateTime.TryParse((string?)proof["created"], out var created);
        var signed = await DataIntegrity.AddProofAsync(credential, Cryptosuites.EdDsaRdfc2022, new Ed25519Signer(key.Key, key.VerificationMethodId), new ProofOptions
        {
            VerificationMethod = (string)proof["verificationMethod"]!,
            Created = created,
            ProofPurpose = (string)proof["proofPurpose"]!,
        });
        Assert.That((string?)signed["proof"]!["proofValue"], Is.EqualTo(File.ReadAllText(Path.Combine(dir, "proofValue.txt")).Trim()));
        Assert.That(JsonNode.DeepEquals(signed, expected), Is.True);
    }
}
