using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Profiles;

/// <summary>Open Badges 3.0 credentials of other issuers (1EdTech spec examples, MyNextID, edubadges) read back into the model.</summary>
public class OpenBadges3RealCredentialTests
{
    private static readonly string[] SpecExamples =
        ["basicOpenBadgeCredential", "fullOpenBadge", "achievementAlignmentCase", "achievementAlignmentCe", "skillAssertionCase", "skillAssertionCtdl"];

    private static string MyNextId => Shared.Path("anchors", "edc", "mynextid", "open-badge-mc-example.json");

    private static string Edubadges => Shared.Path("anchors", "edc", "obv3", "educredential-example-uvh_at_microcredential_full_1.json");

    private static IEnumerable<TestCaseData> AllReal() =>
        SpecExamples.Select(n => new TestCaseData(Shared.Vectors("openbadges-v3", "examples", n + ".json")).SetName("Real_" + n))
            .Append(new TestCaseData(MyNextId).SetName("Real_mynextid"))
            .Append(new TestCaseData(Edubadges).SetName("Real_edubadges"));

    private static ProfileReadResult Read(string path)
    {
        var doc = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.That(CredentialProfiles.TryDetect(doc, out var profile), Is.True);
        Assert.That(profile, Is.SameAs(CredentialProfiles.Ob3));
        return profile!.FromCredential(doc);
    }

    [TestCaseSource(nameof(AllReal))]
    public void Inspect_RealOpenBadge_ReadsBackWithNotes(string path)
    {
        var result = Mcred.Run(null, "inspect", "--in", path);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var model = MicroCredentialJson.Parse(JsonNode.Parse(result.Stdout)!["model"]!.ToJsonString());
        Assert.That(model.Title, Is.Not.Null);
        Assert.That(model.AwardingBody?.LegalName, Is.Not.Null);
        Assert.That(model.IssuedOn, Is.Not.Null);
        Assert.That(result.Stderr, Does.Not.Contain("Exception"));
    }

    [Test]
    public void Inspect_EndorsementCredential_IsNotAMicroCredential()
    {
        var result = Mcred.Run(null, "inspect", "--in", Shared.Vectors("openbadges-v3", "examples", "endorsement.json"));
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    [Test]
    public void MyNextId_ReadsEscoOutcomesCreditsIssuerAndExpiry()
    {
        var result = Read(MyNextId);
        var m = result.Model;

        Assert.That(m.Id, Is.EqualTo("urn:uuid:00a0d11e-3749-4ee3-9b44-230c1774d387"));
        Assert.That(m.Title!.Value, Is.EqualTo("Data Science Fundamentals"));
        Assert.That(m.Learner!.Id, Is.EqualTo("urn:uuid:754208fc-d60e-4977-897f-54f58ed54707"));
        Assert.That(m.AwardingBody!.LegalName!.Value, Is.EqualTo("NETIS d.o.o."));
        Assert.That(m.AwardingBody.Homepage, Is.EqualTo(new Uri("https://www.netis.si")));
        Assert.That(m.AwardingBody.Email, Is.EqualTo("info@netis.si"));
        Assert.That(m.AwardingBody.EidasIdentifier, Is.EqualTo("urn:epass:legalIdentifier:df1eceb0-c36a-4613-b3d7-992c9ee66f5b"));
        Assert.That(m.LearningOutcomes.Select(o => o.Title!.Value), Is.EqualTo(new[] { "Develop test procedures", "Analyse test data" }));
        Assert.That(m.LearningOutcomes[0].EscoSkills, Is.EqualTo(new[] { "http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4" }));
        Assert.That(m.Workload!.Ects, Is.EqualTo(5m));
        Assert.That(m.Languages, Is.EqualTo(new[] { "en" }));
        Assert.That(m.IssuedOn, Is.EqualTo(new DateTimeOffset(2026, 1, 12, 7, 4, 19, TimeSpan.Zero)));
        Assert.That(m.ExpiresOn, Is.EqualTo(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.identifier[0]: a hashed emailAddress"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.achievement.creditsAvailable: read as ECTS"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.achievement.fieldOfStudy"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.achievement.tag"));
        Assert.That(result.Unmapped, Has.None.Contains("sha256"), "notes never quote the learner's data");
    }

    [Test]
    public void Edubadges_ReadsTheExtensionTermsAlignmentsAndGrade()
    {
        var result = Read(Edubadges);
        var m = result.Model;

        Assert.That(m.Title!.Language, Is.EqualTo("nl-NL"));
        Assert.That(m.Title.Value, Does.StartWith("Microcredential Basisomzetting"));
        Assert.That(m.AwardingBody!.LegalName!.Value, Is.EqualTo("Universiteit van Harderwijk"));
        Assert.That(m.AwardingBody.Country, Is.EqualTo("NL"));
        Assert.That(m.Workload!.Ects, Is.EqualTo(3m));
        Assert.That(m.Level!.Eqf, Is.EqualTo(4));
        Assert.That(m.Participation, Is.EqualTo(new Participation(ParticipationMode.Blended)));
        Assert.That(m.Assessment!.Type!.Label!.Value, Is.EqualTo("testing"));
        Assert.That(m.Assessment.Supervision, Is.EqualTo(EuVocabularies.Supervision.SupervisedWithIdentityCheck));
        Assert.That(m.Assessment.Grade!.Value.Value, Is.EqualTo("8.5"));
        Assert.That(m.Assessment.Grade.Scheme!.Value, Is.EqualTo("Final Project Grade (1–10, pass 6)"));
        Assert.That(m.QualityAssurance!.Description!.Value, Does.StartWith("Accreditatie van de opleiding").And.EndWith("(AV-7381)"));
        Assert.That(m.QualityAssurance.ReportUrl, Is.EqualTo(new Uri("https://data.example.com/decisions/AV-7381")));
        Assert.That(m.LearningOutcomes, Has.Count.EqualTo(1));
        Assert.That(m.Languages, Is.EqualTo(new[] { "nl-NL" }));
        Assert.That(m.ExpiresOn, Is.EqualTo(new DateTimeOffset(2029, 8, 30, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(result.Unmapped, Has.Some.StartsWith("issuer.otherIdentifier: an identifier of type 'ext:BRIN'"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.achievement.educationProgramIdentifier"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.achievement.participationType: 'onsite or blended' read as blended"));
    }

    [Test]
    public void SpecBasic_ReadsTitleIssuerSubjectAndCriteria()
    {
        var result = Read(Shared.Vectors("openbadges-v3", "examples", "basicOpenBadgeCredential.json"));
        var m = result.Model;

        Assert.That(m.Id, Is.EqualTo("http://example.com/credentials/3527"));
        Assert.That(m.Title!.Value, Is.EqualTo("Teamwork"));
        Assert.That(m.AwardingBody!.LegalName!.Value, Is.EqualTo("Example Corp"));
        Assert.That(m.Learner!.Id, Is.EqualTo("did:example:ebfeb1f712ebc6f1c276e12ec21"));
        Assert.That(m.IssuedOn, Is.EqualTo(new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(m.LearningOutcomes.Single().Title!.Value, Does.StartWith("Team members are nominated"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.achievement.criteria.narrative: read as the one learning outcome"));
    }

    [Test]
    public void SpecFull_ReportsWhatTheModelCannotHold()
    {
        var result = Read(Shared.Vectors("openbadges-v3", "examples", "fullOpenBadge.json"));

        Assert.That(result.Model.Title, Is.Not.Null);
        Assert.That(result.Unmapped, Has.Some.StartsWith("evidence:"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("endorsement:"));
        Assert.That(result.Unmapped, Has.Some.Contains("achievementType"));
    }

    [Test]
    public void SpecAlignmentCase_ReportsTheCaseAlignment()
    {
        var result = Read(Shared.Vectors("openbadges-v3", "examples", "achievementAlignmentCase.json"));
        Assert.That(result.Model.Title!.Value, Is.EqualTo("Text analysis"));
        Assert.That(result.Unmapped, Has.Some.StartsWith("credentialSubject.achievement.alignment[0]: an alignment of type 'CFItem'"));
    }
}
