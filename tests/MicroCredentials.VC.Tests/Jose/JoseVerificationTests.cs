using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Jose;

/// <summary>vc+jwt issued and verified here (EdDSA with did:key, ES256/RS256/PS256 with an in-memory controller document), and every refusal with its code.</summary>
[TestFixture]
public class JoseVerificationTests
{
    private static readonly DateTimeOffset Issued = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Issued.AddDays(1);
    private const string Issuer = "did:example:university";
    private const string Vm = Issuer + "#key-1";

    private static VerificationOptions Options(InMemoryMethods? methods = null) => new()
    {
        TimeProvider = new FixedTimeProvider(Now),
        VerificationMethodResolver = methods ?? (VC.Dids.IVerificationMethodResolver)VC.Dids.DidVerificationMethodResolver.Default,
    };

    private static async Task<VerificationReport> Verify(string token, InMemoryMethods? methods = null) =>
        await new CredentialVerifier(Options(methods)).VerifyAsync(token);

    private static JoseSigningKey Ec(ECCurve curve, out InMemoryMethods methods)
    {
        using var ec = ECDsa.Create(curve);
        var key = JoseSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem(), keyId: Vm);
        methods = new InMemoryMethods().Add(Vm, Issuer, key.PublicJwk);
        return key;
    }

    [Test]
    public async Task EdDsa_DidKey_RoundTrip_EveryCheckPasses()
    {
        using var ed = Ed25519SigningKey.Generate();
        using var key = JoseSigningKey.FromEd25519(ed);
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued }).SignCredential(CredentialVerifierTests.Vc2(DidKey.Create(ed.PublicKey)));

        Assert.That(Encoding.ASCII.GetString(Base64Url.Decode(token.Split('.')[0])), Is.EqualTo($"{{\"alg\":\"EdDSA\",\"cty\":\"vc\",\"kid\":\"{DidKey.CreateVerificationMethodId(ed.PublicKey)}\",\"typ\":\"vc+jwt\"}}"));
        var payload = RawJws.Payload(token);
        Assert.That((string?)payload["iss"], Is.EqualTo(DidKey.Create(ed.PublicKey)));
        Assert.That((long)payload["iat"]!, Is.EqualTo(Issued.ToUnixTimeSeconds()));

        var report = await Verify(token);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report.SecuringMechanism, Is.EqualTo("vc+jwt"));
        Assert.That(report.Document!["credentialSubject"], Is.Not.Null);
    }

    [Test]
    public async Task UndefinedTerm_AddedToAnRdfcSignedCredential_FailsContext()
    {
        // The dataset, and so the eddsa-rdfc-2022 signature, ignores a term no context defines: there safe mode is the
        // security, so the term fails the credential instead of being a warning.
        using var ed = Ed25519SigningKey.Generate();
        var issuer = VC.Issuance.CredentialIssuer.ForDidKey(ed, new VC.Issuance.IssuerOptions { Cryptosuite = VC.Proofs.Cryptosuites.EdDsaRdfc2022, Created = Issued });
        var signed = await issuer.SignAsync(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = DidKey.Create(ed.PublicKey),
            ["issuanceDate"] = "2026-06-30T10:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
        });
        Assert.That((await new CredentialVerifier(Options()).VerifyAsync(signed)).Verified, Is.True);
        signed["cnf"] = new JsonObject { ["kid"] = "did:example:holder#key-1" };

        var report = await new CredentialVerifier(Options()).VerifyAsync(signed);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Context].Status, Is.EqualTo(CheckStatus.Failed), report[VerificationCheck.Context].ToString());
    }

    [TestCase("ES256")]
    [TestCase("ES384")]
    [TestCase("ES512")]
    [TestCase("ES256K")]
    public async Task Ecdsa_RoundTrip_Verifies(string alg)
    {
        var curve = alg switch
        {
            "ES256" => ECCurve.NamedCurves.nistP256,
            "ES384" => ECCurve.NamedCurves.nistP384,
            "ES256K" => ECCurve.CreateFromValue("1.3.132.0.10"),
            _ => ECCurve.NamedCurves.nistP521,
        };
        using var key = Ec(curve, out var methods);
        Assert.That(key.Algorithm, Is.EqualTo(alg));
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued }).SignCredential(CredentialVerifierTests.Vc2(Issuer));
        var report = await Verify(token, methods);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task Es256K_WithADidJwkIssuer_Verifies_AndAnotherAlgorithmOnTheKeyIsRefused()
    {
        using var ec = ECDsa.Create(ECCurve.CreateFromValue("1.3.132.0.10"));
        using var probe = JoseSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem());
        Assert.That(probe.Algorithm, Is.EqualTo("ES256K"), "a secp256k1 key signs ES256K by default");
        var did = DidJwk.Create(probe.PublicJwk);
        using var key = JoseSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem(), keyId: did + "#0");
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued }).SignCredential(CredentialVerifierTests.Vc2(did));

        var report = await Verify(token);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(() => JoseSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem(), "ES256", did + "#0"), Throws.ArgumentException, "ES256 needs P-256, not secp256k1");

        // The same signature under an ES256 header: algorithm confusion, refused.
        var parts = token.Split('.');
        var header = RawJws.Header(token);
        header["alg"] = "ES256";
        var forged = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + parts[1] + "." + parts[2];
        Assert.That((await Verify(forged)).Verified, Is.False);
    }

    [TestCase("RS256")]
    [TestCase("PS256")]
    public async Task Rsa_RoundTrip_Verifies(string alg)
    {
        using var rsa = RSA.Create(2048);
        using var key = JoseSigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem(), alg, Vm);
        var methods = new InMemoryMethods().Add(Vm, Issuer, key.PublicJwk);
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued }).SignCredential(CredentialVerifierTests.Vc2(Issuer));
        Assert.That((string?)RawJws.Header(token)["alg"], Is.EqualTo(alg));
        var report = await Verify(token, methods);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task RelativeKid_ResolvedAgainstIssuer()
    {
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = "#key-1", ["typ"] = "vc+jwt" };
        var token = RawJws.Sign(header, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key);
        var report = await Verify(token, methods);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task Refused_AlgNone()
    {
        var token = RawJws.Unsigned(new JsonObject { ["alg"] = "none", ["typ"] = "vc+jwt", ["kid"] = Vm }, CredentialVerifierTests.Vc2(Issuer).ToJsonString());
        var report = await Verify(token, new InMemoryMethods());
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.algorithmNone"));
    }

    [Test]
    public async Task Refused_Hs256WithThePublicKeyAsSecret()
    {
        // Algorithm confusion: an attacker MACs the token with the issuer's *public* key as the HMAC secret.
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var header = new JsonObject { ["alg"] = "HS256", ["kid"] = Vm, ["typ"] = "vc+jwt" };
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(CredentialVerifierTests.Vc2(Issuer).ToJsonString()));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.PublicJwk.ToJsonString()), Encoding.ASCII.GetBytes(signingInput));
        var report = await Verify(signingInput + "." + Base64Url.Encode(mac), methods);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.algorithmSymmetric"));
    }

    [Test]
    public async Task Refused_AlgorithmThatDoesNotFitTheKey()
    {
        // Signed with P-256 but labelled ES384; and an EdDSA header naming an EC key.
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var es384 = RawJws.Sign(new JsonObject { ["alg"] = "ES384", ["kid"] = Vm, ["typ"] = "vc+jwt" }, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key);
        var report = await Verify(es384, methods);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.algorithmKeyMismatch"));

        using var ed = Ed25519SigningKey.Generate();
        var edDsa = RawJws.Sign(new JsonObject { ["alg"] = "EdDSA", ["kid"] = Vm, ["typ"] = "vc+jwt" }, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), new Ed25519Signer(ed, "urn:test:ed25519"));
        report = await Verify(edDsa, methods);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.algorithmKeyMismatch"));
    }

    [Test]
    public async Task Refused_AlgorithmNotAllowed()
    {
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var token = RawJws.Sign(new JsonObject { ["alg"] = "ES256K-R", ["kid"] = Vm, ["typ"] = "vc+jwt" }, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key);
        var report = await Verify(token, methods);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.algorithmNotAllowed"));

        // ES256K is allowed, but not with a P-256 key.
        var k1 = RawJws.Sign(new JsonObject { ["alg"] = "ES256K", ["kid"] = Vm, ["typ"] = "vc+jwt" }, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key);
        Assert.That((await Verify(k1, methods))[VerificationCheck.Signature].Code, Is.EqualTo("signature.algorithmKeyMismatch"));
    }

    [Test]
    public async Task Refused_UnknownCrit()
    {
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = Vm, ["typ"] = "vc+jwt", ["crit"] = new JsonArray("urn:example:must-understand"), ["urn:example:must-understand"] = true };
        var report = await Verify(RawJws.Sign(header, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key), methods);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.unknownCritical"));
    }

    [TestCase("JWT")]
    [TestCase("vp+jwt+nope")]
    [TestCase(null)]
    public async Task Refused_WrongTyp(string? typ)
    {
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = Vm };
        if (typ is not null)
        {
            header["typ"] = typ;
        }

        var report = await Verify(RawJws.Sign(header, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key), methods);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Format].Code, Is.EqualTo("format.jwsType"));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), "every check still runs");
    }

    [Test]
    public async Task Accepted_OlderTypVcLdJwt_AndApplicationPrefix()
    {
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        foreach (var typ in new[] { "vc+ld+jwt", "application/vc+jwt" })
        {
            var report = await Verify(RawJws.Sign(new JsonObject { ["alg"] = "ES256", ["kid"] = Vm, ["typ"] = typ, ["cty"] = "vc" }, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key), methods);
            Assert.That(report.Verified, Is.True, typ + "\n" + string.Join("\n", report.Checks));
        }
    }

    [Test]
    public async Task Refused_WrongCty()
    {
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var report = await Verify(RawJws.Sign(new JsonObject { ["alg"] = "ES256", ["kid"] = Vm, ["typ"] = "vc+jwt", ["cty"] = "vp" }, CredentialVerifierTests.Vc2(Issuer).ToJsonString(), key), methods);
        Assert.That(report[VerificationCheck.Format].Code, Is.EqualTo("format.jwsContentType"));
    }

    [Test]
    public async Task Refused_TamperedPayload()
    {
        using var ed = Ed25519SigningKey.Generate();
        using var key = JoseSigningKey.FromEd25519(ed);
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued }).SignCredential(CredentialVerifierTests.Vc2(DidKey.Create(ed.PublicKey)));
        var parts = token.Split('.');
        var payload = RawJws.Payload(token);
        payload["credentialSubject"]!["alumniOf"]!["name"] = "Another University";
        var tampered = parts[0] + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
        var report = await Verify(tampered);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.invalid"));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Not.Contain("Another University"));
    }

    [Test]
    public async Task Refused_ExpiredExp()
    {
        using var ed = Ed25519SigningKey.Generate();
        using var key = JoseSigningKey.FromEd25519(ed);
        var token = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Issued, Expires = Issued.AddHours(1) }).SignCredential(CredentialVerifierTests.Vc2(DidKey.Create(ed.PublicKey)));
        var report = await Verify(token);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Expiry].Code, Is.EqualTo("expiry.expired"));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [Test]
    public async Task Refused_IssNotTheIssuer_AndKeyOfAnotherController()
    {
        using var key = Ec(ECCurve.NamedCurves.nistP256, out var methods);
        var payload = CredentialVerifierTests.Vc2(Issuer);
        payload["iss"] = "did:example:someone-else";
        var report = await Verify(RawJws.Sign(new JsonObject { ["alg"] = "ES256", ["kid"] = Vm, ["typ"] = "vc+jwt" }, payload.ToJsonString(), key), methods);
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.issMismatch"));

        report = await Verify(RawJws.Sign(new JsonObject { ["alg"] = "ES256", ["kid"] = Vm, ["typ"] = "vc+jwt" }, CredentialVerifierTests.Vc2("did:example:impostor").ToJsonString(), key), methods);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.controllerMismatch"));
    }

    [TestCase("a.b")]
    [TestCase("eyJhbGciOiJFUzI1NiJ9.e30.sig.x.y")]
    [TestCase("!!!.e30.AAAA")]
    [TestCase("e30~.e30.AAAA")]
    public async Task Malformed_NeverThrows(string token)
    {
        var report = await Verify(token);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Format].Status, Is.EqualTo(CheckStatus.Failed));
    }

    [Test]
    public async Task Vc11Jwt_VcClaimForm_MappedAndVerified()
    {
        // VC Data Model 1.1 §6.3.1: iss → issuer, nbf → issuanceDate, exp → expirationDate, jti → id, sub → credentialSubject.id.
        using var ed = Ed25519SigningKey.Generate();
        var did = DidKey.Create(ed.PublicKey);
        var claims = new JsonObject
        {
            ["iss"] = did,
            ["sub"] = "did:example:learner-1",
            ["nbf"] = Issued.ToUnixTimeSeconds(),
            ["exp"] = Issued.AddYears(1).ToUnixTimeSeconds(),
            ["jti"] = "urn:uuid:6a1f0e2c-4f38-4c1b-a1c5-0d3e8b7e9a10",
            ["vc"] = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
                ["type"] = new JsonArray("VerifiableCredential"),
                ["credentialSubject"] = new JsonObject(),
            },
        };
        var token = RawJws.Sign(new JsonObject { ["alg"] = "EdDSA", ["kid"] = DidKey.CreateVerificationMethodId(ed.PublicKey), ["typ"] = "JWT" }, claims.ToJsonString(), new Ed25519Signer(ed, "urn:test:ed25519"));
        var report = await Verify(token);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report.Issuer, Is.EqualTo(did));
        Assert.That((string?)report.Document!["issuanceDate"], Is.EqualTo("2026-06-30T10:00:00Z"));
        Assert.That((string?)report.Document!["credentialSubject"]!["id"], Is.EqualTo("did:example:learner-1"));

        var later = await new CredentialVerifier(Options() with { TimeProvider = new FixedTimeProvider(Issued.AddYears(2)) }).VerifyAsync(token);
        Assert.That(later[VerificationCheck.Expiry].Code, Is.EqualTo("expiry.expired"));
    }

    [Test]
    public void Issue_Vc11Credential_Refused()
    {
        using var ed = Ed25519SigningKey.Generate();
        using var key = JoseSigningKey.FromEd25519(ed);
        var vc11 = new JsonObject { ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"), ["type"] = "VerifiableCredential", ["issuer"] = "did:example:x", ["credentialSubject"] = new JsonObject() };
        Assert.That(() => new JoseIssuer(key).SignCredential(vc11), Throws.ArgumentException.With.Message.Contains("VC Data Model 2.0"));
    }

    [Test]
    public void SigningKey_AlgorithmMustFitTheKey()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.That(() => JoseSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem(), "ES384"), Throws.ArgumentException);
        Assert.That(() => JoseSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem(), "HS256"), Throws.ArgumentException);
        using var ed = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        Assert.That(() => JoseSigningKey.Import(KeyFile.Create(ed), "RS256"), Throws.ArgumentException);
    }

    [Test]
    public void SigningKey_ImportsKeygenFile_Ed25519Pkcs8Pem_AndTestSuiteVmFile()
    {
        using var ed = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        using (var fromFile = JoseSigningKey.Import(KeyFile.Create(ed)))
        {
            Assert.That(fromFile.Algorithm, Is.EqualTo("EdDSA"));
            Assert.That(fromFile.KeyId, Is.EqualTo(DidKey.CreateVerificationMethodId(ed.PublicKey)));
        }

        // RFC 8410 PKCS#8: SEQUENCE { 0, SEQUENCE { 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }.
        var der = Convert.FromHexString("302e020100300506032b657004220420").Concat(ed.ExportSeed()).ToArray();
        var pem = PemEncoding.WriteString("PRIVATE KEY", der);
        using (var fromPem = JoseSigningKey.FromPem(pem))
        {
            Assert.That(fromPem.PublicJwk["x"]!.GetValue<string>(), Is.EqualTo(Base64Url.Encode(ed.PublicKey.Bytes)));
        }

        using var p384 = SuiteFiles.SigningKey("vm-p384.json");
        Assert.That(p384.Algorithm, Is.EqualTo("ES384"));
        Assert.That(p384.KeyId, Is.EqualTo("https://example.issuer/vc-jose-cose#key-2"));
    }

    [TestCase("vm-ed25519.json")]
    [TestCase("vm-p256.json")]
    [TestCase("vm-p384.json")]
    [TestCase("vm-p521.json")]
    public void Rfc7638Thumbprint_MatchesTheTestSuiteKid(string file)
    {
        // The test suite's kids are RFC 7638 thumbprints: ours (of OKP keys, and the default kid of EC keys) agree.
        var vm = SuiteFiles.Json(file);
        var secret = (JsonObject)vm["secretKeyJwk"]!.DeepClone();
        var expected = (string)secret["kid"]!;
        secret.Remove("kid");
        using var key = JoseSigningKey.FromJwk(secret);
        var kid = key.Algorithm == "EdDSA" ? JwsKeys.Thumbprint(key.PublicJwk) : key.KeyId;
        Assert.That(kid, Is.EqualTo(expected));
    }
}
