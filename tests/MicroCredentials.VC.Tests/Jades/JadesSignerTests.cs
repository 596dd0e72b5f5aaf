using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Jades;

/// <summary>JAdES seals made through an <see cref="ISigner"/> (the key in an HSM or KMS): the certificate carries only the public key.</summary>
public class JadesSignerTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 1, 9, 30, 15, TimeSpan.Zero);

    [TestCase("ES256")]
    [TestCase("RS256")]
    public async Task SealingIssuer_WithASigner_SealsWhatTheVerifierAccepts(string alg)
    {
        using var ca = TestPki.CreateRoot("JAdES Signer Root");
        using var seal = TestPki.CreateSeal(ca, kind: alg == "ES256" ? TestPki.KeyKind.EcP256 : TestPki.KeyKind.Rsa);
        using var publicOnly = X509CertificateLoader.LoadCertificate(seal.RawData);
        using var ecdsa = seal.GetECDsaPrivateKey();
        using var rsa = seal.GetRSAPrivateKey();
        ISigner signer = ecdsa is not null ? new EcdsaSigner(ecdsa, "seal") : new RsaSigner(rsa!, "seal");
        Assert.That(publicOnly.HasPrivateKey, Is.False);

        var issuer = new SealingIssuer(signer, publicOnly, null, new IssuerOptions { Created = SignedAt });
        var result = await issuer.IssueAsync(TestPki.SampleModel());

        Assert.That(result.Succeeded, Is.True);
        Assert.That(TestPki.ProtectedHeader(result.Credential!)["alg"]!.GetValue<string>(), Is.EqualTo(alg));
        Assert.That(() => issuer.Seal(result.Credential!), Throws.InvalidOperationException, "the synchronous path needs the private key");
        var report = await new CredentialVerifier(new VerificationOptions { TrustAnchors = [ca], TimeProvider = new FixedTimeProvider(SignedAt.AddMinutes(1)) }).VerifyAsync(result.Credential!);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Signature].ToString());
    }

    [Test]
    public async Task UndefinedTerms_InASealedCredential_AreAWarningNamingThem_NotAFailure()
    {
        // A sealed VC 1.1 credential from another issuer with a holder-key member ("cnf") and a custom type that no
        // context defines: the seal covers the bytes, so the terms are reported, and the credential is not failed for them.
        using var ca = TestPki.CreateRoot("JAdES Signer Root");
        using var seal = TestPki.CreateSeal(ca, kind: TestPki.KeyKind.EcP256);
        using var ecdsa = seal.GetECDsaPrivateKey()!;
        var document = new System.Text.Json.Nodes.JsonObject
        {
            ["@context"] = new System.Text.Json.Nodes.JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new System.Text.Json.Nodes.JsonArray("VerifiableCredential"),
            ["issuer"] = "did:example:issuer",
            ["issuanceDate"] = "2026-03-01T09:00:00Z",
            ["credentialSubject"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "did:example:learner" },
        };
        var verifier = new CredentialVerifier(new VerificationOptions { TrustAnchors = [ca], TimeProvider = new FixedTimeProvider(SignedAt.AddMinutes(1)) });
        var plain = await verifier.VerifyAsync(await JadesSealer.SealAsync(document.DeepClone().AsObject(), new EcdsaSigner(ecdsa, "seal"), seal, options: new JadesOptions { SigningTime = SignedAt }));
        Assert.That(plain[VerificationCheck.Context].Status, Is.EqualTo(CheckStatus.Passed), plain[VerificationCheck.Context].ToString());

        document["cnf"] = new System.Text.Json.Nodes.JsonObject { ["kid"] = "did:example:holder#key-1" };
        document["type"]!.AsArray().Add("SealedDiplomaX");
        var report = await verifier.VerifyAsync(await JadesSealer.SealAsync(document, new EcdsaSigner(ecdsa, "seal"), seal, options: new JadesOptions { SigningTime = SignedAt }));
        var context = report[VerificationCheck.Context];
        Assert.That(context.Status, Is.EqualTo(CheckStatus.Warning), context.ToString());
        Assert.That(context.Code, Is.EqualTo("context.undefinedTerms"));
        Assert.That(context.Detail, Does.Contain("the terms 'SealedDiplomaX', 'cnf'"));
        Assert.That(report.Checks.Where(c => c.Status == CheckStatus.Failed).Select(c => c.Name), Is.EquivalentTo(plain.Checks.Where(c => c.Status == CheckStatus.Failed).Select(c => c.Name)), "the undefined term fails nothing");
        Assert.That(report.ToJson()["checks"]!.AsArray().Single(c => (string?)c!["name"] == "context")!["status"]!.GetValue<string>(), Is.EqualTo("warning"));
    }

    [Test]
    public void SealAsync_WithAnotherKeysSigner_IsRefused()
    {
        using var ca = TestPki.CreateRoot("JAdES Signer Root");
        using var seal = TestPki.CreateSeal(ca, kind: TestPki.KeyKind.EcP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var document = Verification.CredentialVerifierTests.Vc2("did:example:issuer");
        Assert.ThrowsAsync<ArgumentException>(async () => await JadesSealer.SealAsync(document, new EcdsaSigner(other, "other"), seal));
        using var ed = Ed25519SigningKey.Generate();
        Assert.ThrowsAsync<ArgumentException>(async () => await JadesSealer.SealAsync(document, new Ed25519Signer(ed, "ed"), seal), "EdDSA is not a JAdES algorithm here");
    }
}
