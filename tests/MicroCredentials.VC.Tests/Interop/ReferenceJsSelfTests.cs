using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Interop;

/// <summary>
/// Proves the reference JavaScript harness itself against the W3C vc-di-eddsa vectors (read from ../shared at run
/// time), so that interop tests which compare our output with it can trust it.
/// </summary>
[TestFixture]
[Category("Interop")]
public class ReferenceJsSelfTests
{
    private const string Created = "2023-02-24T23:36:38Z";

    private static string TestVectors(params string[] parts) =>
        Shared.Vectors(["vc-di-eddsa", "TestVectors", .. parts]);

    private static string KeyFile => TestVectors("keyPair.json");

    [OneTimeSetUp]
    public void InstallHarness() => ReferenceJs.EnsureInstalled();

    [TestCase("eddsa-jcs-2022", "eddsa-jcs-2022/signedJCS.json", TestName = "Sign_EddsaJcs2022_ReproducesSignedJcs")]
    [TestCase("eddsa-rdfc-2022", "eddsa-rdfc-2022/signedDataInt.json", TestName = "Sign_EddsaRdfc2022_ReproducesSignedDataInt")]
    [TestCase("Ed25519Signature2020", "Ed25519Signature2020/signedEdSig.json", TestName = "Sign_Ed25519Signature2020_ReproducesSignedEdSig")]
    public void Sign_UnsignedVector_ReproducesSignedVector(string suite, string expectedFile)
    {
        var signed = ReferenceJs.RunJson("sign", null,
            "--suite", suite, "--key", KeyFile, "--created", Created, "--in", TestVectors("unsigned.json"));

        var expected = JsonNode.Parse(File.ReadAllText(TestVectors(expectedFile.Split('/'))))!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)signed["proof"]!["proofValue"], Is.EqualTo((string?)expected["proof"]!["proofValue"]));
            Assert.That(JsonNode.DeepEquals(signed, expected), Is.True, signed.ToJsonString());
        });
    }

    [Test]
    public void Canonize_Unsigned_EqualsCanonDocDataIntByteForByte()
    {
        var result = ReferenceJs.Run("canonize", null, "--in", TestVectors("unsigned.json")).EnsureSuccess();

        Assert.That(result.Stdout, Is.EqualTo(File.ReadAllText(TestVectors("eddsa-rdfc-2022", "canonDocDataInt.txt"))));
    }

    [Test]
    public void Canonize_FromStdin_EqualsEmployCanonDoc()
    {
        var result = ReferenceJs.Run("canonize", File.ReadAllText(TestVectors("employmentAuth.json"))).EnsureSuccess();

        Assert.That(result.Stdout,
            Is.EqualTo(File.ReadAllText(TestVectors("eddsa-rdfc-2022", "employ", "canonDocDataInt.txt"))));
    }

    [Test]
    public void Jcs_Unsigned_EqualsCanonDocJcs()
    {
        var result = ReferenceJs.Run("jcs", null, "--in", TestVectors("unsigned.json")).EnsureSuccess();

        Assert.That(result.Stdout, Is.EqualTo(File.ReadAllText(TestVectors("eddsa-jcs-2022", "canonDocJCS.txt"))));
    }

    [Test]
    public void Jcs_NonAsciiThroughStdin_RoundTripsUtf8()
    {
        var result = ReferenceJs.Run("jcs", "{\"b\":\"\u00e9\u20ac\U0001F600\",\"a\":1.0E2}").EnsureSuccess();

        Assert.That(result.Stdout, Is.EqualTo("{\"a\":100,\"b\":\"\u00e9\u20ac\U0001F600\"}"));
    }

    [TestCase("eddsa-jcs-2022/signedJCS.json", TestName = "Verify_SignedJcs_Verified")]
    [TestCase("eddsa-rdfc-2022/signedDataInt.json", TestName = "Verify_SignedDataInt_Verified")]
    [TestCase("eddsa-rdfc-2022/employ/signedDataInt.json", TestName = "Verify_EmploySignedDataInt_Verified")]
    [TestCase("Ed25519Signature2020/signedEdSig.json", TestName = "Verify_SignedEdSig_Verified")]
    public void Verify_SignedVector_Verified(string file)
    {
        // The vectors' issuer (https://vc.example/issuers/5678) is not the did:key controller, so the library's
        // issuer binding is turned off; the signature and the assertionMethod purpose are still checked.
        var result = ReferenceJs.Run("verify", null, "--no-issuer-check", "--in", TestVectors(file.Split('/')));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
            Assert.That((bool?)result.Json["verified"], Is.True);
        });
    }

    [TestCase("eddsa-jcs-2022/signedJCS.json", TestName = "Verify_TamperedSignedJcs_NotVerified")]
    [TestCase("eddsa-rdfc-2022/signedDataInt.json", TestName = "Verify_TamperedSignedDataInt_NotVerified")]
    [TestCase("Ed25519Signature2020/signedEdSig.json", TestName = "Verify_TamperedSignedEdSig_NotVerified")]
    public void Verify_OneCharacterChanged_NotVerified(string file)
    {
        var text = File.ReadAllText(TestVectors(file.Split('/')));
        var tampered = text.Replace("The School of Examples", "The School of Exampl3s", StringComparison.Ordinal);
        Assert.That(tampered, Is.Not.EqualTo(text));

        var result = ReferenceJs.Run("verify", tampered, "--no-issuer-check");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Stdout + result.Stderr);
            Assert.That((bool?)result.Json["verified"], Is.False);
            Assert.That((string?)result.Json["error"], Does.Contain("Invalid signature"));
        });
    }

    [Test]
    public void Verify_IssuerNotTheKeyController_NotVerifiedByDefault()
    {
        var result = ReferenceJs.Run("verify", null, "--in", TestVectors("eddsa-rdfc-2022", "signedDataInt.json"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That((string?)result.Json["error"], Does.Contain("issuer must match"));
        });
    }

    [Test]
    public void SignPresentVerify_DidKeyIssuer_RoundTrips()
    {
        var key = JsonNode.Parse(File.ReadAllText(KeyFile))!;
        var did = "did:key:" + (string)key["publicKeyMultibase"]!;
        var credential = JsonNode.Parse(File.ReadAllText(TestVectors("unsigned.json")))!;
        credential["issuer"] = did;

        var signed = ReferenceJs.Run("sign", credential.ToJsonString(), "--suite", "eddsa-rdfc-2022", "--key", KeyFile)
            .EnsureSuccess();
        ReferenceJs.Run("verify", signed.Stdout).EnsureSuccess();

        var vp = ReferenceJs.Run("present", signed.Stdout, "--suite", "eddsa-jcs-2022", "--key", KeyFile,
            "--challenge", "c-1", "--domain", "verifier.example").EnsureSuccess();
        var ok = ReferenceJs.Run("verify-presentation", vp.Stdout, "--challenge", "c-1", "--domain", "verifier.example");
        var wrong = ReferenceJs.Run("verify-presentation", vp.Stdout, "--challenge", "c-2", "--domain", "verifier.example");

        Assert.Multiple(() =>
        {
            Assert.That((string?)signed.Json["proof"]!["verificationMethod"], Is.EqualTo(did + "#" + did["did:key:".Length..]));
            Assert.That((string?)vp.Json["proof"]!["proofPurpose"], Is.EqualTo("authentication"));
            Assert.That(ok.ExitCode, Is.Zero, ok.Stdout + ok.Stderr);
            Assert.That(wrong.ExitCode, Is.EqualTo(1), wrong.Stdout + wrong.Stderr);
        });
    }

    [Test]
    public void Canonize_UnknownContext_FailsOffline()
    {
        var doc = JsonNode.Parse(File.ReadAllText(TestVectors("unsigned.json")))!;
        doc["@context"]!.AsArray().Add("https://example.org/not-served");

        var result = ReferenceJs.Run("canonize", doc.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain("offline document loader"));
        });
    }

    [Test]
    public void Run_UnknownSubcommand_ExitsWithTwo()
    {
        var result = ReferenceJs.Run("no-such-command", null);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain("unknown command"));
        });
    }
}
