using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Verification;

public class CredentialVerifierTests
{
    private static readonly DateTimeOffset Signed = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Signed.AddDays(30);

    private static IEnumerable<TestCaseData> Suites() =>
    [
        new TestCaseData(Cryptosuites.EdDsaJcs2022).SetArgDisplayNames("eddsa-jcs-2022"),
        new TestCaseData(Cryptosuites.EdDsaRdfc2022).SetArgDisplayNames("eddsa-rdfc-2022"),
    ];

    /// <summary>A VC 2.0 credential whose issuer is the key's did:key.</summary>
    internal static JsonObject Vc2(string issuer, string? validUntil = null)
    {
        var vc = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"),
            ["id"] = "urn:uuid:2a8f5c52-3f0e-4a6b-9b43-6d1f1a9f2c11",
            ["type"] = new JsonArray("VerifiableCredential", "ExampleAlumniCredential"),
            ["issuer"] = issuer,
            ["validFrom"] = "2026-06-30T10:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:learner-1",
                ["alumniOf"] = new JsonObject { ["name"] = "Example University" },
            },
        };
        if (validUntil is not null)
        {
            vc["validUntil"] = validUntil;
        }

        return vc;
    }

    private static async Task<(Ed25519SigningKey Key, JsonObject Credential)> SignedVc2(ICryptosuite suite, string? validUntil = null, string? issuer = null)
    {
        var key = Ed25519SigningKey.Generate();
        var signer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = suite, Created = Signed });
        var credential = await signer.SignAsync(Vc2(issuer ?? DidKey.Create(key.PublicKey), validUntil));
        return (key, credential);
    }

    private static CredentialVerifier At(DateTimeOffset now, string? learner = null) =>
        new(new VerificationOptions { TimeProvider = new FixedTimeProvider(now), ExpectedLearner = learner });

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_GoodCredential_PassesEveryCheckInOrder(ICryptosuite suite)
    {
        var (key, vc) = await SignedVc2(suite);
        using var _ = key;
        var report = await At(Later).VerifyAsync(vc);

        Assert.That(report.Checks.Select(c => c.Name), Is.EqualTo(new[] { "format", "context", "signature", "issuer", "accreditation", "learner", "issuanceDate", "expiry", "status", "elements" }));
        Assert.That(report.Checks.Where(c => c.Status == CheckStatus.Failed), Is.Empty, string.Join("\n", report.Checks));
        Assert.That(report.Verified, Is.True);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Issuer].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Accreditation].Status, Is.EqualTo(CheckStatus.Skipped));
        Assert.That(report.SecuringMechanism, Is.EqualTo(suite.Name));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_TamperedClaim_FailsSignature_AndStillRunsEveryCheck(ICryptosuite suite)
    {
        var (key, vc) = await SignedVc2(suite);
        using var _ = key;
        vc["credentialSubject"]!["alumniOf"]!["name"] = "Another University";
        var report = await At(Later).VerifyAsync(vc);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.invalid"));
        Assert.That(report.Checks, Has.Count.EqualTo(10));
        Assert.That(report[VerificationCheck.Expiry].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_BeforeValidFrom_FailsIssuanceDate(ICryptosuite suite)
    {
        var (key, vc) = await SignedVc2(suite);
        using var _ = key;
        var report = await At(Signed.AddDays(-1)).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.IssuanceDate].Code, Is.EqualTo("issuanceDate.future"));
        Assert.That(report.Verified, Is.False);
    }

    [Test]
    public async Task Verify_WithinClockSkew_Passes()
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022);
        using var _ = key;
        var report = await At(Signed.AddMinutes(-4)).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.IssuanceDate].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [Test]
    public async Task Verify_AfterValidUntil_FailsExpiry()
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022, validUntil: "2026-12-31T00:00:00Z");
        using var _ = key;
        var report = await At(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Expiry].Code, Is.EqualTo("expiry.expired"));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_Vc2WithoutValidFrom_Passes_ValidFromIsOptional(ICryptosuite suite)
    {
        // VC 2.0 §4.9: validFrom is optional; its absence must not fail the credential (nor hide its other results).
        using var key = Ed25519SigningKey.Generate();
        var signer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = suite, Created = Signed });
        var vc = Vc2(DidKey.Create(key.PublicKey));
        vc.Remove("validFrom");
        var report = await At(Later).VerifyAsync(await signer.SignAsync(vc));
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
        Assert.That(report[VerificationCheck.IssuanceDate].Detail, Does.Contain("optional"));
    }

    [Test]
    public async Task Verify_Vc2WithoutValidFrom_ProofInTheFuture_StillFails()
    {
        using var key = Ed25519SigningKey.Generate();
        var signer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = Later.AddDays(10) });
        var vc = Vc2(DidKey.Create(key.PublicKey));
        vc.Remove("validFrom");
        var report = await At(Later).VerifyAsync(await signer.SignAsync(vc));
        Assert.That(report[VerificationCheck.IssuanceDate].Code, Is.EqualTo("issuanceDate.proofInFuture"));
    }

    [TestCase(false, null, CheckStatus.Passed, null, TestName = "AnonymousSubject_ByDefault_Passes_SayingNothingIdentifiesTheLearner")]
    [TestCase(true, null, CheckStatus.Failed, "learner.notIdentified", TestName = "AnonymousSubject_WhenIdentificationIsRequired_FailsNotIdentified")]
    [TestCase(false, "did:example:learner-1", CheckStatus.Failed, "learner.mismatch", TestName = "AnonymousSubject_WithAnExpectedLearner_FailsMismatch")]
    public async Task Verify_SubjectWithNeitherIdNorName(bool requireIdentified, string? expected, CheckStatus status, string? code)
    {
        // Open Badges 3.0 allows an AchievementSubject with neither id nor name (only the achievement).
        using var key = Ed25519SigningKey.Generate();
        var signer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = Signed });
        var vc = Vc2(DidKey.Create(key.PublicKey));
        vc["credentialSubject"] = new JsonObject { ["alumniOf"] = new JsonObject { ["name"] = "Example University" } };
        var verifier = new CredentialVerifier(new VerificationOptions
        {
            TimeProvider = new FixedTimeProvider(Later),
            RequireIdentifiedLearner = requireIdentified,
            ExpectedLearner = expected,
        });
        var learner = (await verifier.VerifyAsync(await signer.SignAsync(vc)))[VerificationCheck.Learner];
        Assert.That(learner.Status, Is.EqualTo(status), learner.ToString());
        Assert.That(learner.Code, Is.EqualTo(code), learner.ToString());
        if (status == CheckStatus.Passed)
        {
            Assert.That(learner.Detail, Does.StartWith("Nothing identifies the learner"));
        }
    }

    [Test]
    public async Task Verify_LearnerCheck_SaysWhatIdentifiesTheLearner_WithoutRepeatingIt()
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022);
        using var _ = key;
        var learner = (await At(Later).VerifyAsync(vc))[VerificationCheck.Learner];
        Assert.That(learner.Detail, Does.Contain("its id, a DID"));
        Assert.That(learner.Detail, Does.Not.Contain("did:example:learner-1"), "the learner's identifier is personal data");
    }

    [Test]
    public async Task Verify_ProofCreatedInTheFuture_FailsIssuanceDate()
    {
        using var key = Ed25519SigningKey.Generate();
        var signer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = Later.AddDays(10) });
        var vc = await signer.SignAsync(Vc2(DidKey.Create(key.PublicKey)));
        var report = await At(Later).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.IssuanceDate].Code, Is.EqualTo("issuanceDate.proofInFuture"));
    }

    [Test]
    public async Task Verify_SignedBySomeoneElse_FailsIssuer()
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022, issuer: "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        using var _ = key;
        var report = await At(Later).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Issuer].Code, Is.EqualTo("issuer.controllerMismatch"));
        Assert.That(report.Verified, Is.False);
    }

    [TestCase("did:example:learner-1", CheckStatus.Passed, TestName = "Verify_ExpectedLearner_Matches")]
    [TestCase("did:example:someone-else", CheckStatus.Failed, TestName = "Verify_OtherLearner_FailsLearner")]
    public async Task Verify_ExpectedLearner(string learner, CheckStatus expected)
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022);
        using var _ = key;
        var report = await At(Later, learner).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Learner].Status, Is.EqualTo(expected));
    }

    [Test]
    public async Task Verify_NoProof_FailsSignature()
    {
        var report = await At(Later).VerifyAsync(Vc2("did:example:issuer"));
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.missing"));
        Assert.That(report.SecuringMechanism, Is.EqualTo("none"));
    }

    [Test]
    public async Task Verify_UnknownCryptosuite_FailsSignature()
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022);
        using var _ = key;
        vc["proof"]!["cryptosuite"] = "bbs-2023";
        var report = await At(Later).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("signature.unsupportedCryptosuite"));
    }

    [Test]
    public async Task Verify_UnknownContext_FailsContext()
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022);
        using var _ = key;
        ((JsonArray)vc["@context"]!).Add("https://example.org/unknown-context/v1");
        var report = await At(Later).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Context].Code, Is.EqualTo("context.unknown"));
        Assert.That(report[VerificationCheck.Context].Detail, Does.Contain("https://example.org/unknown-context/v1"));
    }

    [Test]
    public async Task Verify_DateWithoutTimeZone_FailsFormat()
    {
        var vc = Vc2("did:example:issuer");
        vc["validFrom"] = "2026-06-30T10:00:00";
        var report = await At(Later).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Format].Code, Is.EqualTo("format.invalidDate"));
        Assert.That(report[VerificationCheck.IssuanceDate].Status, Is.EqualTo(CheckStatus.Failed));
    }

    [TestCase("", "format.notJson", TestName = "Verify_Empty_FailsFormat")]
    [TestCase("{\"a\":", "format.notJson", TestName = "Verify_TruncatedJson_FailsFormat")]
    [TestCase("[1,2]", "format.notAnObject", TestName = "Verify_Array_FailsFormat")]
    [TestCase("{\"a\":1,\"a\":2}", "format.notJson", TestName = "Verify_DuplicateKeys_FailsFormat")]
    [TestCase("{}", "format.missingContext", TestName = "Verify_EmptyObject_FailsFormat")]
    public async Task Verify_BadInput_NeverThrows(string text, string code)
    {
        var report = await At(Later).VerifyAsync(text);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Format].Code, Is.EqualTo(code));
        Assert.That(report.Checks, Has.Count.EqualTo(10));
    }

    [Test]
    public async Task Verify_DeeplyNested_FailsFormatWithoutCrashing()
    {
        var text = new StringBuilder().Append('[', 100_000).Append(']', 100_000).ToString();
        var report = await At(Later).VerifyAsync(text);
        Assert.That(report[VerificationCheck.Format].Code, Is.EqualTo("format.notJson"));
    }

    [Test]
    public async Task Verify_Oversized_FailsFormat()
    {
        var verifier = new CredentialVerifier(new VerificationOptions { Limits = InputLimits.Default with { MaxDocumentBytes = 1024 } });
        var report = await verifier.VerifyAsync(Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', 2048) + "\"}"));
        Assert.That(report[VerificationCheck.Format].Detail, Does.Contain("over the limit"));
    }

    [Test]
    public async Task Verify_ProofWithGarbageTypes_NeverThrows()
    {
        var (key, vc) = await SignedVc2(Cryptosuites.EdDsaJcs2022);
        using var _ = key;
        vc["proof"] = new JsonArray(1, "x", new JsonObject { ["type"] = 5 });
        var report = await At(Later).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Failed));
    }

    [Test]
    public void Verify_Null_IsMisuse() =>
        Assert.ThrowsAsync<ArgumentNullException>(async () => await new CredentialVerifier().VerifyAsync((JsonObject)null!));

    [Test]
    public async Task Report_ToJson_UsesTheContractNames()
    {
        var report = await At(Later).VerifyAsync("{}");
        var json = report.ToJson();
        Assert.That((bool)json["verified"]!, Is.False);
        Assert.That(json["checks"]!.AsArray().Select(c => (string)c!["name"]!), Does.Contain("issuanceDate"));
        Assert.That((string)json["checks"]![0]!["status"]!, Is.EqualTo("failed"));
    }

    [Test]
    public async Task Report_NeverContainsTheLearnersName()
    {
        var model = MicroCredentialTests.LoadSample("university-data-science");
        using var key = Ed25519SigningKey.Generate();
        var issued = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = Signed }).IssueAsync(model);
        var report = await At(Later, "did:example:nobody").VerifyAsync(issued.Credential!);
        Assert.That(report.ToJson().ToJsonString(), Does.Not.Contain("Andromeda"));
    }
}
