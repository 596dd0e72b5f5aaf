using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Jades;

/// <summary>mcred issue/sign --proof jades --cert, verify --trust-cert, inspect of a seal — the real CLI.</summary>
[NonParallelizable]
public class JadesCliTests
{
    private const string Password = "test-only-password";
    private string _dir = null!;
    private string _pem = null!;
    private string _p12 = null!;
    private string _caPem = null!;
    private string _otherCaPem = null!;
    private string _model = null!;

    [OneTimeSetUp]
    public void MakeFiles()
    {
        _dir = Directory.CreateTempSubdirectory("mcred-jades-cli-").FullName;
        using var ca = TestPki.CreateRoot("CLI Test Root");
        using var other = TestPki.CreateRoot("CLI Unrelated Root");
        using var seal = TestPki.CreateSeal(ca, "NTREE-17207834", organisation: "Velo Test");
        _pem = Path.Combine(_dir, "seal.pem");
        File.WriteAllText(_pem, TestPki.PemWithKey(seal) + TestPki.Pem(ca));
        _p12 = Path.Combine(_dir, "seal.p12");
        File.WriteAllBytes(_p12, seal.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, Password));
        _caPem = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(_caPem, TestPki.Pem(ca));
        _otherCaPem = Path.Combine(_dir, "other.pem");
        File.WriteAllText(_otherCaPem, TestPki.Pem(other));
        _model = Shared.Repo("samples", "models", "university-data-science.json");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private static void NoStackTrace(Mcred.Result r) => Assert.That(r.Stderr, Does.Not.Contain("   at "), r.ToString());

    private static JsonObject Check(Mcred.Result r, string name) =>
        JsonNode.Parse(r.Stdout)!["checks"]!.AsArray().Select(c => c!.AsObject()).Single(c => c["name"]!.GetValue<string>() == name);

    private string IssueSealed(params string[] cert)
    {
        var output = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        var r = Mcred.Run(null, ["issue", "--in", _model, "--profile", "edc", "--proof", "jades", .. cert, "--out", output]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return output;
    }

    [Test]
    public void Issue_PemCert_VerifyWithTrustCert_PassesAccreditation()
    {
        var sealedFile = IssueSealed("--cert", _pem);
        var seal = JsonNode.Parse(File.ReadAllText(sealedFile))!.AsObject();
        Assert.That(seal["signatures"], Is.Not.Null);
        var header = TestPki.ProtectedHeader(seal);
        Assert.That(header["x5c"]!.AsArray(), Has.Count.EqualTo(2), "the CA certificate in the PEM file goes to x5c");

        var r = Mcred.Run(null, "verify", "--in", sealedFile, "--trust-cert", _caPem);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(Check(r, "accreditation")["status"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(Check(r, "issuer")["status"]!.GetValue<string>(), Is.EqualTo("passed"));
    }

    [Test]
    public void Issue_Pkcs12WithPassword_VerifyUnderUnrelatedCa_FailsAccreditation()
    {
        var sealedFile = IssueSealed("--cert", _p12, "--cert-password", Password);
        var r = Mcred.Run(null, "verify", "--in", sealedFile, "--trust-cert", _otherCaPem);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(Check(r, "accreditation")["code"]!.GetValue<string>(), Is.EqualTo("accreditation.untrustedChain"));
        Assert.That(Check(r, "signature")["status"]!.GetValue<string>(), Is.EqualTo("passed"));
    }

    [Test]
    public void Issue_Pkcs12_WrongPassword_Exit2WithoutStackTrace()
    {
        var r = Mcred.Run(null, "issue", "--in", _model, "--proof", "jades", "--cert", _p12, "--cert-password", "wrong");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("seal.p12").And.Not.Contain("wrong"));
        NoStackTrace(r);
    }

    [Test]
    public void Issue_JadesWithoutCert_Exit2()
    {
        var r = Mcred.Run(null, "issue", "--in", _model, "--proof", "jades");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("--cert"));
        NoStackTrace(r);
    }

    [Test]
    public void Sign_Jades_KeepsIssuerAndVerifiesSignature()
    {
        var unsignedFile = Path.Combine(_dir, "unsigned.json");
        var credential = JsonNode.Parse(JsonNode.Parse(File.ReadAllText(IssueSealed("--cert", _pem)))!["payload"]!.GetValue<string>())!;
        File.WriteAllText(unsignedFile, credential.ToJsonString());
        var output = Path.Combine(_dir, "signed.json");
        var r = Mcred.Run(null, "sign", "--in", unsignedFile, "--proof", "jades", "--cert", _p12, "--cert-password", Password, "--created", "2026-01-02T03:04:05Z", "--out", output);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var seal = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        Assert.That(seal["payload"]!.GetValue<string>(), Is.EqualTo(credential.ToJsonString()).Or.Not.Empty);
        Assert.That(TestPki.ProtectedHeader(seal)["sigT"]!.GetValue<string>(), Is.EqualTo("2026-01-02T03:04:05Z"));
        var v = Mcred.Run(null, "verify", "--in", output);
        Assert.That(Check(v, "signature")["status"]!.GetValue<string>(), Is.EqualTo("passed"), v.ToString());
    }

    [Test]
    public void Inspect_Seal_ReadsTheModel()
    {
        var r = Mcred.Run(null, "inspect", "--in", IssueSealed("--cert", _pem));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("NTREE-17207834"));
    }

    [Test]
    public void Verify_RealSample_SignatureAndIssuerPass()
    {
        var r = Mcred.Run(null, "verify", "--in", Shared.Path("anchors", "edc", "elm-v3", "samples", "Sample-MC-Annex1-signed.jsonld"));
        Assert.That(Check(r, "signature")["status"]!.GetValue<string>(), Is.EqualTo("passed"), r.ToString());
        Assert.That(Check(r, "issuer")["status"]!.GetValue<string>(), Is.EqualTo("passed"), r.ToString());
    }

    [Test]
    public void Verify_TrustCertNotACertificate_Exit2()
    {
        var bad = Path.Combine(_dir, "bad.pem");
        File.WriteAllText(bad, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        var r = Mcred.Run(null, "verify", "--in", Shared.Path("anchors", "edc", "elm-v3", "samples", "Sample-MC-Annex1-signed.jsonld"), "--trust-cert", bad);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        NoStackTrace(r);
    }
}
