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
