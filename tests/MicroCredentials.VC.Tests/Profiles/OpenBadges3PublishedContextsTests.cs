using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.Interop;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Profiles;

/// <summary>
/// The default Open Badges 3.0 form: only the published contexts (VC 2.0, OB 3.0.3), the Council Recommendation elements
/// as Open Badges terms and alignments to the EU vocabularies, read back by the reader (issue 12).
/// </summary>
public class OpenBadges3PublishedContextsTests
{
    private static IEnumerable<TestCaseData> Samples() =>
        EdcProfileTests.SampleNames.Select(n => new TestCaseData(n).SetName("Sample_" + n));

    /// <summary>
    /// What the default form keeps of a model: learner identifiers without their countries, the national identifier
    /// without its scheme and country, a quality assurance agency by name, country and homepage. Everything else,
    /// translations included (language editions in <c>achievement.related</c>), is kept as it is.
    /// </summary>
    internal static string Expected(MicroCredential model)
    {
        var node = JsonNode.Parse(MicroCredentialJson.Serialize(model))!;
        var learner = node["learner"]!.AsObject();
        if (learner["nationalId"] is JsonObject nid)
        {
            nid.Remove("scheme");
            nid.Remove("country");
        }

        foreach (var identifier in learner["identifiers"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            identifier.Remove("country");
        }

        if (node["qualityAssurance"]?["agency"] is JsonObject agency)
        {
            foreach (var key in agency.Select(p => p.Key).Where(k => k is not ("legalName" or "country" or "homepage")).ToList())
            {
                agency.Remove(key);
            }
        }

        return MicroCredentialJson.Serialize(MicroCredentialJson.Parse(node.ToJsonString()));
    }

    [Test]
    public void ToCredential_Default_UsesOnlyThePublishedContexts()
    {
        var vc = OpenBadges3ProfileTests.Issue("university-data-science");

        Assert.That(vc["@context"]!.AsArray().Select(c => (string?)c), Is.EqualTo(new[] { OpenBadges3Profile.VcV2Context, OpenBadges3Profile.OpenBadgesContext }));
        Assert.That(OpenBadges3Profile.Instance.UsesExtensionContext, Is.False);
        Assert.That(OpenBadges3Profile.WithExtensionContext.UsesExtensionContext, Is.True);
        Assert.That(vc.ToJsonString(), Does.Not.Contain("microcredentials-vc").And.Not.Contain("LanguageMap"));
    }

    [Test]
    public void ToCredential_Default_MapsTheElementsOntoOpenBadgesTermsAndEuVocabularyAlignments()
    {
        var achievement = OpenBadges3ProfileTests.Issue("university-data-science")["credentialSubject"]!["achievement"]!;
        Assert.That((decimal)achievement["creditsAvailable"]!, Is.EqualTo(5m));
        Assert.That((string?)achievement["fieldOfStudy"], Is.EqualTo("0613, 0988"));
        var narrative = (string)achievement["criteria"]!["narrative"]!;
        Assert.That(narrative, Does.StartWith("Learning outcomes:\n- Select, train"));
        Assert.That(narrative, Does.Contain("\nNotional workload (hours): 140").And.Contain("\nPrerequisites: A bachelor's degree"));
        Assert.That((string?)achievement["resultDescription"]![0]!["name"], Is.EqualTo("Belgian 0-20 scale, pass mark 10"));

        var byType = achievement["alignment"]!.AsArray().GroupBy(a => (string)a!["targetType"]!).ToDictionary(g => g.Key, g => g.Select(a => (string)a!["targetUrl"]!).ToList());
        Assert.That(byType["ext:EQF"], Is.EqualTo(new[] { "http://data.europa.eu/snb/eqf/7" }));
        Assert.That(byType["ext:ISCED-F"], Is.EqualTo(new[] { "http://data.europa.eu/snb/isced-f/0613", "http://data.europa.eu/snb/isced-f/0988" }));
        Assert.That(byType["ext:CreditSystem"], Is.EqualTo(new[] { EuVocabularies.Ects.Id }));
        Assert.That(byType["ext:AssessmentType"], Is.EqualTo(new[] { "http://data.europa.eu/snb/assessment/795dac4096" }));
        Assert.That(byType["ext:SupervisionAndIdentityVerification"], Is.EqualTo(new[] { EuVocabularies.Supervision.SupervisedWithIdentityCheck.Id }));
        Assert.That(byType["ext:FormOfParticipation"], Is.EqualTo(new[] { "http://data.europa.eu/snb/learning-assessment/e92d221e4d" }));
        Assert.That(byType["ext:LearningSetting"], Is.EqualTo(new[] { "http://data.europa.eu/snb/learning-setting/6fd4685715" }));
        Assert.That(byType["ext:QualityAssurance"], Is.EqualTo(new[] { "https://www.nvao.net/" }));
        Assert.That(achievement["alignment"]!.AsArray().All(a => a!["targetName"] is not null && a["targetUrl"] is not null), Is.True, "the schema requires both");

        var edition = achievement["related"]!.AsArray().Single()!;
        Assert.That((string?)edition["inLanguage"], Is.EqualTo("nl"));
        Assert.That((string?)edition["type"]![0], Is.EqualTo("Related"));
        Assert.That((string?)edition["name"], Is.EqualTo("Toegepast machinaal leren voor de volksgezondheid"));
        Assert.That((string?)edition["narrative"], Does.Contain("Awarding body: Voorbeelduniversiteit Leuven"));
    }

    [TestCaseSource(nameof(Samples))]
    public void RoundTrip_Default_GivesTheModelWithItsTranslationsAndNoNotes(string sample)
    {
        var model = MicroCredentialTests.LoadSample(sample) with { Id = EdcProfileTests.CredentialId };
        var text = OpenBadges3Profile.Instance.ToCredential(model, EdcProfileTests.FixedOptions).ToJsonString();
        var result = OpenBadges3Profile.Instance.FromCredential(JsonNode.Parse(text)!.AsObject());

        Assert.That(result.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(result.Model), Is.EqualTo(Expected(model)));
        Assert.That(result.Model.Validate().IsValid, Is.True);
    }

    [TestCaseSource(nameof(Samples))]
    public void RoundTrip_OptIn_GivesAnEqualModel(string sample)
    {
        var model = MicroCredentialTests.LoadSample(sample) with { Id = EdcProfileTests.CredentialId };
        var text = OpenBadges3Profile.WithExtensionContext.ToCredential(model, EdcProfileTests.FixedOptions).ToJsonString();
        var result = OpenBadges3Profile.Instance.FromCredential(JsonNode.Parse(text)!.AsObject());

        Assert.That(result.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(result.Model), Is.EqualTo(MicroCredentialJson.Serialize(model)));
    }

    [Test]
    public void RoundTrip_Default_OtherCreditsNqfLabelledConceptsQaTypeStackabilityAndOwnIds()
    {
        var model = MicroCredentialTests.LoadSample("vocational-welding-hours") with
        {
            Id = EdcProfileTests.CredentialId,
            Workload = new Workload { Ects = 2.5m, Hours = 7.75m, OtherCredits = new CreditPoints(EuVocabularies.Ecvet, 2.5m) },
            Level = new QualificationLevel { Eqf = 5, Nqf = new Concept("http://data.europa.eu/snb/qdr/c_1234", "Level 5 (ES)"), IscedFields = ["0413"] },
            Assessment = new Assessment { Type = new Concept(EuVocabularies.Assessment.Portfolio.Id, "portfolio"), Grade = new Grade("8") },
            QualityAssurance = new QualityAssurance { Description = "Accredited", Type = new Concept("http://example.org/qa/accredited"), ReportUrl = new Uri("https://www.eqar.eu/reports/1") },
            Stackability = new Stackability { IsPartialQualification = false, PartOf = [new RelatedCredential("Programme A", "https://example.org/a"), new RelatedCredential("Programme B")] },
        };
        model = model with { AwardingBody = model.AwardingBody! with { Id = "did:web:hwk.example" }, Provider = model.Provider! with { Id = "https://bz-metall.example/" } };
        var result = OpenBadges3Profile.Instance.FromCredential(OpenBadges3Profile.Instance.ToCredential(model, EdcProfileTests.FixedOptions));

        Assert.That(result.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(result.Model), Is.EqualTo(Expected(model)));
        Assert.That(result.Model.Workload, Is.EqualTo(model.Workload));
    }

    [Test]
    public void FromCredential_DefaultFormWithOddEditionsAndLines_ReadsWhatItCanAndNeverThrows()
    {
        var vc = OpenBadges3ProfileTests.Issue("rpl-project-management");
        var achievement = vc["credentialSubject"]!["achievement"]!.AsObject();
        achievement["related"] = new JsonArray(
            new JsonObject { ["id"] = "urn:x:1", ["type"] = new JsonArray("Related"), ["inLanguage"] = "fr", ["name"] = 7, ["narrative"] = "Learning outcomes:\n- a\n- b\n- c\n- d\n\nPrerequisites: p\nNo colon here\nGrade: Apte" },
            new JsonObject { ["id"] = "urn:x:2", ["type"] = new JsonArray("Related"), ["narrative"] = "not ours" },
            JsonValue.Create("text"));
        achievement["criteria"]!["narrative"] = (string)achievement["criteria"]!["narrative"]! + "\nPartial qualification: maybe\nNotional workload (hours): many\nPart of: no id <";

        var result = OpenBadges3Profile.Instance.FromCredential(vc);
        var model = result.Model;
        Assert.That(model.Title!.Count, Is.EqualTo(1), "a name that is not a string is not a translation");
        Assert.That(model.LearningOutcomes.Select(o => o.Title!.Count), Is.EqualTo(new[] { 2, 2 }), "extra outcome lines are ignored");
        Assert.That(model.Prerequisites!.TryGet("fr", out var p) ? p : null, Is.EqualTo("p"));
        Assert.That(model.Assessment!.Grade!.Value.TryGet("fr", out var g) ? g : null, Is.EqualTo("Apte"));
        Assert.That(model.Workload!.Hours, Is.Null);
    }

    [TestCaseSource(nameof(Samples))]
    public async Task ToCredential_Default_ExpandsInSafeModeWithThePublishedContexts(string sample)
    {
        var vc = OpenBadges3ProfileTests.Issue(sample);
        using var key = Ed25519SigningKey.Generate();
        var signed = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Profile = CredentialProfiles.Ob3 }).IssueAsync(MicroCredentialTests.LoadSample(sample));
        Assert.That(signed.Succeeded, Is.True, "RDFC signing runs JSON-LD in safe mode: every term is defined by VC 2.0 or OB 3.0");
        Assert.That(signed.Credential!["@context"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(vc["@context"]!.AsArray(), Has.Count.EqualTo(2));
    }
}

/// <summary>Our default Open Badges 3.0 credentials in the reference JavaScript verifier with the published contexts only, and the AchievementCredential schema.</summary>
[TestFixture]
[Category("Interop")]
public class OpenBadges3PublishedContextsInteropTests
{
    private static readonly string[] Suites = ["eddsa-rdfc-2022", "eddsa-jcs-2022"];

    private static string Schema => Shared.Vectors("openbadges-v3", "schema", "achievementcredential.json");

    private static IEnumerable<TestCaseData> Cases() =>
        from model in EdcProfileTests.SampleNames
        from suite in Suites
        select new TestCaseData(model, suite).SetName($"OurDefaultOb3Credential_VerifiesInReferenceJsWithPublishedContexts_{model}_{suite}");

    [OneTimeSetUp]
    public void Setup() => ReferenceJs.EnsureInstalled();

    [TestCaseSource(nameof(Cases))]
    public async Task OurDefaultOb3Credential_VerifiesInReferenceJsWithPublishedContexts(string sample, string suite)
    {
        using var key = Ed25519SigningKey.Generate();
        var cryptosuite = suite == "eddsa-jcs-2022" ? Cryptosuites.EdDsaJcs2022 : Cryptosuites.EdDsaRdfc2022;
        var issued = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Profile = CredentialProfiles.Ob3, Cryptosuite = cryptosuite })
            .IssueAsync(MicroCredentialTests.LoadSample(sample));
        Assert.That(issued.Succeeded, Is.True);

        // No --resource: the harness has only the published contexts.
        var result = ReferenceJs.Run("verify", issued.Credential!.ToJsonString());
        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        Assert.That((bool)result.Json["verified"]!, Is.True);

        var withProofSet = issued.Credential!.DeepClone().AsObject();
        withProofSet["proof"] = new JsonArray(withProofSet["proof"]!.DeepClone());
        var schema = ReferenceJs.Run("schema-validate", withProofSet.ToJsonString(), "--schema", Schema);
        Assert.That(schema.ExitCode, Is.Zero, schema.Stdout + schema.Stderr);
        Assert.That((bool)schema.Json["valid"]!, Is.True);
    }

    [Test]
    public async Task OurOptInOb3Credential_IsRejectedByReferenceJsWithPublishedContextsOnly()
    {
        using var key = Ed25519SigningKey.Generate();
        var unsigned = OpenBadges3Profile.WithExtensionContext.ToCredential(MicroCredentialTests.LoadSample("university-data-science"), EdcProfileTests.FixedOptions with { IssuerId = DidKeyOf(key) });
        var signed = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Profile = CredentialProfiles.Ob3 }).SignAsync(unsigned);
        var result = ReferenceJs.Run("verify", signed.ToJsonString());
        Assert.That(result.ExitCode, Is.Not.Zero, "the extension context needs hosting: " + result.Stdout);
    }

    private static string DidKeyOf(Ed25519SigningKey key) => MicroCredentials.VC.Dids.DidKey.Create(key.PublicKey);
}
