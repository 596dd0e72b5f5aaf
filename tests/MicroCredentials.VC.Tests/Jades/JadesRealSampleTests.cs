using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Jades;

/// <summary>
/// The real EDC seals in ../shared/anchors/edc (JAdES-BASELINE-LTA, RS256, b64:false): the official ELM v3 Annex I
/// sample (ANF test QSealC, ES; sigT 2023-09-27, crit adds adoTst) and the MyNextID sample (Halcom QSealC of VELOCERT OÜ, EE).
/// Both x5c hold the leaf only; the CA certificates are in the unsigned etsiU xVals.
/// </summary>
public class JadesRealSampleTests
{
    private const string Annex = "elm-v3/samples/Sample-MC-Annex1-signed.jsonld";
    private const string MyNextId = "mynextid/edc-mc-signed.jsonld";

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Shared.Path(["anchors", "edc", .. file.Split('/')])))!.AsObject();

    private static CheckResult Check(VerificationReport report, VerificationCheck check) => report[check];

    private static async Task<VerificationReport> Verify(JsonObject seal, VerificationOptions? options = null) =>
        await new CredentialVerifier(options).VerifyAsync(seal);

    /// <summary>The certificates of the sample's etsiU xVals, by subject CN.</summary>
    private static X509Certificate2 XVal(string file, string commonName)
    {
        var seal = Load(file);
        var unprotected = seal["signatures"]![0]!["header"]!.AsObject();
        return EtsiU.Certificates(unprotected).Single(c => c.GetNameInfo(X509NameType.SimpleName, false) == commonName);
    }

    [TestCase(Annex, "VATES-A00000000", TestName = "RealSeal_AnnexI_SignatureAndIssuerPass")]
    [TestCase(MyNextId, "17207834", TestName = "RealSeal_MyNextId_SignatureAndIssuerPass")]
    public async Task RealSeal_SignatureAndIssuerPass(string file, string notation)
    {
        var report = await Verify(Load(file));
        Assert.Multiple(() =>
        {
            Assert.That(report.SecuringMechanism, Is.EqualTo("jades"));
            Assert.That(Check(report, VerificationCheck.Signature).Status, Is.EqualTo(CheckStatus.Passed), Check(report, VerificationCheck.Signature).ToString());
            Assert.That(Check(report, VerificationCheck.Issuer).Status, Is.EqualTo(CheckStatus.Passed), Check(report, VerificationCheck.Issuer).ToString());
            Assert.That(Check(report, VerificationCheck.Issuer).Detail, Does.Contain(notation));
            Assert.That(Check(report, VerificationCheck.Accreditation).Status, Is.EqualTo(CheckStatus.Skipped));
            Assert.That(Check(report, VerificationCheck.Accreditation).Code, Is.EqualTo("accreditation.noTrustRegistry"));
        });
    }

    [TestCase(Annex, TestName = "RealSeal_AnnexI_OneCharacterChanged_FailsSignature")]
    [TestCase(MyNextId, TestName = "RealSeal_MyNextId_OneCharacterChanged_FailsSignature")]
    public async Task RealSeal_OneCharacterChanged_FailsSignature(string file)
    {
        var seal = Load(file);
        var payload = seal["payload"]!.GetValue<string>();
        var at = payload.IndexOf("VerifiableCredential", StringComparison.Ordinal) + "VerifiableCredentia".Length;
        seal["payload"] = payload[..at] + "L" + payload[(at + 1)..];
        var report = await Verify(seal);
        Assert.That(Check(report, VerificationCheck.Signature).Code, Is.EqualTo("signature.invalid"), Check(report, VerificationCheck.Signature).ToString());
        Assert.That(report.Verified, Is.False);
    }

    [Test]
    public async Task RealSeal_AnnexI_ContentTimestampCoversThePayload()
    {
        var report = await Verify(Load(Annex));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Contain("adoTst) of 2023-09-27T11:54:17Z covers the payload"));
    }

    [Test]
    public async Task RealSeal_AnnexI_SignedAtIsSigT()
    {
        var outcome = await JadesSecuring.VerifyAsync(Load(Annex), VerificationOptions.Default.Environment, CancellationToken.None);
        Assert.That(outcome.SignedAt, Is.EqualTo(new[] { new DateTimeOffset(2023, 9, 27, 11, 54, 17, TimeSpan.Zero) }));
        Assert.That(outcome.SignerCertificates![0].Subject, Does.Contain("VATES-A00000000"));
    }

    /// <summary>
    /// The ANF leaf expired on 2025-05-10 and its root (ANF Global Root CA) is not in the file. With the issuing CA from
    /// xVals as anchor and the test TSA's root (Nowina root-ca, from xVals) as anchor too, the sigTst proves
    /// 2023-09-27T11:54:20Z and the chain builds at that time.
    /// </summary>
    [Test]
    public async Task RealSeal_AnnexI_IssuingCaAndTsaRootAsAnchors_ChainBuildsAtTimestamp()
    {
        var anchors = new X509Certificate2Collection { XVal(Annex, "ANF AC Qualified Certificates for eSeal"), XVal(Annex, "root-ca") };
        var report = await Verify(Load(Annex), new VerificationOptions { TrustAnchors = anchors });
        var accreditation = Check(report, VerificationCheck.Accreditation);
        Assert.That(accreditation.Status, Is.EqualTo(CheckStatus.Passed), accreditation.ToString());
        Assert.That(accreditation.Detail, Does.Contain("2023-09-27T11:54:20Z").And.Contain("sigTst").And.Contain("NoCheck"));
    }

    /// <summary>Without a trusted TSA the time-stamp proves nothing: the chain is checked now, when the leaf has expired.</summary>
    [Test]
    public async Task RealSeal_AnnexI_IssuingCaOnly_FailsNow()
    {
        var anchors = new X509Certificate2Collection { XVal(Annex, "ANF AC Qualified Certificates for eSeal") };
        var report = await Verify(Load(Annex), new VerificationOptions { TrustAnchors = anchors });
        var accreditation = Check(report, VerificationCheck.Accreditation);
        Assert.That(accreditation.Status, Is.EqualTo(CheckStatus.Failed), accreditation.ToString());
        Assert.That(accreditation.Detail, Does.Contain("TSA does not chain"));
    }

    [Test]
    public async Task RealSeal_MyNextId_HalcomRootAsAnchor_Passes()
    {
        var anchors = new X509Certificate2Collection { XVal(MyNextId, "Halcom Root Certificate Authority"), XVal(MyNextId, "self-signed-tsa") };
        var report = await Verify(Load(MyNextId), new VerificationOptions { TrustAnchors = anchors });
        var accreditation = Check(report, VerificationCheck.Accreditation);
        Assert.That(accreditation.Status, Is.EqualTo(CheckStatus.Passed), accreditation.ToString());
        Assert.That(accreditation.Detail, Does.Contain("Halcom Root").And.Contain("2026-01-12T07:12:24Z"));
    }

    [Test]
    public async Task RealSeal_TruncatedX5c_FailsBadCertificate()
    {
        // x5c is inside the signed header: re-encoding it breaks the signature too, but the certificate is reported first.
        var seal = Load(MyNextId);
        var entry = seal["signatures"]![0]!.AsObject();
        var header = JsonNode.Parse(MicroCredentials.VC.Crypto.Base64Url.Decode(entry["protected"]!.GetValue<string>()))!.AsObject();
        header["x5c"]![0] = header["x5c"]![0]!.GetValue<string>()[..400];
        entry["protected"] = MicroCredentials.VC.Crypto.Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()));
        var report = await Verify(seal);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.badCertificate"));
    }

    [Test]
    public async Task RealSeal_RandomCorruptions_NeverThrowAndNeverPass()
    {
        var random = new Random(20261122);
        var original = Load(Annex);
        var anchors = new X509Certificate2Collection { XVal(Annex, "ANF AC Qualified Certificates for eSeal"), XVal(Annex, "root-ca") };
        for (var i = 0; i < 60; i++)
        {
            var seal = original.DeepClone().AsObject();
            var entry = seal["signatures"]![0]!.AsObject();
            var field = (i % 3) switch { 0 => "protected", 1 => "signature", _ => "header" };
            if (field == "header")
            {
                var etsiU = entry["header"]!["etsiU"]!.AsArray();
                var k = random.Next(etsiU.Count);
                var text = etsiU[k]!.GetValue<string>();
                var at = random.Next(text.Length);
                etsiU[k] = text[..at] + (char)('A' + random.Next(26)) + text[(at + 1)..];
            }
            else
            {
                var text = entry[field]!.GetValue<string>();
                var at = random.Next(text.Length);
                var replacement = (char)('A' + random.Next(26));
                if (replacement == text[at])
                {
                    continue;
                }

                entry[field] = text[..at] + replacement + text[(at + 1)..];
            }

            var report = await Verify(seal, new VerificationOptions { TrustAnchors = anchors });
            if (field != "header")
            {
                Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Failed), $"mutation {i} of {field}");
            }
        }
    }

    [Test]
    public async Task RealSeal_UnrelatedAnchor_FailsAccreditation()
    {
        using var unrelated = TestPki.CreateRoot("Unrelated Root");
        var report = await Verify(Load(MyNextId), new VerificationOptions { TrustAnchors = [unrelated] });
        Assert.That(Check(report, VerificationCheck.Accreditation).Code, Is.EqualTo("accreditation.untrustedChain"));
    }
}
