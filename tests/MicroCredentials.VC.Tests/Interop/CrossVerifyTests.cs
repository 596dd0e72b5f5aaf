using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Interop;

/// <summary>
/// Interoperability with an independent implementation: what we sign verifies in the reference JavaScript
/// libraries (@digitalbazaar/vc and its cryptosuites), and what they sign verifies here.
/// </summary>
[TestFixture]
[Category("Interop")]
public class CrossVerifyTests
{
    private static readonly string[] Suites = ["eddsa-jcs-2022", "eddsa-rdfc-2022"];
    private string _dir = null!;

    [OneTimeSetUp]
    public void Setup()
    {
        ReferenceJs.EnsureInstalled();
        _dir = Path.Combine(Path.GetTempPath(), "mcred-interop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private static ICryptosuite Suite(string name) => name == "eddsa-jcs-2022" ? Cryptosuites.EdDsaJcs2022 : Cryptosuites.EdDsaRdfc2022;

    private string Write(JsonNode node)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static IEnumerable<TestCaseData> ModelCases() =>
        from model in new[] { "university-data-science", "vocational-welding-hours", "rpl-project-management" }
        from suite in Suites
        select new TestCaseData(model, suite).SetName($"OurEdcCredential_VerifiesInReferenceJs_{model}_{suite}");

    [TestCaseSource(nameof(Suites))]
    public async Task OurVc2Credential_VerifiesInReferenceJs(string suite)
    {
        using var key = Ed25519SigningKey.Generate();
        var signed = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Suite(suite) })
            .SignAsync(CredentialVerifierTests.Vc2(DidKey.Create(key.PublicKey)));
        var result = ReferenceJs.Run("verify", signed.ToJsonString());
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        Assert.That((bool)result.Json["verified"]!, Is.True);
    }

    [TestCaseSource(nameof(ModelCases))]
    public async Task OurEdcCredential_VerifiesInReferenceJs(string model, string suite)
    {
        using var key = Ed25519SigningKey.Generate();
        var issued = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Suite(suite) })
            .IssueAsync(MicroCredentialTests.LoadSample(model));
        var result = ReferenceJs.Run("verify", issued.Credential!.ToJsonString());
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
    }

    [TestCaseSource(nameof(Suites))]
    public async Task OurTamperedCredential_FailsInReferenceJs(string suite)
    {
        using var key = Ed25519SigningKey.Generate();
        var signed = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Suite(suite) })
            .SignAsync(CredentialVerifierTests.Vc2(DidKey.Create(key.PublicKey)));
        signed["credentialSubject"]!["alumniOf"]!["name"] = "Forged University";
        var result = ReferenceJs.Run("verify", signed.ToJsonString());
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stdout + result.Stderr);
    }

    [TestCaseSource(nameof(Suites))]
    public async Task ReferenceJsCredential_VerifiesHere(string suite)
    {
        using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var keyFile = Path.Combine(_dir, Guid.NewGuid().ToString("N") + "-key.json");
        File.WriteAllText(keyFile, KeyFile.Create(key));
        var unsigned = CredentialVerifierTests.Vc2(DidKey.Create(key.PublicKey));
        var signed = ReferenceJs.RunJson("sign", unsigned.ToJsonString(), "--suite", suite, "--key", keyFile);

        var report = await new CredentialVerifier().VerifyAsync(signed.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report.SecuringMechanism, Is.EqualTo(suite));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task ReferenceJsEdcCredential_VerifiesHere(string suite)
    {
        // An EDC credential built by us but signed by the reference implementation (it adds the data-integrity context itself).
        using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var keyFile = Path.Combine(_dir, Guid.NewGuid().ToString("N") + "-key.json");
        File.WriteAllText(keyFile, KeyFile.Create(key));
        var unsigned = VC.Profiles.CredentialProfiles.Edc.ToCredential(MicroCredentialTests.LoadSample("university-data-science"), new VC.Profiles.CredentialOptions
        {
            IssuerId = DidKey.Create(key.PublicKey),
            IssuedAt = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero),
        });
        var signed = ReferenceJs.RunJson("sign", unsigned.ToJsonString(), "--suite", suite, "--key", keyFile);

        var report = await new CredentialVerifier(new VerificationOptions { RequireMicroCredentialElements = true }).VerifyAsync(signed.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [TestCase("P-256")]
    [TestCase("P-384")]
    public async Task OurEcdsaRdfc2019Credential_VerifiesInReferenceJs_AndTamperedFails(string curve)
    {
        using var ec = System.Security.Cryptography.ECDsa.Create(curve == "P-256" ? System.Security.Cryptography.ECCurve.NamedCurves.nistP256 : System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var issuer = new CredentialIssuer(new EcdsaSigner(ec, DidKey.CreateVerificationMethodId(ec)), new IssuerOptions { Cryptosuite = Cryptosuites.EcdsaRdfc2019 });
        var signed = await issuer.SignAsync(CredentialVerifierTests.Vc2(DidKey.Create(ec)));
        Assert.That((string?)signed["proof"]!["cryptosuite"], Is.EqualTo("ecdsa-rdfc-2019"));

        var result = ReferenceJs.Run("verify", signed.ToJsonString());
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        Assert.That((bool)result.Json["verified"]!, Is.True);

        signed["credentialSubject"]!["alumniOf"]!["name"] = "Forged University";
        Assert.That(ReferenceJs.Run("verify", signed.ToJsonString()).ExitCode, Is.EqualTo(1));
    }

    [TestCase("p256KeyPair.json")]
    [TestCase("p384KeyPair.json")]
    public async Task ReferenceJsEcdsaRdfc2019Credential_VerifiesHere(string keyPair)
    {
        // Signed by @digitalbazaar/ecdsa-rdfc-2019-cryptosuite with the W3C vectors' key; its did:key is the issuer.
        var keyFile = Shared.Vectors("vc-di-ecdsa", "TestVectors", keyPair);
        var did = "did:key:" + (string)JsonNode.Parse(File.ReadAllText(keyFile))!["publicKeyMultibase"]!;
        var signed = ReferenceJs.RunJson("sign", CredentialVerifierTests.Vc2(did).ToJsonString(), "--suite", "ecdsa-rdfc-2019", "--key", keyFile);
        var report = await new CredentialVerifier().VerifyAsync(signed.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report.SecuringMechanism, Is.EqualTo("ecdsa-rdfc-2019"));

        signed["credentialSubject"]!["alumniOf"]!["name"] = "Forged University";
        Assert.That((await new CredentialVerifier().VerifyAsync(signed.ToJsonString())).Verified, Is.False);
    }

    [Test]
    public void ReferenceJsCredential_TamperedHere_Fails()
    {
        var signed = JsonNode.Parse(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "signedDataInt.json")))!.AsObject();
        signed["validFrom"] = "2023-01-02T00:00:00Z";
        var results = DataIntegrity.VerifyAsync(signed, CryptosuiteRegistry.Default, VC.Dids.DidVerificationMethodResolver.Default).AsTask().Result;
        Assert.That(results[0].Verified, Is.False);
    }
}

/// <summary>Our EDC output is valid JSON-LD for jsonld.js in safe mode (nothing dropped), with and without a proof.</summary>
[TestFixture]
[Category("Interop")]
public class EdcJsonLdInteropTests
{
    [OneTimeSetUp]
    public void Setup() => ReferenceJs.EnsureInstalled();

    [TestCase("university-data-science", TestName = "OurEdc_ExpandsInJsonLdJsSafeMode_university-data-science")]
    [TestCase("vocational-welding-hours", TestName = "OurEdc_ExpandsInJsonLdJsSafeMode_vocational-welding-hours")]
    [TestCase("rpl-project-management", TestName = "OurEdc_ExpandsInJsonLdJsSafeMode_rpl-project-management")]
    public async Task OurEdc_ExpandsInJsonLdJsSafeMode(string model)
    {
        using var key = Ed25519SigningKey.Generate();
        var issued = await CredentialIssuer.ForDidKey(key).IssueAsync(MicroCredentialTests.LoadSample(model));
        var theirs = ReferenceJs.Run("tordf", issued.Credential!.ToJsonString()).EnsureSuccess().Stdout;
        var ours = await VC.JsonLd.JsonLdProcessor.ToRdfAsync(issued.Credential!, new VC.JsonLd.JsonLdOptions { SafeMode = true });
        Assert.That(theirs.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(ours.Count), "same number of quads in both processors");
    }
}
