using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Verification;

/// <summary>
/// The W3C vc-di-ecdsa signed credentials through the full <see cref="CredentialVerifier"/>: every check, including
/// the binding of the key to the issuer.
/// </summary>
public class EcdsaEndToEndTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] SignedFiles =
    [
        "ecdsa-rdfc-2019-p256/signedECDSAP256.json",
        "ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json",
        "ecdsa-rdfc-2019-p384/signedECDSAP384.json",
        "ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json",
        "ecdsa-jcs-2019-p256/signedJCSECDSAP256.json",
        "ecdsa-jcs-2019-p384/signedJCSECDSAP384.json",
    ];

    private static IEnumerable<TestCaseData> Cases() => SignedFiles.Select(f => new TestCaseData(f).SetName("{m}(" + f + ")"));

    private static string Dir(params string[] parts) => Shared.Vectors(["vc-di-ecdsa", "TestVectors", .. parts]);

    private static JsonObject Json(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    private static CredentialVerifier Verifier() => new(new VerificationOptions { TimeProvider = new FixedTimeProvider(Now) });

    private static string KeyFileOf(string signedFile) => signedFile.Contains("p256", StringComparison.Ordinal) ? "p256KeyPair.json" : "p384KeyPair.json";

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_W3cVector_SignaturePasses_IssuerIsNotTheKeys(string file)
    {
        // The vectors sign with did:key:zDnaep… / z82Lku… but name another issuer (https://vc.example/issuers/5678, or another
        // did:key): the signature verifies, and the issuer check rightly fails, since the key is not the issuer's.
        var report = await Verifier().VerifyAsync(Json(Dir(file.Split('/'))));
        var failed = report.Checks.Where(c => c.Status == CheckStatus.Failed).ToList();
        Assert.That(report[VerificationCheck.Format].Status, Is.EqualTo(CheckStatus.Passed), string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.Context].Status, Is.EqualTo(CheckStatus.Passed), string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), string.Join("\n", report.Checks));
        Assert.That(failed.Select(c => c.Name), Is.EqualTo(new[] { "issuer" }), string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.controllerMismatch"));
        Assert.That(report.Verified, Is.False);
        Assert.That(report.SecuringMechanism, Is.EqualTo((string)Json(Dir(file.Split('/')))["proof"]!["cryptosuite"]!));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Verify_VectorResignedWithTheIssuersKey_PassesEveryCheck(string file)
    {
        // The same credential with the signing key's did:key as issuer, signed through the issuer with the deterministic signer.
        var pair = Json(Dir(KeyFileOf(file)));
        using var key = EcMultikey.ImportPrivateKey((string)pair["secretKeyMultibase"]!);
        var document = Json(Dir(file.Split('/')));
        var suiteName = (string)document["proof"]!["cryptosuite"]!;
        document.Remove("proof");
        var did = DidKey.Create(key);
        if (document["issuer"] is JsonObject issuerObject)
        {
            issuerObject["id"] = did;
        }
        else
        {
            document["issuer"] = did;
        }

        CryptosuiteRegistry.Default.TryGet(suiteName, out var suite);
        var issuer = new CredentialIssuer(new DeterministicEcdsaSigner(key, DidKey.CreateVerificationMethodId(key)), new IssuerOptions { Cryptosuite = suite!, Created = Now.AddDays(-1) });
        var signed = await issuer.SignAsync(document);

        var report = await Verifier().VerifyAsync(signed);
        Assert.That(report.Checks.Where(c => c.Status == CheckStatus.Failed), Is.Empty, string.Join("\n", report.Checks));
        Assert.That(report.Verified, Is.True);
        Assert.That(report[VerificationCheck.Issuer].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report.SecuringMechanism, Is.EqualTo(suiteName));
    }

    [TestCase("ecdsa-rdfc-2019", "P-256", TestName = "Verify_IssuedWithBclRandomizedSigner_Passes(ecdsa-rdfc-2019 P-256)")]
    [TestCase("ecdsa-rdfc-2019", "P-384", TestName = "Verify_IssuedWithBclRandomizedSigner_Passes(ecdsa-rdfc-2019 P-384)")]
    [TestCase("ecdsa-jcs-2019", "P-256", TestName = "Verify_IssuedWithBclRandomizedSigner_Passes(ecdsa-jcs-2019 P-256)")]
    [TestCase("ecdsa-jcs-2019", "P-384", TestName = "Verify_IssuedWithBclRandomizedSigner_Passes(ecdsa-jcs-2019 P-384)")]
    public async Task Verify_IssuedWithBclRandomizedSigner_Passes(string suiteName, string curve)
    {
        // A key the process never exports (as in a KMS or HSM): the BCL ECDsa through EcdsaSigner.
        using var key = ECDsa.Create(curve == "P-256" ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384);
        CryptosuiteRegistry.Default.TryGet(suiteName, out var suite);
        var issuer = new CredentialIssuer(new EcdsaSigner(key, DidKey.CreateVerificationMethodId(key)), new IssuerOptions { Cryptosuite = suite!, Created = Now.AddDays(-1) });
        var signed = await issuer.SignAsync(CredentialVerifierTests.Vc2(DidKey.Create(key)));

        var report = await Verifier().VerifyAsync(signed);
        Assert.That(report.Checks.Where(c => c.Status == CheckStatus.Failed), Is.Empty, string.Join("\n", report.Checks));
        Assert.That(report.Verified, Is.True);

        signed["credentialSubject"]!["id"] = "did:example:learner-2";
        var tampered = await Verifier().VerifyAsync(signed);
        Assert.That(tampered[VerificationCheck.Signature].Code, Is.EqualTo("signature.invalid"));
        Assert.That(tampered.Verified, Is.False);
    }
}
