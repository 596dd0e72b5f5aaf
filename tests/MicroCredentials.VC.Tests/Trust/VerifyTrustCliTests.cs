using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.Cli;

namespace MicroCredentials.VC.Tests.Trust;

/// <summary><c>mcred verify --trust FILE</c>.</summary>
[NonParallelizable]
public class VerifyTrustCliTests
{
    private string _dir = null!;
    private string _signed = null!;
    private string _did = null!;

    [OneTimeSetUp]
    public void Issue()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-trust-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        var key = Path.Combine(_dir, "key.json");
        Assert.That(Mcred.Run(null, "keygen", "--out", key).ExitCode, Is.Zero);
        _did = (string)JsonNode.Parse(File.ReadAllText(key))!["did"]!;
        var unsigned = Path.Combine(_dir, "unsigned.json");
        File.WriteAllText(unsigned, Verification.CredentialVerifierTests.Vc2(_did).ToJsonString());
        _signed = Path.Combine(_dir, "signed.json");
        var r = Mcred.Run(null, "sign", "--in", unsigned, "--key", key, "--proof", "eddsa-jcs-2022", "--created", "2026-06-30T10:00:00Z", "--out", _signed);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static JsonNode Accreditation(Mcred.Result r) =>
        JsonNode.Parse(r.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "accreditation")!;

    [Test]
    public void Verify_TrustListingTheIssuer_PassesAccreditation()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--at", "2026-08-01T00:00:00Z", "--trust", Write(TrustListTests.TrustJson(_did, "2026-01-01", "2027-12-31")));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var check = Accreditation(r);
        Assert.That((string?)check["status"], Is.EqualTo("passed"));
        Assert.That((string?)check["detail"], Does.Contain("accredited by AEQES"));
    }

    [Test]
    public void Verify_TrustNotListingTheIssuer_ExitsOne()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--trust", Write(TrustListTests.TrustJson("did:web:another.example")));
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That((string?)Accreditation(r)["code"], Is.EqualTo("accreditation.notListed"));
    }

    [Test]
    public void Verify_TrustExpired_ExitsOne()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--at", "2026-08-01T00:00:00Z", "--trust", Write(TrustListTests.TrustJson(_did, "2026-01-01", "2026-07-01")));
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That((string?)Accreditation(r)["code"], Is.EqualTo("accreditation.outsideValidity"));
    }

    [Test]
    public void Verify_NoTrust_AccreditationSkipped()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That((string?)Accreditation(r)["status"], Is.EqualTo("skipped"));
    }

    [TestCase("{\"issuers\": [{\"id\": \"x\"}]}", "issuers[0]: \"name\" is required", TestName = "Verify_MalformedTrustList_ExitsTwoNamingTheProblem")]
    [TestCase("not json", "not valid JSON", TestName = "Verify_TrustListNotJson_ExitsTwo")]
    public void Verify_BadTrustList(string json, string message)
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--trust", Write(json));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("--trust").And.Contain(message));
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void Verify_TrustListMissing_ExitsTwo()
    {
        var r = Mcred.Run(null, "verify", "--in", _signed, "--trust", Path.Combine(_dir, "missing.json"));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("no such file"));
    }
}
