using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Presentations;

/// <summary>
/// Verifiable presentations (VC Data Model 2.0 §4.13) made by the learner's wallet with
/// <see cref="VC.Issuance.Presentations"/> and verified by <see cref="CredentialVerifier"/>: the holder's proof
/// (purpose authentication, challenge, domain), the learner binding, and one report per credential inside.
/// </summary>
public class PresentationTests
{
    internal const string Challenge = "2f6b3c1e-challenge";
    internal const string Domain = "https://verifier.example";

    internal static readonly ICryptosuite[] Suites = [Cryptosuites.EdDsaRdfc2022, Cryptosuites.EdDsaJcs2022];

    /// <summary>An EDC micro-credential (VC 1.1) issued by a university to the learner's did:key.</summary>
    internal static async Task<JsonObject> EdcFor(Ed25519SigningKey issuerKey, string learnerDid, string model = "university-data-science", ICryptosuite? suite = null)
    {
        var sample = MicroCredentialTests.LoadSample(model);
        var issued = await CredentialIssuer.ForDidKey(issuerKey, new IssuerOptions { Cryptosuite = suite ?? Cryptosuites.EdDsaRdfc2022 })
            .IssueAsync(sample with { Learner = sample.Learner! with { Id = learnerDid } });
        Assert.That(issued.Succeeded, Is.True, issued.Validation.ToString());
        return issued.Credential!;
    }

    /// <summary>A VC 2.0 credential issued to the learner's did:key.</summary>
    internal static async Task<JsonObject> Vc2For(Ed25519SigningKey issuerKey, string learnerDid, ICryptosuite? suite = null)
    {
        var vc = CredentialVerifierTests.Vc2(DidKey.Create(issuerKey.PublicKey));
        vc["credentialSubject"]!["id"] = learnerDid;
        return await CredentialIssuer.ForDidKey(issuerKey, new IssuerOptions { Cryptosuite = suite ?? Cryptosuites.EdDsaRdfc2022 }).SignAsync(vc);
    }

    internal static ValueTask<JsonObject> Present(IEnumerable<JsonObject> credentials, Ed25519SigningKey holder, ICryptosuite suite, string? challenge = Challenge, string? domain = Domain) =>
        VC.Issuance.Presentations.CreateAsync(credentials, holder, DidKey.CreateVerificationMethodId(holder.PublicKey), new PresentationOptions { Challenge = challenge, Domain = domain, Cryptosuite = suite });

    internal static CredentialVerifier Verifier(string? challenge = Challenge, string? domain = Domain, string? learner = null) =>
        new(new VerificationOptions { Challenge = challenge, Domain = domain, ExpectedLearner = learner });

    private static string Describe(VerificationReport report) =>
        string.Join("\n", report.Checks) + "\n" + string.Join("\n--\n", report.Credentials.Select(r => string.Join("\n", r.Checks)));

    [TestCaseSource(nameof(Suites))]
    public async Task Create_MakesAVc2PresentationWithAnAuthenticationProof(ICryptosuite suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var vc = await EdcFor(issuer, DidKey.Create(learner.PublicKey));
        var vp = await Present([vc], learner, suite);

        Assert.That(vp["@context"]!.ToJsonString(), Is.EqualTo("[\"https://www.w3.org/ns/credentials/v2\"]"));
        Assert.That(vp["type"]!.ToJsonString(), Is.EqualTo("[\"VerifiablePresentation\"]"));
        Assert.That((string?)vp["holder"], Is.EqualTo(DidKey.Create(learner.PublicKey)));
        Assert.That(vp["verifiableCredential"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(JsonNode.DeepEquals(vp["verifiableCredential"]![0], vc), Is.True, "the credential is carried unchanged");
        var proof = vp["proof"]!;
        Assert.That((string?)proof["proofPurpose"], Is.EqualTo("authentication"));
        Assert.That((string?)proof["cryptosuite"], Is.EqualTo(suite.Name));
        Assert.That((string?)proof["challenge"], Is.EqualTo(Challenge));
        Assert.That((string?)proof["domain"], Is.EqualTo(Domain));
        Assert.That((string?)proof["verificationMethod"], Is.EqualTo(DidKey.CreateVerificationMethodId(learner.PublicKey)));
        Assert.That(vc["proof"]!["proofPurpose"]!.GetValue<string>(), Is.EqualTo("assertionMethod"), "the input is not modified");
    }

    private static IEnumerable<TestCaseData> OwnCases() =>
        from kind in new[] { "edc", "vc2" }
        from suite in Suites
        select new TestCaseData(kind, suite).SetName($"Verify_LearnersOwnPresentation_PassesEveryCheck_{kind}_{suite.Name}");

    [TestCaseSource(nameof(OwnCases))]
    public async Task Verify_LearnersOwnPresentation_PassesEveryCheck(string kind, ICryptosuite suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var did = DidKey.Create(learner.PublicKey);
        var vc = kind == "edc" ? await EdcFor(issuer, did, suite: suite) : await Vc2For(issuer, did, suite);
        var vp = await Present([vc], learner, suite);

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report.Verified, Is.True, Describe(report));
        Assert.That(report.Checks.Select(c => c.Name), Is.EqualTo(new[] { "format", "context", "signature", "issuer", "accreditation", "learner", "issuanceDate", "expiry", "status", "elements" }));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Issuer].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Learner].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report.SecuringMechanism, Is.EqualTo(suite.Name));
        Assert.That(report.Credentials, Has.Count.EqualTo(1));
        Assert.That(report.Credentials[0].Verified, Is.True);
        Assert.That(report.Credentials[0].Issuer, Is.EqualTo(DidKey.Create(issuer.PublicKey)));
        if (kind == "edc")
        {
            Assert.That(report.Credentials[0].Credential, Is.Not.Null, "the micro-credential is read from the EDC credential inside");
        }
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_TwoCredentials_OneReportEach(ICryptosuite suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var did = DidKey.Create(learner.PublicKey);
        var vp = await Present([await EdcFor(issuer, did, "vocational-welding-hours"), await Vc2For(issuer, did)], learner, suite);

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report.Verified, Is.True, Describe(report));
        Assert.That(report.Credentials, Has.Count.EqualTo(2));
        var json = report.ToJson();
        Assert.That(json["credentials"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((bool)json["credentials"]![1]!["verified"]!, Is.True);
    }

    [TestCase("wrong-challenge", Domain, "signature.challengeMismatch", TestName = "Verify_WrongChallenge_FailsSignature")]
    [TestCase(Challenge, "https://elsewhere.example", "signature.domainMismatch", TestName = "Verify_WrongDomain_FailsSignature")]
    public async Task Verify_BoundToAnotherRequest_FailsSignature(string challenge, string domain, string code)
    {
        foreach (var suite in Suites)
        {
            using var issuer = Ed25519SigningKey.Generate();
            using var learner = Ed25519SigningKey.Generate();
            var vp = await Present([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], learner, suite);

            var report = await Verifier(challenge, domain).VerifyAsync(vp);

            Assert.That(report.Verified, Is.False);
            Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo(code), suite.Name);
            Assert.That(report.Checks, Has.Count.EqualTo(10));
            Assert.That(report.Credentials[0].Verified, Is.True, "the credential itself is fine");
        }
    }

    [TestCase(null, Domain, Challenge, Domain, "signature.missingChallenge", TestName = "Verify_NoChallengeInProof_WhenAsked_FailsSignature")]
    [TestCase(Challenge, null, Challenge, Domain, "signature.missingDomain", TestName = "Verify_NoDomainInProof_WhenAsked_FailsSignature")]
    [TestCase(Challenge, Domain, null, null, "signature.challengeRequired", TestName = "Verify_NoChallengeAsked_FailsByDefault")]
    [TestCase(null, null, null, Domain, "signature.challengeRequired", TestName = "Verify_OnlyDomainAsked_FailsByDefault")]
    public async Task Verify_ChallengeAndDomainPresence(string? proofChallenge, string? proofDomain, string? askedChallenge, string? askedDomain, string? code)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var vp = await Present([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], learner, Cryptosuites.EdDsaJcs2022, proofChallenge, proofDomain);
        Assert.That(vp["proof"]!["challenge"] is null, Is.EqualTo(proofChallenge is null));

        var report = await Verifier(askedChallenge, askedDomain).VerifyAsync(vp);

        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo(code), Describe(report));
        Assert.That(report.Verified, Is.EqualTo(code is null));
    }

    [Test]
    public async Task Verify_NoChallengeAsked_ExplicitOptOut_PassesAndSaysReplayIsNotPrevented()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var vp = await Present([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], learner, Cryptosuites.EdDsaJcs2022, Challenge, Domain);
        var report = await new CredentialVerifier(new VerificationOptions { AllowPresentationWithoutChallenge = true }).VerifyAsync(vp);
        Assert.That(report.Verified, Is.True, Describe(report));
        Assert.That(report[VerificationCheck.Signature].Detail, Does.Contain("replay is not prevented"));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_SomeoneElsePresentsTheLearnersCredential_FailsLearner(ICryptosuite suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        using var other = Ed25519SigningKey.Generate();
        var vc = await EdcFor(issuer, DidKey.Create(learner.PublicKey));
        var vp = await Present([vc], other, suite);

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), "the other person's own proof is valid");
        Assert.That(report[VerificationCheck.Learner].Code, Is.EqualTo("learner.notHolder"));
        Assert.That(report.Credentials[0].Verified, Is.True, "the credential itself is genuine");
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_HolderClaimsToBeTheLearner_SignedWithAnotherKey_FailsIssuerAndLearner(ICryptosuite suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        using var other = Ed25519SigningKey.Generate();
        var vc = await Vc2For(issuer, DidKey.Create(learner.PublicKey));
        var vp = await VC.Issuance.Presentations.CreateAsync([vc], other, DidKey.CreateVerificationMethodId(other.PublicKey), new PresentationOptions { Challenge = Challenge, Domain = Domain, Cryptosuite = suite, Holder = DidKey.Create(learner.PublicKey) });

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.holderMismatch"));
        Assert.That(report[VerificationCheck.Learner].Code, Is.EqualTo("learner.notHolder"));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_TamperedCredentialPresented_FailsThatCredentialAndThePresentation(ICryptosuite suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var did = DidKey.Create(learner.PublicKey);
        var good = await Vc2For(issuer, did);
        var tampered = await Vc2For(issuer, did);
        tampered["credentialSubject"]!["alumniOf"]!["name"] = "Forged University";
        var vp = await Present([good, tampered], learner, suite);

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report.Checks.Where(c => c.Status == CheckStatus.Failed), Is.Empty, "the holder's own proof is fine");
        Assert.That(report.Credentials[0].Verified, Is.True);
        Assert.That(report.Credentials[1][VerificationCheck.Signature].Code, Is.EqualTo("signature.invalid"));
        Assert.That(report.Verified, Is.False, "one bad credential fails the presentation");
        Assert.That((bool)report.ToJson()["verified"]!, Is.False);
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_CredentialTamperedAfterPresenting_FailsBothSignatures(ICryptosuite suite)
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var vp = await Present([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], learner, suite);
        vp["verifiableCredential"]![0]!["credentialSubject"]!["alumniOf"]!["name"] = "Forged University";

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.invalid"));
        Assert.That(report[VerificationCheck.Learner].Code, Is.EqualTo("learner.holderNotProved"));
        Assert.That(report.Credentials[0][VerificationCheck.Signature].Code, Is.EqualTo("signature.invalid"));
    }

    [Test]
    public async Task Verify_AssertionMethodProof_FailsSignatureWrongPurpose()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var unsigned = VC.Issuance.Presentations.Create([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], DidKey.Create(learner.PublicKey));
        var vp = await DataIntegrity.AddProofAsync(unsigned, Cryptosuites.EdDsaRdfc2022, new Ed25519Signer(learner, DidKey.CreateVerificationMethodId(learner.PublicKey)), new ProofOptions { VerificationMethod = DidKey.CreateVerificationMethodId(learner.PublicKey), Challenge = Challenge, Domain = Domain });

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.wrongPurpose"));
        Assert.That(report.Verified, Is.False);
    }

    [Test]
    public async Task Verify_UnsignedPresentation_FailsSignatureMissing()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var vp = VC.Issuance.Presentations.Create([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], DidKey.Create(learner.PublicKey));

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.missing"));
        Assert.That(report[VerificationCheck.Learner].Code, Is.EqualTo("learner.holderNotProved"));
    }

    [Test]
    public async Task Verify_ExpectedLearner_MustBeTheHolder()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var vp = await Present([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], learner, Cryptosuites.EdDsaJcs2022);

        Assert.That((await Verifier(learner: DidKey.Create(learner.PublicKey)).VerifyAsync(vp)).Verified, Is.True);
        var report = await Verifier(learner: "did:key:z6MkhgXoz3d3i4eBcRRbdGrfNCtTW8HJ37iBzcECpkmkhvmo").VerifyAsync(vp);
        Assert.That(report[VerificationCheck.Learner].Code, Is.EqualTo("learner.mismatch"));
    }

    [Test]
    public async Task Verify_ExpiredHolderProof_FailsExpiry()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var created = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);
        var vp = await VC.Issuance.Presentations.CreateAsync([await Vc2For(issuer, DidKey.Create(learner.PublicKey))], learner, DidKey.CreateVerificationMethodId(learner.PublicKey), new PresentationOptions { Challenge = Challenge, Domain = Domain, Created = created, Expires = created.AddMinutes(10) });

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report[VerificationCheck.Expiry].Code, Is.EqualTo("expiry.proofExpired"));
        Assert.That(report[VerificationCheck.IssuanceDate].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [Test]
    public async Task Verify_SelfAssertedCredential_IsSecuredByThePresentationProof()
    {
        using var learner = Ed25519SigningKey.Generate();
        var did = DidKey.Create(learner.PublicKey);
        var claim = CredentialVerifierTests.Vc2(did);
        claim["credentialSubject"]!["id"] = did;
        var vp = await Present([claim], learner, Cryptosuites.EdDsaRdfc2022);

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report.Verified, Is.True, Describe(report));
        Assert.That(report.Credentials[0][VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report.Credentials[0].SecuringMechanism, Does.EndWith("(presentation)"));
    }

    [Test]
    public async Task Verify_UnsecuredCredentialOfAnotherIssuer_FailsThatCredential()
    {
        using var learner = Ed25519SigningKey.Generate();
        var did = DidKey.Create(learner.PublicKey);
        var claim = CredentialVerifierTests.Vc2("did:example:some-university");
        claim["credentialSubject"]!["id"] = did;
        var vp = await Present([claim], learner, Cryptosuites.EdDsaRdfc2022);

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report.Verified, Is.False);
        Assert.That(report.Credentials[0][VerificationCheck.Signature].Code, Is.EqualTo("signature.missing"));
    }

    [Test]
    public async Task Verify_EnvelopedJwsCredential_GoesToItsOwnReport()
    {
        using var learner = Ed25519SigningKey.Generate();
        var jws = "eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZTppc3N1ZXIifQ.c2lnbmF0dXJl";
        var vp = await Present([VC.Issuance.Presentations.Envelope(jws)], learner, Cryptosuites.EdDsaJcs2022);

        var report = await Verifier().VerifyAsync(vp);

        Assert.That(report[VerificationCheck.Format].Status, Is.EqualTo(CheckStatus.Passed), Describe(report));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report.Credentials, Has.Count.EqualTo(1));
        Assert.That(report.Credentials[0].SecuringMechanism, Is.EqualTo("vc+jwt"), "the data: URL is decoded and verified as a compact JWS");
        Assert.That(report.Credentials[0].Verified, Is.False, "this token's signature is not valid");
    }

    [TestCase("data:application/vc+jwt,a.b.c", "a.b.c", TestName = "DataUrl_PlainText")]
    [TestCase("data:application/vc+jwt,a%2Eb.c", "a.b.c", TestName = "DataUrl_PercentEncoded")]
    [TestCase("data:application/vc+ld+json;base64,eyJhIjoxfQ==", "{\"a\":1}", TestName = "DataUrl_Base64")]
    public void DataUrl_Decodes(string url, string expected)
    {
        Assert.That(PresentationFormat.TryDecodeDataUrl(url, out var content), Is.True);
        Assert.That(content, Is.EqualTo(expected));
    }

    [TestCase("https://example.org/x", TestName = "DataUrl_NotData_Rejected")]
    [TestCase("data:application/vc+jwt", TestName = "DataUrl_NoComma_Rejected")]
    [TestCase("data:;base64,***", TestName = "DataUrl_BadBase64_Rejected")]
    public void DataUrl_Rejects(string url) => Assert.That(PresentationFormat.TryDecodeDataUrl(url, out _), Is.False);

    [Test]
    public async Task Report_HasNoPersonalData()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        using var other = Ed25519SigningKey.Generate();
        var did = DidKey.Create(learner.PublicKey);
        var vp = await Present([await EdcFor(issuer, did)], other, Cryptosuites.EdDsaRdfc2022, "wrong", Domain);
        var good = await Present([await EdcFor(issuer, did)], learner, Cryptosuites.EdDsaRdfc2022);
        foreach (var report in new[] { await Verifier().VerifyAsync(vp), await Verifier().VerifyAsync(good) })
        {
            var text = report.ToJson().ToJsonString();
            Assert.That(text, Does.Not.Contain(did));
            Assert.That(text, Does.Not.Contain(DidKey.Create(other.PublicKey)));
            Assert.That(text, Does.Not.Contain("Andromeda"));
        }
    }

    [Test]
    public async Task Assemble_ReusesEverythingAfterTheHolderProof()
    {
        using var issuer = Ed25519SigningKey.Generate();
        using var learner = Ed25519SigningKey.Generate();
        var did = DidKey.Create(learner.PublicKey);
        var vc = await Vc2For(issuer, did);
        var vp = VC.Issuance.Presentations.Create([vc], did);
        var outcome = new PresentationProofOutcome(vp, "vp+jwt", CheckResult.Pass(VerificationCheck.Signature, "ok"), did, [vc], TimeProvider.System.GetUtcNow().AddMinutes(-1), null);

        var report = await PresentationVerification.AssembleAsync(outcome, Verifier(), CancellationToken.None);

        Assert.That(report.Verified, Is.True, Describe(report));
        Assert.That(report.SecuringMechanism, Is.EqualTo("vp+jwt"));
        Assert.That(report[VerificationCheck.Format].Detail, Does.Contain("(vp+jwt)"));
        Assert.That(report.Credentials, Has.Count.EqualTo(1));

        var stranger = outcome with { HolderController = "did:key:z6MkhgXoz3d3i4eBcRRbdGrfNCtTW8HJ37iBzcECpkmkhvmo" };
        var bad = await PresentationVerification.AssembleAsync(stranger, Verifier(), CancellationToken.None);
        Assert.That(bad[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.holderMismatch"));
        Assert.That(bad[VerificationCheck.Learner].Code, Is.EqualTo("learner.notHolder"));
    }

    [Test]
    public void Create_RejectsMisuse()
    {
        using var key = Ed25519SigningKey.Generate();
        Assert.Multiple(() =>
        {
            Assert.That(() => VC.Issuance.Presentations.CreateAsync(null!, key, "did:key:x#y"), Throws.ArgumentNullException);
            Assert.That(() => VC.Issuance.Presentations.CreateAsync([], key, " "), Throws.ArgumentException);
            Assert.That(() => VC.Issuance.Presentations.Create([null!]), Throws.ArgumentNullException);
        });
    }
}
