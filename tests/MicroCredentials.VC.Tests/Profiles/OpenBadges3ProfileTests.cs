using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Profiles;

public class OpenBadges3ProfileTests
{
    private static IEnumerable<TestCaseData> Samples() =>
        EdcProfileTests.SampleNames.Select(n => new TestCaseData(n).SetName("Sample_" + n));

    /// <summary>The default form (published contexts only).</summary>
    internal static JsonObject Issue(string sample, CredentialOptions? options = null) =>
        OpenBadges3Profile.Instance.ToCredential(MicroCredentialTests.LoadSample(sample), options ?? EdcProfileTests.FixedOptions);

    /// <summary>The opt-in form with our extension context.</summary>
    internal static JsonObject IssueExt(string sample, CredentialOptions? options = null) =>
        OpenBadges3Profile.WithExtensionContext.ToCredential(MicroCredentialTests.LoadSample(sample), options ?? EdcProfileTests.FixedOptions);

    [Test]
    public void OptIn_ToCredential_Envelope_IsVc20OpenBadgeCredentialWithOurExtensionContext()
    {
        var vc = IssueExt("university-data-science");

        Assert.That(vc["@context"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[]
        {
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://w3id.org/microcredentials-vc/ob3-ext/v1",
        }));
        Assert.That(vc["type"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "VerifiableCredential", "OpenBadgeCredential" }));
        Assert.That((string?)vc["id"], Is.EqualTo(EdcProfileTests.CredentialId));
        Assert.That((string?)vc["validFrom"], Is.EqualTo("2026-06-30T10:00:00Z"));
        Assert.That(vc.ContainsKey("validUntil"), Is.False);
        Assert.That((string?)vc["issuer"]!["id"], Is.EqualTo(EdcProfileTests.IssuerDid));
        Assert.That((string?)vc["issuer"]!["type"]![0], Is.EqualTo("Profile"));
        Assert.That((string?)vc["issuer"]!["name"], Is.EqualTo("University of Leuven Example"));
        Assert.That((string?)vc["issuer"]!["nameLanguageMap"]!["nl"], Is.EqualTo("Voorbeelduniversiteit Leuven"));
        Assert.That((string?)vc["issuer"]!["address"]!["addressCountryCode"], Is.EqualTo("BE"));
        Assert.That((string?)vc["issuer"]!["url"], Is.EqualTo("https://www.example.edu/"));
        Assert.That((string?)vc["issuer"]!["otherIdentifier"]![0]!["identifierType"], Is.EqualTo("ext:LegalIdentifier"));
        Assert.That(vc.ContainsKey("proof"), Is.False);
    }

    [Test]
    public void OptIn_ToCredential_Achievement_CarriesTheElementsInOpenBadgesProperties()
    {
        var subject = IssueExt("university-data-science")["credentialSubject"]!;
        var achievement = subject["achievement"]!;

        Assert.That((string?)subject["id"], Is.EqualTo("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH"));
        Assert.That((string?)subject["type"]![0], Is.EqualTo("AchievementSubject"));
        Assert.That(subject["identifier"]!.AsArray().Select(i => (string?)i!["identityType"]), Is.EqualTo(new[] { "name", "ext:givenName", "ext:familyName", "ext:dateOfBirth", "emailAddress", "identifier" }));
        Assert.That(subject["identifier"]!.AsArray().All(i => (bool)i!["hashed"]! == false), Is.True);
        Assert.That((string?)achievement["achievementType"], Is.EqualTo("MicroCredential"));
        Assert.That((string?)achievement["name"], Is.EqualTo("Applied Machine Learning for Public Health"));
        Assert.That((string?)achievement["criteria"]!["narrative"], Does.StartWith("Learning outcomes:\n- Select, train"));
        Assert.That((decimal)achievement["creditsAvailable"]!, Is.EqualTo(5m));
        Assert.That((string?)achievement["fieldOfStudy"], Is.EqualTo("0613, 0988"));
        Assert.That((string?)achievement["inLanguage"], Is.EqualTo("en"));
        var alignments = achievement["alignment"]!.AsArray();
        Assert.That(alignments.Select(a => (string?)a!["targetType"]), Is.EqualTo(new[] { "ext:ESCOSkill", "ext:EQF", "ext:ISCED-F", "ext:ISCED-F", "ext:QualityAssurance" }));
        Assert.That((string?)alignments[1]!["targetUrl"], Is.EqualTo("http://data.europa.eu/snb/eqf/7"));
        Assert.That((string?)alignments[1]!["targetCode"], Is.EqualTo("7"));
        Assert.That((string?)alignments[4]!["targetUrl"], Is.EqualTo("https://www.nvao.net/"));
        Assert.That((string?)achievement["resultDescription"]![0]!["name"], Is.EqualTo("Belgian 0-20 scale, pass mark 10"));
        Assert.That((string?)subject["result"]![0]!["value"], Is.EqualTo("16/20"));
        Assert.That((string?)subject["result"]![0]!["resultDescription"], Is.EqualTo((string?)achievement["resultDescription"]![0]!["id"]));
    }

    [Test]
    public void OptIn_ToCredential_Extension_CarriesWhatOpenBadgesHasNoPropertyFor()
    {
        var achievement = IssueExt("university-data-science")["credentialSubject"]!["achievement"]!;

        Assert.That((decimal)achievement["ectsCredits"]!, Is.EqualTo(5m));
        Assert.That((decimal)achievement["notionalWorkloadHours"]!, Is.EqualTo(140m));
        Assert.That((string?)achievement["formOfParticipation"]!["id"], Is.EqualTo("http://data.europa.eu/snb/learning-assessment/e92d221e4d"));
        Assert.That((string?)achievement["learningSetting"]!["id"], Is.EqualTo("http://data.europa.eu/snb/learning-setting/6fd4685715"));
        Assert.That((string?)achievement["typeOfAssessment"]!["id"], Is.EqualTo("http://data.europa.eu/snb/assessment/795dac4096"));
        Assert.That((string?)achievement["supervisionAndIdentityVerification"]!["id"], Is.EqualTo(EuVocabularies.Supervision.SupervisedWithIdentityCheck.Id));
        Assert.That((string?)achievement["typeOfQualityAssurance"]!["qualityAssuranceAgency"]!["name"], Does.Contain("NVAO"));
        Assert.That((string?)achievement["prerequisites"]!["en"], Does.StartWith("A bachelor's degree"));
        Assert.That((bool)achievement["integrationStackability"]!["isPartialQualification"]!, Is.True);
        Assert.That(achievement["learningOutcome"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public void OptIn_ToCredential_NoEctsNoDescription_WritesNoCreditsAndTheTitleAsDescription()
    {
        var vc = IssueExt("vocational-welding-hours");
        var achievement = vc["credentialSubject"]!["achievement"]!;

        Assert.That(achievement["creditsAvailable"], Is.Null);
        Assert.That((decimal)achievement["notionalWorkloadHours"]!, Is.EqualTo(80m));
        Assert.That((string?)achievement["description"], Is.EqualTo((string?)achievement["name"]));
        Assert.That((string?)vc["validUntil"], Is.EqualTo("2029-11-20T00:00:00Z"));
        Assert.That(vc["credentialSubject"]!["id"], Is.Null, "the learner has no DID");
        Assert.That((string?)vc["credentialSubject"]!["nationalIdentifier"]!["identifierCountry"], Is.EqualTo("DE"));
        Assert.That((string?)achievement["learningProvider"]!["name"], Is.EqualTo("Bildungszentrum Metall GmbH"));
        Assert.That((string?)achievement["nameLanguageMap"]!["de"], Is.EqualTo("Schweißen von Aluminiumkonstruktionen (WIG)"));
    }

    [TestCaseSource(nameof(Samples))]
    public void RoundTrip_SampleModel_GivesAnEqualModelAndNoUnmappedNotes(string sample)
    {
        var model = MicroCredentialTests.LoadSample(sample) with { Id = EdcProfileTests.CredentialId };
        var result = OpenBadges3Profile.Instance.FromCredential(OpenBadges3Profile.WithExtensionContext.ToCredential(model, EdcProfileTests.FixedOptions));

        Assert.That(result.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(result.Model), Is.EqualTo(MicroCredentialJson.Serialize(model)));
        Assert.That(result.Model.Title, Is.EqualTo(model.Title));
        Assert.That(result.Model.Workload, Is.EqualTo(model.Workload));
        Assert.That(result.Model.Participation, Is.EqualTo(model.Participation));
        Assert.That(result.Model.Validate().IsValid, Is.True);
    }

    [TestCaseSource(nameof(Samples))]
    public void RoundTrip_ThroughJsonText_GivesAnEqualModel(string sample)
    {
        var model = MicroCredentialTests.LoadSample(sample) with { Id = EdcProfileTests.CredentialId };
        var text = OpenBadges3Profile.WithExtensionContext.ToCredential(model, EdcProfileTests.FixedOptions).ToJsonString();
        var result = OpenBadges3Profile.Instance.FromCredential(JsonNode.Parse(text)!.AsObject());

        Assert.That(result.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(result.Model), Is.EqualTo(MicroCredentialJson.Serialize(model)));
    }

    [Test]
    public void RoundTrip_AwardingBodyAndProviderWithTheirOwnIds_KeepsThem()
    {
        var model = MicroCredentialTests.LoadSample("vocational-welding-hours");
        model = model with
        {
            Id = EdcProfileTests.CredentialId,
            AwardingBody = model.AwardingBody! with { Id = "did:web:hwk.example" },
            Provider = model.Provider! with { Id = "https://bz-metall.example/" },
        };
        var vc = OpenBadges3Profile.WithExtensionContext.ToCredential(model, EdcProfileTests.FixedOptions);
        var back = OpenBadges3Profile.Instance.FromCredential(vc);

        Assert.That((string?)vc["issuer"]!["id"], Is.EqualTo(EdcProfileTests.IssuerDid));
        Assert.That((string?)vc["credentialSubject"]!["achievement"]!["creator"]!["id"], Is.EqualTo("did:web:hwk.example"));
        Assert.That((string?)vc["credentialSubject"]!["source"]!["id"], Is.EqualTo("https://bz-metall.example/"));
        Assert.That(back.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(back.Model), Is.EqualTo(MicroCredentialJson.Serialize(model)));
    }

    [Test]
    public void RoundTrip_FractionalHoursOtherCreditsNqfAndQaDetails()
    {
        var model = MicroCredentialTests.LoadSample("rpl-project-management") with
        {
            Id = EdcProfileTests.CredentialId,
            Workload = new Workload { Ects = 2.5m, Hours = 7.75m, OtherCredits = new CreditPoints(EuVocabularies.Ecvet, 2.5m) },
            Level = new QualificationLevel { Eqf = 5, Nqf = new Concept("http://data.europa.eu/snb/qdr/c_1234", "Level 5 (ES)"), IscedFields = ["0413"] },
            QualityAssurance = new QualityAssurance
            {
                Description = LocalizedText.Create(("es", "Acreditado"), ("en", "Accredited")),
                Type = new Concept("http://example.org/qa/accredited"),
                ReportUrl = new Uri("https://www.eqar.eu/reports/1"),
                Agency = new Organisation { Id = "https://www.madrimasd.org/", LegalName = "madri+d", Country = "ES", VatIdentifier = "ESG00000000", EidasIdentifier = "VATES-G00000000" },
            },
            FurtherInformation = new FurtherInformation { Note = LocalizedText.Create(("es", "Nota"), ("en", "Note")), Homepage = new Uri("https://upe.example/mc") },
        };
        var back = OpenBadges3Profile.Instance.FromCredential(OpenBadges3Profile.WithExtensionContext.ToCredential(model, EdcProfileTests.FixedOptions));

        Assert.That(back.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(back.Model), Is.EqualTo(MicroCredentialJson.Serialize(model)));
        Assert.That(back.Model.Workload, Is.EqualTo(model.Workload));
    }

    [Test]
    public void ToCredential_InvalidModel_ThrowsWithEveryError()
    {
        var model = MicroCredentialTests.LoadSample("university-data-science") with { LearningOutcomes = [], Title = null };
        var ex = Assert.Throws<ArgumentException>(() => OpenBadges3Profile.WithExtensionContext.ToCredential(model, EdcProfileTests.FixedOptions));
        Assert.That(ex!.Message, Does.Contain("learningOutcomes").IgnoreCase.And.Contain("title").IgnoreCase);
    }

    [Test]
    public void ToCredential_RelativeIssuer_Throws() =>
        Assert.Throws<ArgumentException>(() => Issue("university-data-science", EdcProfileTests.FixedOptions with { IssuerId = "issuer" }));

    [TestCaseSource(nameof(Samples))]
    public async Task ToCredential_ExpandsInSafeMode_WithTheEmbeddedContexts(string sample)
    {
        var quads = await JsonLdProcessor.ToRdfAsync(Issue(sample), new JsonLdOptions { DocumentLoader = EmbeddedDocumentLoader.Default, SafeMode = true });
        Assert.That(quads, Is.Not.Empty);
    }

    [Test]
    public void TryDetect_FindsOb3ForOpenBadgesAndEdcForEdc()
    {
        Assert.That(CredentialProfiles.TryDetect(Issue("university-data-science"), out var ob3), Is.True);
        Assert.That(ob3, Is.SameAs(CredentialProfiles.Ob3));
        Assert.That(ob3!.Name, Is.EqualTo("ob3"));
        Assert.That(CredentialProfiles.TryDetect(EdcProfileTests.Issue("university-data-science"), out var edc), Is.True);
        Assert.That(edc, Is.SameAs(CredentialProfiles.Edc));
        Assert.That(CredentialProfiles.All, Has.Member(CredentialProfiles.Ob3));
        Assert.That(OpenBadges3Profile.Instance.CanRead(EdcProfileTests.Issue("university-data-science")), Is.False);
    }

    [Test]
    public void FromCredential_NotAnOpenBadge_NotesItAndReadsNothing()
    {
        var result = OpenBadges3Profile.Instance.FromCredential(new JsonObject { ["type"] = new JsonArray("VerifiableCredential") });
        Assert.That(result.Unmapped, Has.Count.EqualTo(1));
        Assert.That(result.Model.Title, Is.Null);
    }

    [Test]
    public void Golden_UniversityDataScience_MatchesTheCommittedFile()
    {
        var path = Shared.Repo("tests", "MicroCredentials.VC.Tests", "Profiles", "Golden", "ob3-university-data-science.json");
        var actual = Issue("university-data-science").ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("MCRED_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Pass("golden file rewritten: " + path);
        }

        Assert.That(File.Exists(path), Is.True, "missing golden file; run with MCRED_UPDATE_GOLDEN=1 to create it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")));
    }
}
