using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Proofs;

/// <summary>W3C vc-di-ecdsa ecdsa-sd-2023 vectors (employ, prc): the holder's derived proofs verify; base proofs are refused.</summary>
public class EcdsaSdVectorTests
{
    private static IEnumerable<TestCaseData> Cases() => new[] { "employ", "prc" }.Select(v => new TestCaseData(v).SetName("{m}(" + v + ")"));

    private static string Dir(params string[] parts) => Shared.Vectors(["vc-di-ecdsa", "TestVectors", "ecdsa-sd-2023", .. parts]);

    private static JsonNode Json(params string[] parts) => JsonNode.Parse(File.ReadAllText(Dir(parts)))!;

    private static JsonObject Derived(string v) => (JsonObject)Json(v, "derivedRevealDocument.json");

    [TestCaseSource(nameof(Cases))]
    public void ParseDerivedProofValue_MatchesTheVector(string v)
    {
        var expected = Json(v, "verifyDerivedProofValue.json");
        Assert.That(EcdsaSd2023.TryParseDerived((string)Derived(v)["proof"]!["proofValue"]!, out var proof, out var error), Is.True, error);
        Assert.That(Convert.ToHexStringLower(proof!.BaseSignature), Is.EqualTo((string)expected["baseSignature"]!));
        Assert.That(Multibase.EncodeBase58Btc(proof.PublicKey), Is.EqualTo((string)expected["publicKey"]!));
        Assert.That(proof.Signatures.Select(Convert.ToHexStringLower), Is.EqualTo(expected["signatures"]!.AsArray().Select(n => (string)n!)));
        Assert.That(proof.MandatoryIndexes, Is.EqualTo(expected["mandatoryIndexes"]!.AsArray().Select(n => (int)n!)));
        Assert.That(proof.LabelMap, Is.EquivalentTo(expected["labelMap"]!.AsArray().ToDictionary(p => (string)p![0]!, p => (string)p![1]!)));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task CreateVerifyData_MatchesTheVector(string v)
    {
        var doc = Derived(v);
        var expected = Json(v, "verifyCreateVerifyData.json");
        var proofOptions = (JsonObject)doc["proof"]!.DeepClone();
        var proofValue = (string)proofOptions["proofValue"]!;
        proofOptions.Remove("proofValue");
        Assert.That(EcdsaSd2023.TryParseDerived(proofValue, out var proof, out var error), Is.True, error);
        var inputs = EcdsaSd2023.Instance.Configure(DataIntegrity.WithoutProof(doc), proofOptions, verifying: true);

        var (data, problem) = await EcdsaSd2023.Instance.CreateVerifyDataAsync(inputs, proof!, CryptosuiteContext.Default, CancellationToken.None);

        Assert.That(problem, Is.Null);
        Assert.That(data!.NQuads, Is.EqualTo(Json(v, "verifyNQuads.json").AsArray().Select(n => (string)n!)), "the relabelled, sorted N-Quads");
        Assert.That(Convert.ToHexStringLower(data.ProofHash), Is.EqualTo((string)expected["proofHash"]!));
        Assert.That(Convert.ToHexStringLower(data.MandatoryHash), Is.EqualTo((string)expected["mandatoryHash"]!));
        Assert.That(data.NonMandatory, Is.EqualTo(expected["nonMandatory"]!.AsArray().Select(n => (string)n!)));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_DerivedProof_Passes(string v)
    {
        var results = await DataIntegrity.VerifyAsync(Derived(v), CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].Verified, Is.True, results[0].Message);
        Assert.That(results[0].Cryptosuite, Is.EqualTo("ecdsa-sd-2023"));
        Assert.That(results[0].Method!.Method!.Controller, Is.EqualTo("did:key:" + (string)Json("SDKeyMaterial.json")["baseKeyPair"]!["publicKeyMultibase"]!));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_DisclosedValueChanged_Fails(string v)
    {
        var doc = Derived(v);
        doc["validFrom"] = "2019-12-04T00:00:00Z";
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Verified, Is.False);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_StatementAdded_Fails(string v)
    {
        var doc = Derived(v);
        doc["name"] = "Added after derivation";
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_ProofCreatedChanged_Fails(string v)
    {
        var doc = Derived(v);
        doc["proof"]!["created"] = "2023-08-15T23:36:39Z";
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_OneSignatureByteChanged_Fails(string v)
    {
        var doc = Derived(v);
        var bytes = Base64Url.Decode(((string)doc["proof"]!["proofValue"]!)[1..]);
        bytes[10] ^= 0x01; // inside the base signature
        doc["proof"]!["proofValue"] = "u" + Base64Url.Encode(bytes);
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_BaseProof_IsRefused(string v)
    {
        var results = await DataIntegrity.VerifyAsync((JsonObject)Json(v, "addSignedSDBase.json"), CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.malformedProofValue"));
        Assert.That(results[0].Message, Does.Contain("base proof"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task FullVerifier_DerivedProof_SignaturePasses_IssuerIsNotTheKeys(string v)
    {
        // As in the other vc-di-ecdsa vectors, the issuer named is another did:key than the one that signs.
        var verifier = new CredentialVerifier(new VerificationOptions { TimeProvider = new FixedTimeProvider(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero)) });
        var report = await verifier.VerifyAsync(Derived(v));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.controllerMismatch"), string.Join("\n", report.Checks));
        Assert.That(report.SecuringMechanism, Is.EqualTo("ecdsa-sd-2023"));
    }

    [Test]
    public async Task Verify_DerivedProofWithP384Key_IsUnsupportedKey()
    {
        var doc = Derived("employ");
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        doc["proof"]!["verificationMethod"] = DidKey.CreateVerificationMethodId(other);
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.unsupportedKey"));
        Assert.That(results[0].Message, Does.Contain("needs an ECDSA P-256 key"));
    }

    [Test]
    public async Task Verify_DerivedProofWithOtherP256Key_Fails()
    {
        var doc = Derived("employ");
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        doc["proof"]!["verificationMethod"] = DidKey.CreateVerificationMethodId(other);
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.invalid"));
        Assert.That(results[0].Message, Does.Contain("base signature"));
    }

    [TestCase("", TestName = "Verify_DerivedProofValue_Empty_IsMalformed")]
    [TestCase("2V0BhQ", TestName = "Verify_DerivedProofValue_Truncated_IsMalformed")]
    [TestCase("2V0AhQ", TestName = "Verify_DerivedProofValue_BaseHeaderTruncated_IsMalformed")]
    [TestCase("AAAA", TestName = "Verify_DerivedProofValue_NoHeader_IsMalformed")]
    public async Task Verify_DerivedProofValue_Malformed(string base64url)
    {
        var doc = Derived("employ");
        doc["proof"]!["proofValue"] = "u" + base64url;
        var results = await DataIntegrity.VerifyAsync(doc, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(results[0].Code, Is.EqualTo("signature.malformedProofValue"));
    }

    [Test]
    public void AddProof_WithSdSuite_Throws()
    {
        using var key = EcMultikey.ImportPrivateKey((string)Json("SDKeyMaterial.json")["baseKeyPair"]!["secretKeyMultibase"]!);
        Assert.ThrowsAsync<ArgumentException>(async () => await DataIntegrity.AddProofAsync(Derived("employ"), Cryptosuites.EcdsaSd2023, new EcdsaSigner(key, DidKey.CreateVerificationMethodId(key)), new ProofOptions()));
    }
}
