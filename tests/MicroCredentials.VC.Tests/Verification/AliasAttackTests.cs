using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Status;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.Status;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Verification;

/// <summary>
/// The alias attack on RDFC-secured credentials: a holder adds an inline context term that maps to a standard VC,
/// status or security IRI and renames the JSON member to it. The signed RDF dataset is unchanged, so the signature
/// still verifies; a check that read JSON member names would miss the property (a revoked credential with no status,
/// an expired one that never expires). The checks read the signed data, and the disagreement fails <c>context</c>.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AliasAttackTests : IDisposable
{
    private const string Cred = "https://www.w3.org/2018/credentials#";
    private const string XsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
    private const string ListUrl = "https://example.edu/status/revocation/1";
    private static readonly DateTimeOffset Signed = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Signed.AddDays(400);

    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();
    private readonly Ed25519SigningKey _learnerKey = Ed25519SigningKey.Generate();
    private readonly MemoryResolver _resolver = new();

    public void Dispose()
    {
        _key.Dispose();
        _learnerKey.Dispose();
    }

    private CredentialIssuer Issuer(ICredentialProfile profile) =>
        CredentialIssuer.ForDidKey(_key, new IssuerOptions { Created = Signed, Profile = profile });

    private CredentialVerifier Verifier() => new(new VerificationOptions { TimeProvider = new FixedTimeProvider(Now), ResourceResolver = _resolver });

    private static IEnumerable<TestCaseData> Profiles() =>
    [
        new TestCaseData("edc").SetArgDisplayNames("EDC (VC 1.1)"),
        new TestCaseData("ob3").SetArgDisplayNames("OB3 (VC 2.0)"),
    ];

    private static ICredentialProfile ProfileOf(string name) => name == "edc" ? CredentialProfiles.Edc : CredentialProfiles.Ob3;

    /// <summary>A revoked credential: its status entry points at a list whose bit is set.</summary>
    private async Task<JsonObject> RevokedAsync(string profileName)
    {
        var issuer = Issuer(ProfileOf(profileName));
        var list = BitstringStatusList.Create().WithBit(7, true);
        _resolver.Put(ListUrl, await BitstringStatusListCredential.IssueAsync(Issuer(CredentialProfiles.Edc), ListUrl, StatusPurpose.Revocation, list));
        var model = MicroCredentialTests.LoadSample("university-data-science") with { IssuedOn = Signed };
        var issued = await issuer.IssueAsync(model, [new BitstringStatusListEntry { StatusListCredential = ListUrl, StatusListIndex = 7, StatusPurpose = StatusPurpose.Revocation }]);
        Assert.That(issued.Succeeded, Is.True, issued.Validation?.ToString());
        return issued.Credential!;
    }

    /// <summary>An expired credential: its validity ended before the verification time.</summary>
    private async Task<JsonObject> ExpiredAsync(string profileName)
    {
        var model = MicroCredentialTests.LoadSample("university-data-science") with { IssuedOn = Signed, ExpiresOn = Signed.AddDays(30) };
        var issued = await Issuer(ProfileOf(profileName)).IssueAsync(model);
        Assert.That(issued.Succeeded, Is.True, issued.Validation?.ToString());
        return issued.Credential!;
    }

    /// <summary>The attack: an inline context term for <paramref name="iri"/>, and the JSON member renamed to it.</summary>
    private static JsonObject Alias(JsonObject credential, string member, string iri, string? type)
    {
        var attacked = (JsonObject)credential.DeepClone();
        Assert.That(attacked.ContainsKey(member), Is.True, member + " is in the credential");
        var definition = new JsonObject { ["@id"] = iri };
        if (type is not null)
        {
            definition["@type"] = type;
        }

        ((JsonArray)attacked["@context"]!).Add(new JsonObject { ["renamed"] = definition });
        var value = attacked[member]!.DeepClone();
        attacked.Remove(member);
        attacked["renamed"] = value;
        return attacked;
    }

    private static string ExpiryMember(JsonObject credential) => credential.ContainsKey("validUntil") ? "validUntil" : "expirationDate";

    [TestCaseSource(nameof(Profiles))]
    public async Task Revoked_StatusAliased_StillRevokedAndContextFails(string profile)
    {
        var credential = await RevokedAsync(profile);
        var honest = await Verifier().VerifyAsync(credential);
        Assert.That(honest[VerificationCheck.Status].Code, Is.EqualTo(StatusCodes.Revoked), honest[VerificationCheck.Status].ToString());

        var report = await Verifier().VerifyAsync(Alias(credential, "credentialStatus", Cred + "credentialStatus", "@id"));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), "the signed dataset is unchanged");
        Assert.That(report[VerificationCheck.Status].Code, Is.EqualTo(StatusCodes.Revoked), report[VerificationCheck.Status].ToString());
        Assert.That(report[VerificationCheck.Context].Code, Is.EqualTo("context.nonStandardTerm"), report[VerificationCheck.Context].ToString());
        Assert.That(report.Verified, Is.False);
    }

    [TestCaseSource(nameof(Profiles))]
    public async Task Expired_ExpiryAliased_StillExpiredAndContextFails(string profile)
    {
        var credential = await ExpiredAsync(profile);
        var member = ExpiryMember(credential);
        var report = await Verifier().VerifyAsync(Alias(credential, member, Cred + member, XsdDateTime));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), "the signed dataset is unchanged");
        Assert.That(report[VerificationCheck.Expiry].Code, Is.EqualTo("expiry.expired"), report[VerificationCheck.Expiry].ToString());
        Assert.That(report[VerificationCheck.Context].Code, Is.EqualTo("context.nonStandardTerm"));
        Assert.That(report.Verified, Is.False);
    }

    [TestCaseSource(nameof(Profiles))]
    public async Task IssuanceDateAliased_ContextFails(string profile)
    {
        var credential = await ExpiredAsync(profile);
        var member = credential.ContainsKey("validFrom") ? "validFrom" : "issuanceDate";
        var report = await Verifier().VerifyAsync(Alias(credential, member, Cred + member, XsdDateTime));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Context].Code, Is.EqualTo("context.nonStandardTerm"));
        Assert.That(report.Verified, Is.False);
    }

    [TestCaseSource(nameof(Profiles))]
    public async Task SubjectAliased_ContextFails_LearnerReadFromSignedData(string profile)
    {
        var credential = await ExpiredAsync(profile);
        var report = await Verifier().VerifyAsync(Alias(credential, "credentialSubject", Cred + "credentialSubject", "@id"));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Context].Code, Is.EqualTo("context.nonStandardTerm"));
        Assert.That(report[VerificationCheck.Learner].Status, Is.EqualTo(CheckStatus.Passed), "the learner is in the signed data");
        Assert.That(report.Verified, Is.False);
    }

    [TestCaseSource(nameof(Profiles))]
    public async Task Untouched_Verifies(string profile)
    {
        var report = await new CredentialVerifier(new VerificationOptions { TimeProvider = new FixedTimeProvider(Signed.AddDays(1)) }).VerifyAsync(await ExpiredAsync(profile));
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task MemberNameMeaningAnotherProperty_ViewMismatch()
    {
        // validFrom and validUntil swapped by redefining nothing but moving values between two aliases of each other's IRIs.
        var credential = await ExpiredAsync("ob3");
        var attacked = (JsonObject)credential.DeepClone();
        ((JsonArray)attacked["@context"]!).Add(new JsonObject
        {
            ["starts"] = new JsonObject { ["@id"] = Cred + "validUntil", ["@type"] = XsdDateTime },
            ["ends"] = new JsonObject { ["@id"] = Cred + "validFrom", ["@type"] = XsdDateTime },
        });
        var from = attacked["validFrom"]!.DeepClone();
        var until = attacked["validUntil"]!.DeepClone();
        attacked.Remove("validFrom");
        attacked.Remove("validUntil");
        attacked["starts"] = until;
        attacked["ends"] = from;
        var report = await Verifier().VerifyAsync(attacked);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(report[VerificationCheck.Context].Status, Is.EqualTo(CheckStatus.Failed));
        Assert.That(report[VerificationCheck.Expiry].Code, Is.EqualTo("expiry.expired"));
    }

    [Test]
    public async Task ProofExpiresAliased_SignatureFails()
    {
        var vc = CredentialVerifierTests.Vc2(DidKey.Create(_key.PublicKey));
        var signed = await DataIntegrity.AddProofAsync(vc, Cryptosuites.EdDsaRdfc2022, new Ed25519Signer(_key, DidKey.CreateVerificationMethodId(_key.PublicKey)), new ProofOptions
        {
            VerificationMethod = DidKey.CreateVerificationMethodId(_key.PublicKey),
            Created = Signed,
            Expires = Signed.AddDays(1),
        });
        var attacked = (JsonObject)signed.DeepClone();
        ((JsonArray)attacked["@context"]!).Add(new JsonObject { ["lasts"] = new JsonObject { ["@id"] = "https://w3id.org/security#expiration", ["@type"] = XsdDateTime } });
        var proof = (JsonObject)attacked["proof"]!;
        proof["lasts"] = proof["expires"]!.DeepClone();
        proof.Remove("expires");
        var report = await Verifier().VerifyAsync(attacked);
        Assert.That(report[VerificationCheck.Signature].Code, Is.EqualTo("context.nonStandardTerm"), report[VerificationCheck.Signature].ToString());
        Assert.That(report.Verified, Is.False);
    }

    [TestCaseSource(nameof(Profiles))]
    public async Task InsidePresentation_AliasedRevokedCredential_PresentationNotVerified(string profile)
    {
        var model = MicroCredentialTests.LoadSample("university-data-science") with { IssuedOn = Signed };
        var learner = DidKey.Create(_learnerKey.PublicKey);
        model = model with { Learner = model.Learner! with { Id = learner } };
        var list = BitstringStatusList.Create().WithBit(3, true);
        _resolver.Put(ListUrl, await BitstringStatusListCredential.IssueAsync(Issuer(CredentialProfiles.Edc), ListUrl, StatusPurpose.Revocation, list));
        var issued = await Issuer(ProfileOf(profile)).IssueAsync(model, [new BitstringStatusListEntry { StatusListCredential = ListUrl, StatusListIndex = 3, StatusPurpose = StatusPurpose.Revocation }]);
        var attacked = Alias(issued.Credential!, "credentialStatus", Cred + "credentialStatus", "@id");
        var vp = await VC.Issuance.Presentations.CreateAsync([attacked], _learnerKey, DidKey.CreateVerificationMethodId(_learnerKey.PublicKey), new PresentationOptions { Challenge = "c-1", Domain = "https://verifier.example", Created = Signed.AddDays(399) });
        var verifier = new CredentialVerifier(new VerificationOptions { TimeProvider = new FixedTimeProvider(Now), ResourceResolver = _resolver, Challenge = "c-1", Domain = "https://verifier.example" });
        var report = await verifier.VerifyAsync(vp);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Signature].ToString());
        Assert.That(report.Credentials, Has.Count.EqualTo(1));
        Assert.That(report.Credentials[0][VerificationCheck.Status].Code, Is.EqualTo(StatusCodes.Revoked));
        Assert.That(report.Credentials[0][VerificationCheck.Context].Code, Is.EqualTo("context.nonStandardTerm"));
        Assert.That(report.Verified, Is.False);
    }

    /// <summary>eddsa-jcs-2022 signs with the proof's @context; an appended context is unsigned and may not change the meaning.</summary>
    [TestCase(true, TestName = "JcsAppendedContext_ChangingMeaning_ContextFails")]
    [TestCase(false, TestName = "JcsAppendedContext_WithoutEffect_Verifies")]
    public async Task JcsAppendedContext(bool changesMeaning)
    {
        var issuer = CredentialIssuer.ForDidKey(_key, new IssuerOptions { Created = Signed, Cryptosuite = Cryptosuites.EdDsaJcs2022 });
        var signed = await issuer.SignAsync(CredentialVerifierTests.Vc2(issuer.IssuerId));
        var attacked = (JsonObject)signed.DeepClone();
        var context = (JsonArray)attacked["@context"]!;
        context.Add(changesMeaning
            ? new JsonObject { ["alumniOf"] = new JsonObject { ["@id"] = "https://schema.org/memberOf" } }
            : context[^1]!.DeepClone());
        var report = await Verifier().VerifyAsync(attacked);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), "the JSON is what was signed");
        if (changesMeaning)
        {
            Assert.That(report[VerificationCheck.Context].Code, Is.EqualTo("context.unsignedContext"), report[VerificationCheck.Context].ToString());
            Assert.That(report.Verified, Is.False);
        }
        else
        {
            Assert.That(report.Verified, Is.True, report.ToString());
        }
    }
}
