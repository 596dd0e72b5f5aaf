using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Jose;

/// <summary>vp+jwt (VC-JOSE-COSE §3.2): the holder's proof with nonce (challenge) and aud (domain), and the enveloped credentials.</summary>
[TestFixture]
public class VpJwtTests
{
    private static readonly DateTimeOffset Issued = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private const string Challenge = "c-4f1e9a2b";
    private const string Domain = "https://verifier.example";

    private static (string Vp, string Holder) MakePresentation(string? nonce = Challenge, string? aud = Domain)
    {
        using var issuerEd = Ed25519SigningKey.Generate();
        using var issuerKey = JoseSigningKey.FromEd25519(issuerEd);
        var learner = Ed25519SigningKey.Generate();
        var holder = DidKey.Create(learner.PublicKey);
        var credential = CredentialVerifierTests.Vc2(DidKey.Create(issuerEd.PublicKey));
        credential["credentialSubject"]!["id"] = holder;
        var vcJwt = new JoseIssuer(issuerKey, new JoseSignOptions { IssuedAt = Issued }).SignCredential(credential);
        using var holderKey = JoseSigningKey.FromEd25519(learner);
        var vp = new JoseIssuer(holderKey, new JoseSignOptions { IssuedAt = Issued.AddDays(1), Expires = Issued.AddDays(1).AddMinutes(10) })
            .CreatePresentation([JsonValue.Create(vcJwt)!], new JosePresentationOptions { Nonce = nonce, Audience = aud });
        learner.Dispose();
        return (vp, holder);
    }

    private static VerificationOptions Options(string? challenge = Challenge, string? domain = Domain) => new()
    {
        TimeProvider = new FixedTimeProvider(Issued.AddDays(1).AddMinutes(1)),
        Challenge = challenge,
        Domain = domain,
    };

    [Test]
    public async Task HolderProof_RightNonceAndAud_Passes()
    {
        var (vp, holder) = MakePresentation();
        Assert.That(JoseSecuring.IsPresentationToken(vp), Is.True);
        var (outcome, code, detail) = await TokenPresentation.VerifyAsync(vp, Options(), CancellationToken.None);
        Assert.That(outcome, Is.Not.Null, code + " " + detail);
        Assert.That(outcome!.Signature.Status, Is.EqualTo(CheckStatus.Passed), outcome.Signature.ToString());
        Assert.That(outcome.HolderController, Is.EqualTo(holder));
        Assert.That(outcome.Mechanism, Is.EqualTo("vp+jwt"));
        Assert.That(outcome.Credentials, Has.Count.EqualTo(1));
        var payload = RawJws.Payload(vp);
        Assert.That((string?)payload["verifiableCredential"]![0]!["type"], Is.EqualTo("EnvelopedVerifiableCredential"));
        Assert.That((string?)payload["verifiableCredential"]![0]!["id"], Does.StartWith("data:application/vc+jwt,ey"));

        // The credential inside, as AssembleAsync receives it (its compact JWS text), verifies on its own.
        var inner = await new CredentialVerifier(Options()).VerifyAsync(outcome.Credentials[0].GetValue<string>());
        Assert.That(inner.Verified, Is.True, string.Join("\n", inner.Checks));
    }

    [TestCase("wrong-nonce", Domain, "signature.challengeMismatch")]
    [TestCase(Challenge, "https://evil.example", "signature.domainMismatch")]
    public async Task HolderProof_WrongNonceOrAud_Fails(string challenge, string domain, string expected)
    {
        var (vp, _) = MakePresentation();
        var (outcome, _, _) = await TokenPresentation.VerifyAsync(vp, Options(challenge, domain), CancellationToken.None);
        Assert.That(outcome!.Signature.Code, Is.EqualTo(expected));
        Assert.That(outcome.HolderController, Is.Null, "no holder is vouched for when the proof fails");
        Assert.That(outcome.Signature.Detail, Does.Not.Contain("did:key"), "the holder (the learner) is never echoed");
    }

    [TestCase(null, Domain, "signature.challengeMissing")]
    [TestCase(Challenge, null, "signature.domainMissing")]
    public async Task HolderProof_MissingNonceOrAudWhenRequired_Fails(string? nonce, string? aud, string expected)
    {
        var (vp, _) = MakePresentation(nonce, aud);
        var (outcome, _, _) = await TokenPresentation.VerifyAsync(vp, Options(), CancellationToken.None);
        Assert.That(outcome!.Signature.Code, Is.EqualTo(expected));
    }

    [Test]
    public async Task HolderProof_NotRequired_NonceIgnored_ExpiredRefused()
    {
        var (vp, _) = MakePresentation();
        var (outcome, _, _) = await TokenPresentation.VerifyAsync(vp, Options(null, null), CancellationToken.None);
        Assert.That(outcome!.Signature.Code, Is.EqualTo("signature.challengeRequired"), "a challenge is required by default");
        (outcome, _, _) = await TokenPresentation.VerifyAsync(vp, Options(null, null) with { AllowPresentationWithoutChallenge = true }, CancellationToken.None);
        Assert.That(outcome!.Signature.Status, Is.EqualTo(CheckStatus.Passed));
        var late = Options() with { TimeProvider = new FixedTimeProvider(Issued.AddDays(2)) };
        (outcome, _, _) = await TokenPresentation.VerifyAsync(vp, late, CancellationToken.None);
        Assert.That(outcome!.Signature.Code, Is.EqualTo("signature.presentationExpired"));
    }

    [Test]
    public async Task HolderProof_TamperedPresentation_Fails()
    {
        var (vp, _) = MakePresentation();
        var parts = vp.Split('.');
        var payload = RawJws.Payload(vp);
        payload["nonce"] = "other";
        var tampered = parts[0] + "." + Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
        var (outcome, _, _) = await TokenPresentation.VerifyAsync(tampered, Options("other"), CancellationToken.None);
        Assert.That(outcome!.Signature.Code, Is.EqualTo("signature.invalid"));
    }

    /// <summary>
    /// END-TO-END (CredentialVerifier → JoseSecuring → PresentationVerification.AssembleAsync). AssembleAsync is written
    /// in parallel on another branch; while it is the placeholder here, this test is ignored with that reason.
    /// </summary>
    [Test]
    public async Task EndToEnd_VerifierRoutesVpJwt_ToAssembleAsync()
    {
        var (vp, _) = MakePresentation();
        var report = await new CredentialVerifier(Options()).VerifyAsync(vp);
        if (report[VerificationCheck.Format].Code == "format.presentationNotSupported")
        {
            Assert.Ignore("PresentationVerification.AssembleAsync is still the placeholder on this branch: vp+jwt is routed to it, the holder proof is tested directly above.");
        }

        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report.Credentials, Has.Count.EqualTo(1));
        Assert.That(report.Credentials[0].Verified, Is.True);

        var wrong = await new CredentialVerifier(Options("wrong-nonce")).VerifyAsync(vp);
        Assert.That(wrong.Verified, Is.False);
    }
}
