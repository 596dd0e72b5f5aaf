using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.Interop;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Jades;

/// <summary>Our JAdES B-B seals: shape, round trip, independent verification (openssl, jose), and what is refused.</summary>
public class JadesSealTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 1, 9, 30, 15, TimeSpan.Zero);
    private X509Certificate2 _ca = null!;
    private X509Certificate2 _rsa = null!;
    private X509Certificate2 _ec = null!;

    [OneTimeSetUp]
    public void MakePki()
    {
        _ca = TestPki.CreateRoot("JAdES Test Root");
        _rsa = TestPki.CreateSeal(_ca);
        _ec = TestPki.CreateSeal(_ca, kind: TestPki.KeyKind.EcP256);
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _ca.Dispose();
        _rsa.Dispose();
        _ec.Dispose();
    }

    private X509Certificate2 Cert(string alg) => alg.StartsWith("ES", StringComparison.Ordinal) ? _ec : _rsa;

    private async Task<JsonObject> Issue(string alg)
    {
        var issuer = new SealingIssuer(Cert(alg), null, new IssuerOptions { Created = SignedAt }, new JadesOptions { Algorithm = alg });
        var result = await issuer.IssueAsync(TestPki.SampleModel());
        Assert.That(result.Succeeded, Is.True);
        return result.Credential!;
    }

    private static async Task<VerificationReport> Verify(JsonObject seal, params X509Certificate2[] anchors) =>
        await new CredentialVerifier(new VerificationOptions { TrustAnchors = [.. anchors] }).VerifyAsync(seal);

    private string Payload(JsonObject seal) => seal["payload"]!.GetValue<string>();

    [Test]
    public async Task Seal_HeaderHasTheShapeOfTheEdcSamples()
    {
        var seal = await Issue("RS256");
        var header = TestPki.ProtectedHeader(seal);
        Assert.That(header.Select(p => p.Key), Is.EqualTo(new[] { "alg", "cty", "kid", "x5t#S256", "x5c", "typ", "b64", "sigT", "crit" }));
        Assert.Multiple(() =>
        {
            Assert.That(header["alg"]!.GetValue<string>(), Is.EqualTo("RS256"));
            Assert.That(header["typ"]!.GetValue<string>(), Is.EqualTo("jose+json"));
            Assert.That(header["cty"]!.GetValue<string>(), Is.EqualTo("octet-stream"));
            Assert.That(header["b64"]!.GetValue<bool>(), Is.False);
            Assert.That(header["sigT"]!.GetValue<string>(), Is.EqualTo("2026-03-01T09:30:15Z"));
            Assert.That(header["crit"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "b64", "sigT" }));
            Assert.That(header["x5c"]!.AsArray()[0]!.GetValue<string>(), Is.EqualTo(Convert.ToBase64String(_rsa.RawData)));
            Assert.That(header["x5t#S256"]!.GetValue<string>(), Is.EqualTo(Base64Url.Encode(SHA256.HashData(_rsa.RawData))));
        });

        // kid: IssuerSerial (RFC 5035) — issuer DN in a [4] directoryName, then the serial number, as EDC writes it.
        var reader = new AsnReader(Convert.FromBase64String(header["kid"]!.GetValue<string>()), AsnEncodingRules.DER).ReadSequence();
        var names = reader.ReadSequence();
        var directoryName = names.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 4, true));
        Assert.That(directoryName.ReadEncodedValue().ToArray(), Is.EqualTo(_rsa.IssuerName.RawData));
        Assert.That(reader.ReadIntegerBytes().ToArray(), Is.EqualTo(_rsa.SerialNumberBytes.ToArray()));

        // The payload is the credential; issuer = the sealing organisation, with its eIDAS identifier; no Data Integrity context.
        var credential = JsonNode.Parse(Payload(seal))!.AsObject();
        Assert.That(credential["issuer"]!["eIDASIdentifier"]!["notation"]!.GetValue<string>(), Is.EqualTo("VATBE-0123456789"));
        Assert.That(credential["@context"]!.AsArray().Select(c => c!.GetValue<string>()), Does.Not.Contain("https://w3id.org/security/data-integrity/v2"));
        Assert.That(seal.ContainsKey("proof") || credential.ContainsKey("proof"), Is.False);
    }

    [TestCase("RS256", TestName = "Seal_RS256_VerifiesWithEveryCheck")]
    [TestCase("PS256", TestName = "Seal_PS256_VerifiesWithEveryCheck")]
    [TestCase("ES256", TestName = "Seal_ES256_VerifiesWithEveryCheck")]
    public async Task Seal_VerifiesInOurs(string alg)
    {
        var seal = await Issue(alg);
        var report = await Verify(seal, _ca);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Contain(alg));
        Assert.That(report[VerificationCheck.Issuer].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Accreditation].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [Test]
    public async Task Seal_ES256_SignatureIsP1363RawRS()
    {
        var seal = await Issue("ES256");
        Assert.That(Base64Url.Decode(seal["signatures"]![0]!["signature"]!.GetValue<string>()), Has.Length.EqualTo(64));
    }

    [TestCase("RS256", TestName = "Seal_RS256_VerifiesWithOpenssl")]
    [TestCase("PS256", TestName = "Seal_PS256_VerifiesWithOpenssl")]
    [TestCase("ES256", TestName = "Seal_ES256_VerifiesWithOpenssl")]
    public async Task Seal_VerifiesWithOpenssl(string alg)
    {
        var seal = await Issue(alg);
        var dir = Directory.CreateTempSubdirectory("mcred-jades-openssl-").FullName;
        try
        {
            var signature = Base64Url.Decode(seal["signatures"]![0]!["signature"]!.GetValue<string>());
            if (alg == "ES256")
            {
                // openssl wants ECDSA-Sig-Value (DER), JOSE carries r||s.
                var der = new AsnWriter(AsnEncodingRules.DER);
                using (der.PushSequence())
                {
                    der.WriteIntegerUnsigned(signature.AsSpan(0, 32));
                    der.WriteIntegerUnsigned(signature.AsSpan(32));
                }

                signature = der.Encode();
            }

            File.WriteAllBytes(Path.Combine(dir, "sig.bin"), signature);
            File.WriteAllBytes(Path.Combine(dir, "input.bin"), Encoding.ASCII.GetBytes(seal["signatures"]![0]!["protected"]!.GetValue<string>() + ".").Concat(Encoding.UTF8.GetBytes(Payload(seal))).ToArray());
            File.WriteAllText(Path.Combine(dir, "pub.pem"), PublicKeyPem(Cert(alg)));
            List<string> args = ["dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin"];
            if (alg == "PS256")
            {
                args.AddRange(["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"]);
            }

            args.Add("input.bin");
            var psi = new ProcessStartInfo("openssl") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            args.ForEach(psi.ArgumentList.Add);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, stdout + stderr);
            Assert.That(stdout, Does.Contain("Verified OK"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string PublicKeyPem(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        using var ec = certificate.GetECDsaPublicKey();
        return rsa?.ExportSubjectPublicKeyInfoPem() ?? ec!.ExportSubjectPublicKeyInfoPem();
    }

    [TestCase("RS256", TestName = "Seal_RS256_VerifiesWithReferenceJs")]
    [TestCase("PS256", TestName = "Seal_PS256_VerifiesWithReferenceJs")]
    [TestCase("ES256", TestName = "Seal_ES256_VerifiesWithReferenceJs")]
    public async Task Seal_VerifiesWithReferenceJs(string alg)
    {
        var seal = await Issue(alg);
        var result = ReferenceJs.Run("jws-verify-json", seal.ToJsonString()).EnsureSuccess();
        Assert.That(result.Json["verified"]!.GetValue<bool>(), Is.True);
        Assert.That(result.Json["keySource"]!.GetValue<string>(), Is.EqualTo("x5c"));
        Assert.That(result.Json["header"]!["alg"]!.GetValue<string>(), Is.EqualTo(alg));
    }

    [Test]
    public async Task Seal_ReferenceJs_RejectsOneCharacterChange()
    {
        var seal = await Issue("RS256");
        seal["payload"] = Payload(seal).Replace("VerifiableCredential", "VerifiableCredentiaL", StringComparison.Ordinal);
        Assert.That(ReferenceJs.Run("jws-verify-json", seal.ToJsonString()).ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task Seal_FlattenedSerialization_AlsoVerifies()
    {
        var seal = await Issue("RS256");
        var signature = seal["signatures"]![0]!.AsObject();
        var flattened = new JsonObject { ["payload"] = Payload(seal), ["protected"] = signature["protected"]!.DeepClone(), ["signature"] = signature["signature"]!.DeepClone() };
        var report = await Verify(flattened);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Signature].ToString());
    }

    [Test]
    public async Task Seal_UnrelatedCa_FailsAccreditation()
    {
        using var other = TestPki.CreateRoot("Unrelated Root");
        var report = await Verify(await Issue("RS256"), other);
        Assert.That(report[VerificationCheck.Accreditation].Code, Is.EqualTo("accreditation.untrustedChain"));
        Assert.That(report.Verified, Is.False);
    }

    [Test]
    public async Task Seal_CertificateWithoutSigningKeyUsage_FailsAccreditation()
    {
        using var encipherOnly = TestPki.CreateSeal(_ca, usage: X509KeyUsageFlags.KeyEncipherment);
        var credential = JsonNode.Parse(Payload(await Issue("RS256")))!.AsObject();
        var report = await Verify(JadesSealer.Seal(credential, encipherOnly), _ca);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Accreditation].Code, Is.EqualTo("accreditation.keyUsage"));
    }

    [Test]
    public async Task Seal_CertificateOfAnotherOrganisation_FailsIssuer()
    {
        using var other = TestPki.CreateSeal(_ca, "VATFR-99999999999", organisation: "Other Org");
        var credential = JsonNode.Parse(Payload(await Issue("RS256")))!.AsObject();
        var report = await Verify(JadesSealer.Seal(credential, other));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.organizationMismatch"));
    }

    [Test]
    public async Task Seal_CertificateWithoutOrganizationIdentifier_FailsIssuer()
    {
        using var plain = TestPki.CreateSeal(_ca, organizationIdentifier: null);
        var credential = JsonNode.Parse(Payload(await Issue("RS256")))!.AsObject();
        var report = await Verify(JadesSealer.Seal(credential, plain));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.noOrganizationIdentifier"));
    }

    [Test]
    public void Seal_AlgorithmThatDoesNotFitTheKey_Throws() =>
        Assert.Throws<ArgumentException>(() => JadesSealer.Seal(new JsonObject(), _rsa, null, new JadesOptions { Algorithm = "ES256" }));

    [Test]
    public void Seal_CertificateWithoutPrivateKey_Throws()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(_rsa.RawData);
        Assert.Throws<ArgumentException>(() => JadesSealer.Seal(new JsonObject(), publicOnly));
    }

    // ---- Refusals: a header the verifier must not accept, signed correctly so only the header is at fault.
    private async Task<JsonObject> Header(string alg = "RS256") => TestPki.ProtectedHeader(await Issue(alg));

    private async Task<string> CheckCode(JsonObject header, Func<byte[], byte[]>? sign = null, string alg = "RS256")
    {
        var payload = Payload(await Issue(alg));
        using var rsa = _rsa.GetRSAPrivateKey()!;
        var seal = TestPki.Forge(header, payload, sign ?? (input => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        var report = await Verify(seal);
        Assert.That(report.Verified, Is.False);
        return report[VerificationCheck.Signature].Code!;
    }

    [Test]
    public async Task Refused_AlgNone()
    {
        var header = await Header();
        header["alg"] = "none";
        Assert.That(await CheckCode(header, _ => []), Is.EqualTo("signature.algorithmNotAllowed"));
    }

    [Test]
    public async Task Refused_AlgHS256()
    {
        var header = await Header();
        header["alg"] = "HS256";
        Assert.That(await CheckCode(header, input => HMACSHA256.HashData(_rsa.RawData, input)), Is.EqualTo("signature.algorithmNotAllowed"));
    }

    [Test]
    public async Task Refused_AlgUnknown()
    {
        var header = await Header();
        header["alg"] = "EdDSA";
        Assert.That(await CheckCode(header), Is.EqualTo("signature.algorithmNotAllowed"));
    }

    [Test]
    public async Task Refused_AlgThatDoesNotFitTheCertificateKey()
    {
        var header = await Header();
        header["alg"] = "ES256";
        Assert.That(await CheckCode(header), Is.EqualTo("signature.keyAlgorithmMismatch"));
    }

    [Test]
    public async Task Refused_UnknownCriticalHeader()
    {
        var header = await Header();
        header["crit"] = new JsonArray("b64", "sigT", "exp2");
        header["exp2"] = 1;
        Assert.That(await CheckCode(header), Is.EqualTo("signature.unknownCritical"));
    }

    [Test]
    public async Task Refused_CriticalHeaderMissing()
    {
        var header = await Header();
        header["crit"] = new JsonArray("b64", "sigT", "adoTst");
        Assert.That(await CheckCode(header), Is.EqualTo("signature.criticalHeaderMissing"));
    }

    [Test]
    public async Task Refused_B64NotListedInCrit()
    {
        var header = await Header();
        header["crit"] = new JsonArray("sigT");
        Assert.That(await CheckCode(header), Is.EqualTo("signature.b64NotCritical"));
    }

    [Test]
    public async Task Refused_ContentTimestampOfAnotherPayload()
    {
        var annex = JsonNode.Parse(File.ReadAllText(TestSupport.Shared.Path("anchors", "edc", "elm-v3", "samples", "Sample-MC-Annex1-signed.jsonld")))!.AsObject();
        var header = await Header();
        header["adoTst"] = TestPki.ProtectedHeader(annex)["adoTst"]!.DeepClone();
        header["crit"] = new JsonArray("b64", "sigT", "adoTst");
        Assert.That(await CheckCode(header), Is.EqualTo("signature.contentTimestampInvalid"));
    }

    [Test]
    public async Task Refused_WrongX5tS256()
    {
        var header = await Header();
        header["x5t#S256"] = Base64Url.Encode(SHA256.HashData(_ca.RawData));
        Assert.That(await CheckCode(header), Is.EqualTo("signature.thumbprintMismatch"));
    }

    [Test]
    public async Task Refused_NoX5c()
    {
        var header = await Header();
        header.Remove("x5c");
        Assert.That(await CheckCode(header), Is.EqualTo("signature.noCertificate"));
    }

    [Test]
    public async Task Refused_SignedByAnotherKey()
    {
        var header = await Header();
        using var other = RSA.Create(2048);
        Assert.That(await CheckCode(header, input => other.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), Is.EqualTo("signature.invalid"));
    }

    [Test]
    public async Task Refused_GarbageProtectedHeader_NeverThrows()
    {
        var seal = await Issue("RS256");
        seal["signatures"]![0]!["protected"] = "not*base64";
        var report = await Verify(seal);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.malformedHeader"));
    }

    [Test]
    public async Task Refused_PayloadNotJson_NeverThrows()
    {
        var report = await Verify(new JsonObject { ["payload"] = "{not json", ["signatures"] = new JsonArray(new JsonObject { ["protected"] = "e30", ["signature"] = "" }) });
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Format].Code, Does.StartWith("signature."));
    }
}
