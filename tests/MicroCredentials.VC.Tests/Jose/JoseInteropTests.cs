using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.Interop;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Jose;

/// <summary>vc+jwt against panva's jose (tests/interop/vcjs.mjs jose-sign / jose-verify): ours verifies there, theirs here.</summary>
[TestFixture]
[Category("Interop")]
public class JoseInteropTests
{
    private static readonly DateTimeOffset Issued = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private string _dir = null!;

    [OneTimeSetUp]
    public void Setup()
    {
        ReferenceJs.EnsureInstalled();
        _dir = Path.Combine(Path.GetTempPath(), "mcred-jose-interop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string Write(JsonNode node)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static VerificationOptions At => new() { TimeProvider = new FixedTimeProvider(Issued.AddDays(1)) };

    [Test]
    public void OurEdDsa_VerifiesWithJose()
    {
        using var ed = Ed25519SigningKey.Generate();
        using var key = JoseSigningKey.FromEd25519(ed);
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued }).SignCredential(CredentialVerifierTests.Vc2(DidKey.Create(ed.PublicKey)));
        var result = ReferenceJs.Run("jose-verify", token, "--jwk", Write(key.PublicJwk), "--alg", "EdDSA").EnsureSuccess().Json;
        Assert.That((bool)result["verified"]!, Is.True);
        Assert.That((string?)result["header"]!["typ"], Is.EqualTo("vc+jwt"));
        Assert.That((string?)result["payload"]!["issuer"], Is.EqualTo(DidKey.Create(ed.PublicKey)));
    }

    [TestCase("ES256")]
    [TestCase("PS256")]
    public void OurEcdsaAndRsa_VerifyWithJose(string alg)
    {
        using AsymmetricAlgorithm bcl = alg == "ES256" ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        var pem = bcl is ECDsa ec ? ec.ExportPkcs8PrivateKeyPem() : ((RSA)bcl).ExportPkcs8PrivateKeyPem();
        using var key = JoseSigningKey.FromPem(pem, alg, "did:example:university#key-1");
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued }).SignCredential(CredentialVerifierTests.Vc2("did:example:university"));
        var result = ReferenceJs.Run("jose-verify", token, "--jwk", Write(key.PublicJwk), "--alg", alg).EnsureSuccess().Json;
        Assert.That((bool)result["verified"]!, Is.True);
        Assert.That((string?)result["header"]!["kid"], Is.EqualTo("did:example:university#key-1"));

        // And a tampered one is refused there too.
        var bad = token[..^4] + (token[^4] == 'A' ? "BAAA" : "AAAA");
        Assert.That(ReferenceJs.Run("jose-verify", bad, "--jwk", Write(key.PublicJwk), "--alg", alg).ExitCode, Is.Not.Zero);
    }

    [Test]
    public async Task TheirEdDsa_DidKey_VerifiesHere()
    {
        using var ed = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var did = DidKey.Create(ed.PublicKey);
        var token = ReferenceJs.Run("jose-sign", CredentialVerifierTests.Vc2(did).ToJsonString(), "--key", Write(ed.ExportPrivateJwk()), "--alg", "EdDSA",
            "--typ", "vc+jwt", "--cty", "vc", "--kid", DidKey.CreateVerificationMethodId(ed.PublicKey)).EnsureSuccess().Stdout.Trim();
        var report = await new CredentialVerifier(At).VerifyAsync(token);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task TheirEs256_TestSuiteKey_VerifiesHere()
    {
        var vm = SuiteFiles.Json("vm-p256.json");
        var credential = SuiteFiles.Json("credential-minimal.json");
        var token = ReferenceJs.Run("jose-sign", credential.ToJsonString(), "--key", SuiteFiles.Input("vm-p256.json"), "--alg", "ES256",
            "--typ", "vc+jwt", "--cty", "vc", "--kid", (string)vm["id"]!).EnsureSuccess().Stdout.Trim();
        var options = At with { VerificationMethodResolver = SuiteFiles.Resolver("vm-p256.json") };
        var report = await new CredentialVerifier(options).VerifyAsync(token);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));

        // With an HS256 header forged by jose from the same input, refused as a symmetric algorithm.
        var ours = await new CredentialVerifier(options).VerifyAsync(token.Replace(token.Split('.')[0], Base64Url.Encode("{\"alg\":\"HS256\",\"typ\":\"vc+jwt\",\"kid\":\"https://example.issuer/vc-jose-cose#key-1\"}"u8)));
        Assert.That(ours[VerificationCheck.Signature].Code, Is.EqualTo("signature.algorithmSymmetric"));
    }
}
