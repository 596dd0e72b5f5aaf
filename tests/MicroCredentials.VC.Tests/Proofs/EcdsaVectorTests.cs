using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Rdf;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Proofs;

/// <summary>
/// W3C vc-di-ecdsa test vectors (TestVectors/ecdsa-rdfc-2019-*, ecdsa-jcs-2019-*): every intermediate value byte for
/// byte, the RFC 6979 signatures reproduced, the signed documents verified.
/// </summary>
public class EcdsaVectorTests
{
    public sealed record Vector(string Name, EcdsaCryptosuite Suite, string Folder, string Suffix, string Unsigned, string KeyFile)
    {
        public bool Rdfc => Suite is EcdsaRdfc2019;

        public override string ToString() => Name;
    }

    private static readonly Vector[] Vectors =
    [
        new("ecdsa-rdfc-2019 P-256 (alumni)", EcdsaRdfc2019.Instance, "ecdsa-rdfc-2019-p256", "ECDSAP256", "unsigned.json", "p256KeyPair.json"),
        new("ecdsa-rdfc-2019 P-256 (employ)", EcdsaRdfc2019.Instance, Path.Combine("ecdsa-rdfc-2019-p256", "employ"), "ECDSAP256", "employmentAuth.json", "p256KeyPair.json"),
        new("ecdsa-rdfc-2019 P-384 (alumni)", EcdsaRdfc2019.P384, "ecdsa-rdfc-2019-p384", "ECDSAP384", "unsigned.json", "p384KeyPair.json"),
        new("ecdsa-rdfc-2019 P-384 (employ)", EcdsaRdfc2019.P384, Path.Combine("ecdsa-rdfc-2019-p384", "employ"), "ECDSAP384", "employmentAuth.json", "p384KeyPair.json"),
        new("ecdsa-jcs-2019 P-256 (alumni)", EcdsaJcs2019.Instance, "ecdsa-jcs-2019-p256", "JCSECDSAP256", "unsigned.json", "p256KeyPair.json"),
        new("ecdsa-jcs-2019 P-384 (alumni)", EcdsaJcs2019.P384, "ecdsa-jcs-2019-p384", "JCSECDSAP384", "unsigned.json", "p384KeyPair.json"),
    ];

    private static IEnumerable<TestCaseData> Cases() => Vectors.Select(v => new TestCaseData(v).SetName("{m}(" + v.Name + ")"));

    private static string Dir(params string[] parts) => Shared.Vectors(["vc-di-ecdsa", "TestVectors", .. parts]);

    private static string Read(Vector v, string stem) => File.ReadAllText(Path.Combine(Dir(v.Folder), stem + v.Suffix + ".txt"));

    private static JsonObject Json(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    private static JsonObject Signed(Vector v) => Json(Directory.GetFiles(Dir(v.Folder), "signed*.json").Single());

    private static JsonObject ProofConfig(Vector v) => Json(Directory.GetFiles(Dir(v.Folder), "proofConfig*.json").Single());

    private static JsonObject Unsigned(Vector v) => Json(Dir(v.Unsigned));

    private static JsonObject KeyPair(Vector v) => Json(Dir(v.KeyFile));

    private static ECDsa PrivateKey(Vector v) => EcMultikey.ImportPrivateKey((string)KeyPair(v)["secretKeyMultibase"]!);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static async Task<string> CanonicalText(Vector v, JsonObject document)
    {
        if (!v.Rdfc)
        {
            return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(document));
        }

        var quads = await JsonLdProcessor.ToRdfAsync(document, JsonLdOptions.Safe);
        return Rdfc10.Canonicalize(quads, RdfcOptions.Default with { HashAlgorithm = v.Suite.HashAlgorithm }).CanonicalNQuads;
    }

    [Test]
    public void KeyPairs_SecretMatchesPublic()
    {
        foreach (var file in new[] { "p256KeyPair.json", "p384KeyPair.json" })
        {
            var pair = Json(Dir(file));
            using var key = EcMultikey.ImportPrivateKey((string)pair["secretKeyMultibase"]!);
            Assert.That(EcMultikey.ExportPublicKey(key), Is.EqualTo((string)pair["publicKeyMultibase"]!), file);
            using var pub = EcMultikey.ImportPublicKey((string)pair["publicKeyMultibase"]!);
            Assert.That(pub.ExportParameters(false).Q.X, Is.EqualTo(key.ExportParameters(false).Q.X), file);
            Assert.That(pub.ExportParameters(false).Q.Y, Is.EqualTo(key.ExportParameters(false).Q.Y), file);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Steps_MatchEveryIntermediateValue(Vector v)
    {
        var unsigned = Unsigned(v);
        var inputs = v.Suite.Configure(unsigned, ProofConfig(v).DeepClone().AsObject(), verifying: false);

        // the transformation: canonical document and canonical proof configuration, byte for byte
        Assert.That(await CanonicalText(v, inputs.Document), Is.EqualTo(Read(v, "canonDoc")), "canonDoc");
        Assert.That(await CanonicalText(v, inputs.Configuration), Is.EqualTo(Read(v, "proofCanon")), "proofCanon");

        // the hashing step
        var hashData = await v.Suite.HashDataAsync(inputs.Document, inputs.Configuration, CryptosuiteContext.Default);
        var half = hashData.Length / 2;
        Assert.That(half, Is.EqualTo(v.Suite.Curve == "P-256" ? 32 : 48));
        Assert.That(Hex(hashData[..half]), Is.EqualTo(Read(v, "proofHash").Trim()), "proofHash");
        Assert.That(Hex(hashData[half..]), Is.EqualTo(Read(v, "docHash").Trim()), "docHash");
        Assert.That(Hex(hashData), Is.EqualTo(Read(v, "combinedHash").Trim()), "combinedHash");

        // the signature: RFC 6979, so reproducible
        using var key = PrivateKey(v);
        var signature = new DeterministicEcdsaSigner(key, "did:example:k#1").Sign(hashData);
        Assert.That(Hex(signature), Is.EqualTo(Read(v, "sigHex").Trim()), "sigHex");
        Assert.That(Multibase.EncodeBase58Btc(signature), Is.EqualTo(Read(v, "sigBTC58").Trim()), "sigBTC58");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Sign_Deterministic_ReproducesSignedVector(Vector v)
    {
        using var key = PrivateKey(v);
        var expected = Signed(v);
        var proof = (JsonObject)expected["proof"]!;
        VC.Model.XsdDateTime.TryParse((string?)proof["created"], out var created);
        var unsigned = Unsigned(v);
        var before = unsigned.ToJsonString();

        // through the registry's singleton: the P-384 variant is chosen by the signer's algorithm
        var suite = v.Rdfc ? Cryptosuites.EcdsaRdfc2019 : Cryptosuites.EcdsaJcs2019;
        var signer = new DeterministicEcdsaSigner(key, (string)proof["verificationMethod"]!);
        var signed = await DataIntegrity.AddProofAsync(unsigned, suite, signer, new ProofOptions { Created = created });

        Assert.That((string?)signed["proof"]!["proofValue"], Is.EqualTo(Read(v, "sigBTC58").Trim()));
        Assert.That(JsonNode.DeepEquals(signed, expected), Is.True, signed.ToJsonString());
        Assert.That(unsigned.ToJsonString(), Is.EqualTo(before), "signing must not change the caller's document");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Sign_RandomizedBclSigner_Verifies(Vector v)
    {
        using var key = PrivateKey(v);
        var vm = (string)Signed(v)["proof"]!["verificationMethod"]!;
        var suite = v.Rdfc ? Cryptosuites.EcdsaRdfc2019 : Cryptosuites.EcdsaJcs2019;
        var signed = await DataIntegrity.AddProofAsync(Unsigned(v), suite, new EcdsaSigner(key, vm), new ProofOptions());
        Assert.That((string?)signed["proof"]!["proofValue"], Is.Not.EqualTo(Read(v, "sigBTC58").Trim()), "randomized nonces");
        var results = await DataIntegrity.VerifyAsync(signed, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results.Single().Verified, Is.True, results[0].Message);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_SignedVector_Passes(Vector v)
    {
        var results = await DataIntegrity.VerifyAsync(Signed(v), CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].Verified, Is.True, results[0].Message);
        Assert.That(results[0].Cryptosuite, Is.EqualTo(v.Suite.Name));
        Assert.That(results[0].Method!.Method!.Controller, Does.StartWith(v.Suite.Curve == "P-256" ? "did:key:zDn" : "did:key:z82"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_BareDidKeyVerificationMethod_Passes(Vector v)
    {
        // did:key v0.7: the DID without a fragment names its one key; the proof is re-made so that it signs that value
        using var key = PrivateKey(v);
        var vm = (string)Signed(v)["proof"]!["verificationMethod"]!;
        var bare = vm[..vm.IndexOf('#', StringComparison.Ordinal)];
        var signed = await DataIntegrity.AddProofAsync(Unsigned(v), v.Suite, new DeterministicEcdsaSigner(key, bare), new ProofOptions());
        var results = await DataIntegrity.VerifyAsync(signed, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results.Single().Verified, Is.True, results[0].Message);
        Assert.That(results[0].Method!.Method!.Controller, Is.EqualTo(bare));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_OneCharacterChanged_Fails(Vector v)
    {
        var doc = Signed(v);
        var name = (string)doc["name"]!;
        doc["name"] = name[..^1] + (name[^1] == 'x' ? 'y' : 'x');
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Verified, Is.False);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_OneSignatureByteChanged_Fails(Vector v)
    {
        var doc = Signed(v);
        var signature = Multibase.Decode((string)doc["proof"]!["proofValue"]!);
        signature[^1] ^= 0x01;
        doc["proof"]!["proofValue"] = Multibase.EncodeBase58Btc(signature);
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Verified, Is.False);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_ProofCreatedChanged_Fails(Vector v)
    {
        var doc = Signed(v);
        doc["proof"]!["created"] = "2023-02-24T23:36:39Z";
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_SuiteNotAllowed_Fails(Vector v)
    {
        var results = await DataIntegrity.VerifyAsync(Signed(v), CryptosuiteRegistry.Of(Cryptosuites.EdDsaRdfc2022, Cryptosuites.EdDsaJcs2022), DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.unsupportedCryptosuite"));
    }

    [Test]
    public async Task P384Employ_CanonicalizesWithSha384_NotSha256()
    {
        // MANIFEST caveat 1: the P-384 employ vector's blank-node labels come from RDFC-1.0 run with SHA-384.
        var v = Vectors[3];
        var inputs = v.Suite.Configure(Unsigned(v), ProofConfig(v).DeepClone().AsObject(), verifying: false);
        var quads = await JsonLdProcessor.ToRdfAsync(inputs.Document, JsonLdOptions.Safe);
        Assert.That(Rdfc10.Canonicalize(quads, RdfcOptions.Default).CanonicalNQuads, Is.Not.EqualTo(Read(v, "canonDoc")));
        Assert.That(Rdfc10.Canonicalize(quads, RdfcOptions.Default with { HashAlgorithm = HashAlgorithmName.SHA384 }).CanonicalNQuads, Is.EqualTo(Read(v, "canonDoc")));
    }

    [Test]
    public async Task Verify_P256SignatureWithP384Key_IsMalformed()
    {
        var doc = Signed(Vectors[2]); // P-384 key
        doc["proof"]!["proofValue"] = File.ReadAllText(Path.Combine(Dir(Vectors[0].Folder), "sigBTC58ECDSAP256.txt")).Trim();
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.malformedProofValue"));
    }

    [Test]
    public async Task Verify_EcdsaProofWithEd25519Key_IsUnsupportedKey()
    {
        var doc = Signed(Vectors[0]);
        using var other = Ed25519SigningKey.Generate();
        doc["proof"]!["verificationMethod"] = DidKey.CreateVerificationMethodId(other.PublicKey);
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.unsupportedKey"));
    }

    [Test]
    public async Task Verify_OtherP256Key_Fails()
    {
        var doc = Signed(Vectors[0]);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        doc["proof"]!["verificationMethod"] = DidKey.CreateVerificationMethodId(other);
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [Test]
    public async Task Verify_JcsProofRelabelledAsRdfc_Fails()
    {
        var doc = Signed(Vectors[4]);
        doc["proof"]!["cryptosuite"] = "ecdsa-rdfc-2019";
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Verified, Is.False);
    }

    [Test]
    public void Sign_Ed25519Signer_WithEcdsaSuite_Throws()
    {
        using var ed = Ed25519SigningKey.Generate();
        var unsigned = Unsigned(Vectors[0]); // outside the lambda: without ../shared the test is skipped, not failed
        Assert.ThrowsAsync<ArgumentException>(async () => await DataIntegrity.AddProofAsync(unsigned, Cryptosuites.EcdsaRdfc2019, new Ed25519Signer(ed, DidKey.CreateVerificationMethodId(ed.PublicKey)), new ProofOptions()));
    }

    [Test]
    public void Sign_P521Signer_WithEcdsaSuite_Throws()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var unsigned = Unsigned(Vectors[0]);
        Assert.ThrowsAsync<ArgumentException>(async () => await DataIntegrity.AddProofAsync(unsigned, Cryptosuites.EcdsaJcs2019, new EcdsaSigner(key, "did:example:a#1"), new ProofOptions()));
    }

    [Test]
    public void DeterministicSigner_SameInputSameSignature_AndVerifiesWithBcl()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var signer = new DeterministicEcdsaSigner(key, "did:example:a#1");
        var data = Encoding.UTF8.GetBytes("hello");
        Assert.That(signer.Algorithm, Is.EqualTo(SignatureAlgorithms.Es384));
        var first = signer.Sign(data);
        Assert.That(signer.Sign(data), Is.EqualTo(first));
        Assert.That(key.VerifyData(data, first, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), Is.True);
    }

    [Test]
    public void DeterministicSigner_P521_Throws()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        Assert.Throws<ArgumentException>(() => _ = new DeterministicEcdsaSigner(key, "did:example:a#1"));
    }
}
