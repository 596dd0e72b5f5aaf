using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Profiles;

/// <summary>Reads the real EDC credentials in ../shared/anchors/edc (see its MANIFEST.md) into the model.</summary>
public class EdcRealCredentialTests
{
    private const string AnnexUnsigned = "elm-v3/samples/Sample-MC-Annex1-unsigned.jsonld";
    private const string AnnexSigned = "elm-v3/samples/Sample-MC-Annex1-signed.jsonld";
    private const string MyNextIdExample = "mynextid/edc-mc-example.json";
    private const string MyNextIdSigned = "mynextid/edc-mc-signed.jsonld";
    private const string EbsiExample = "ebsi/example-Microcredential-Data-and-software-business.json";

    private static readonly string[] All = [AnnexUnsigned, AnnexSigned, MyNextIdExample, MyNextIdSigned, EbsiExample];

    private static IEnumerable<TestCaseData> AllCredentials() =>
        All.Select(f => new TestCaseData(f).SetName("Real_" + System.IO.Path.GetFileNameWithoutExtension(f)));

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Shared.Path(["anchors", "edc", .. file.Split('/')])))!.AsObject();

    /// <summary>The credential itself: the payload string of a JWS JSON (JAdES) file.</summary>
    private static JsonObject Credential(string file)
    {
        var json = Load(file);
        return json["payload"] is JsonValue payload ? JsonNode.Parse(payload.GetValue<string>())!.AsObject() : json;
    }

    private static ProfileReadResult Read(string file) => EdcProfile.Instance.FromCredential(Credential(file));

    [TestCaseSource(nameof(AllCredentials))]
    public void CanRead_RealCredential_IsTrueAndDetectedAsEdc(string file)
    {
        Assert.That(EdcProfile.Instance.CanRead(Credential(file)), Is.True);
        Assert.That(CredentialProfiles.TryDetect(Credential(file), out var profile), Is.True);
        Assert.That(profile, Is.SameAs(CredentialProfiles.Edc));
        Assert.That(profile!.Name, Is.EqualTo("edc"));
    }

    [Test]
    public void AnnexI_Unsigned_ReadsEveryElementItCarries()
    {
        var (m, unmapped) = Read(AnnexUnsigned);

        Assert.That(m.Id, Is.EqualTo("urn:credential:3ef0ac26-9a1f-41c6-871b-2b82e670907b"));
        Assert.That(m.Title!.Value, Is.EqualTo("Digital micro-credential creation"));
        Assert.That(m.AwardingBody!.LegalName!.Value, Is.EqualTo("University of Zed"));
        Assert.That(m.AwardingBody.Country, Is.EqualTo("IE"));
        Assert.That(m.AwardingBody.Region, Is.EqualTo("Dublin city"));
        Assert.That(m.AwardingBody.VatIdentifier, Is.EqualTo("654321"));
        Assert.That(m.AwardingBody.Homepage, Is.EqualTo(new Uri("https://uniz.edu")));
        Assert.That(m.AwardingBody.Id, Is.Null, "urn:epass: node ids are not identifiers");
        Assert.That(m.Provider!.LegalName!.Value, Is.EqualTo("European Digital Credentials for Learning Support Team"));
        Assert.That(m.Provider.Country, Is.EqualTo("BE"));

        Assert.That(m.Level!.Eqf, Is.EqualTo(6));
        Assert.That(m.Level.Nqf!.Id, Is.EqualTo("http://data.europa.eu/snb/qdr/c_c392e7a2"));
        Assert.That(m.Level.IscedFields, Is.EqualTo(new[] { "003", "0688" }));
        Assert.That(m.Workload!.Ects, Is.EqualTo(2m));
        Assert.That(m.Workload.Hours, Is.EqualTo(60m));
        Assert.That(m.LearningOutcomes, Has.Count.EqualTo(2));
        Assert.That(m.LearningOutcomes[0].EscoSkills, Has.Count.EqualTo(3));
        Assert.That(m.LearningOutcomes[1].Title!.Get("es"), Is.EqualTo("Contento digital"));
        Assert.That(m.Participation, Is.EqualTo(new Participation(ParticipationMode.Blended, LearningSetting.NonFormal)));
        Assert.That(m.Languages, Is.EqualTo(new[] { "en" }));
        Assert.That(m.Prerequisites!.Value, Does.StartWith("The learner needs to have an EDC Online Credential Builder account"));
        Assert.That(m.Stackability!.IsPartialQualification, Is.False);

        Assert.That(m.Assessment!.Type!.Label!.Value, Is.EqualTo("artefact assessment"));
        Assert.That(m.Assessment.Supervision!.Id, Is.EqualTo(EuVocabularies.Supervision.UnsupervisedNoIdentityCheck.Id));
        Assert.That(m.Assessment.Grade!.Value.Value, Is.EqualTo("Pass"));
        Assert.That(m.Assessment.Grade.Scheme!.Value, Is.EqualTo("Standard grading"));

        Assert.That(m.Learner!.FullName, Is.EqualTo("Ana Andromeda"));
        Assert.That(m.Learner.GivenName, Is.EqualTo("Ana"));
        Assert.That(m.Learner.FamilyName, Is.EqualTo("Andromeda"));
        Assert.That(m.Learner.DateOfBirth, Is.EqualTo(new DateOnly(1999, 10, 2)), "1999-10-01T22:00:00Z is local midnight of 2 October in CEST");
        Assert.That(m.Learner.NationalId, Is.EqualTo(new Identifier("LA-234218", null, "IT")));
        Assert.That(m.Learner.Email, Is.EqualTo("ana.andromeda@email.com"));
        Assert.That(m.Learner.Id, Is.Null);

        Assert.That(m.IssuedOn, Is.Null, "the unsigned sample has no issued date");
        Assert.That(m.QualityAssurance, Is.Null);
        Assert.That(unmapped, Does.Contain("qualityAssurance: no specifiedBy.accreditation or awardingBody.accreditation"));
        Assert.That(unmapped, Does.Contain("credentialSubject.hasClaim.specifiedBy.maximumDuration: not mapped"));
        Assert.That(unmapped, Does.Contain("credentialSubject.hasClaim.influencedBy.specifiedBy: not mapped"));
        Assert.That(unmapped.Any(u => u.StartsWith("issued: absent", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void AnnexI_Signed_Payload_AddsTheIssuingDateAndNamesTheSealingIssuer()
    {
        var (m, unmapped) = Read(AnnexSigned);

        Assert.That(m.Title!.Value, Is.EqualTo("Digital micro-credential creation"));
        Assert.That(m.IssuedOn, Is.EqualTo(new DateTimeOffset(2023, 9, 27, 13, 54, 17, TimeSpan.FromHours(2))));
        Assert.That(m.AwardingBody!.LegalName!.Value, Is.EqualTo("University of Zed"));
        Assert.That(m.AwardingBody.Country, Is.EqualTo("IE"));
        Assert.That(m.Level!.Eqf, Is.EqualTo(6));
        Assert.That(m.Workload!.Ects, Is.EqualTo(2m));
        Assert.That(m.LearningOutcomes, Has.Count.EqualTo(2));
        Assert.That(unmapped, Does.Contain("evidence: not mapped"));
        Assert.That(unmapped, Does.Contain("issuer: the issuing (sealing) organisation 'ORGANIZACION TEST' is not the awarding body; the model keeps the awarding body"));
    }

    [Test]
    public void AnnexI_Signed_JwsEnvelope_IsReadThroughItsPayload()
    {
        var envelope = Load(AnnexSigned);
        Assert.That(EdcProfile.Instance.CanRead(envelope), Is.True);

        var result = EdcProfile.Instance.FromCredential(envelope);
        Assert.That(result.Model.Title!.Value, Is.EqualTo("Digital micro-credential creation"));
        Assert.That(result.Unmapped, Is.EqualTo(Read(AnnexSigned).Unmapped));
    }

    [TestCase(MyNextIdExample, "Joe Doe", TestName = "MyNextId_Example_ReadsTheElements")]
    [TestCase(MyNextIdSigned, "Joe Done", TestName = "MyNextId_SignedPayload_ReadsTheElements")]
    public void MyNextId(string file, string fullName)
    {
        var (m, unmapped) = Read(file);

        Assert.That(m.Title!.Get("en"), Is.EqualTo("Title of your learning achievement"));
        Assert.That(m.AwardingBody!.LegalName!.Value, Is.EqualTo("NETIS d.o.o."));
        Assert.That(m.AwardingBody.Country, Is.EqualTo("SI"));
        Assert.That(m.AwardingBody.LegalIdentifier, Is.EqualTo("1532332000"));
        Assert.That(m.Level!.Eqf, Is.EqualTo(6));
        Assert.That(m.Level.Nqf!.Label!.Value, Is.EqualTo("MECU Level 7"));
        Assert.That(m.Workload!.Ects, Is.EqualTo(5m));
        Assert.That(m.Workload.Hours, Is.EqualTo(45m));
        Assert.That(m.LearningOutcomes, Has.Count.EqualTo(2));
        Assert.That(m.Participation!.Mode, Is.EqualTo(ParticipationMode.Online));
        Assert.That(m.Assessment!.Grade!.Value.Value, Is.EqualTo("19"));
        Assert.That(m.Assessment.Type!.Label!.Value, Is.EqualTo("Graded exercises"));
        Assert.That(m.Learner!.FullName, Is.EqualTo(fullName));
        Assert.That(m.Learner.NationalId!.Country, Is.EqualTo("ES"));
        Assert.That(m.IssuedOn, Is.EqualTo(new DateTimeOffset(2026, 1, 12, 7, 12, 23, TimeSpan.Zero)));

        // The outcomes' "ESCO skills" are urn:epass: concepts, not ESCO URIs: noted, not guessed.
        Assert.That(m.LearningOutcomes.SelectMany(o => o.EscoSkills), Is.Empty);
        Assert.That(unmapped.Count(u => u.Contains("is not an ESCO URI", StringComparison.Ordinal)), Is.EqualTo(4));
        Assert.That(unmapped, Does.Contain("status: not mapped"));
        Assert.That(unmapped, Does.Contain("cnf: not mapped"));
    }

    [Test]
    public void Ebsi_Vc2Variant_ReadsLanguageMapsWithArrays()
    {
        var (m, unmapped) = Read(EbsiExample);

        Assert.That(m.Title, Is.EqualTo(LocalizedText.Of("Data and software business")));
        Assert.That(m.AwardingBody!.LegalName!.Value, Is.EqualTo("University of Life"));
        Assert.That(m.AwardingBody.Country, Is.EqualTo("BE"));
        Assert.That(m.AwardedOn, Is.EqualTo(new DateTimeOffset(2020, 7, 20, 0, 0, 0, TimeSpan.FromHours(2))));
        Assert.That(m.Workload!.Ects, Is.EqualTo(5m));
        Assert.That(m.Level, Is.Null);
        Assert.That(m.LearningOutcomes, Has.Count.EqualTo(3));
        Assert.That(m.LearningOutcomes.Sum(o => o.EscoSkills.Count), Is.EqualTo(7));
        Assert.That(m.Learner!.Id, Is.EqualTo("did:key:afsdlkj34134"));
        Assert.That(m.Learner.GivenName, Is.EqualTo("David"));
        Assert.That(m.Learner.FamilyName, Is.EqualTo("Smith"));
        Assert.That(m.Learner.Identifiers, Is.EqualTo(new[] { new Identifier("557552654", "Student ID") }));
        Assert.That(m.Assessment!.Grade!.Value.Value, Is.EqualTo("Excellent (5)"));
        Assert.That(m.Assessment.Type, Is.Null);
        Assert.That(m.Participation, Is.Null, "the example gives a learning setting but no mode");

        Assert.That(unmapped, Does.Contain("assessment.type: no provenBy.specifiedBy.dcType"));
        Assert.That(unmapped.Count(u => u.Contains("a LearningActivity claim", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(unmapped.Any(u => u.StartsWith("@context:", StringComparison.Ordinal)), Is.True);
    }

    [TestCaseSource(nameof(AllCredentials))]
    public void FromCredential_RealCredential_NotesNeverQuoteLearnerData(string file)
    {
        var result = Read(file);
        var learner = result.Model.Learner!;
        var personal = new[] { learner.FullName, learner.GivenName, learner.FamilyName, learner.Email, learner.NationalId?.Value, learner.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }
            .OfType<string>();
        foreach (var value in personal)
        {
            Assert.That(result.Unmapped.Where(u => u.Contains(value, StringComparison.Ordinal)), Is.Empty, "a note quotes personal data");
        }
    }

    [TestCaseSource(nameof(AllCredentials))]
    public void FromCredential_RealCredential_DoesNotChangeTheInput(string file)
    {
        var credential = Credential(file);
        var before = credential.ToJsonString();
        EdcProfile.Instance.FromCredential(credential);
        Assert.That(credential.ToJsonString(), Is.EqualTo(before));
    }

    [TestCase("{}", TestName = "FromCredential_EmptyObject_DoesNotThrow")]
    [TestCase("""{"type":"EuropeanDigitalCredential","credentialSubject":5}""", TestName = "FromCredential_SubjectNotAnObject_DoesNotThrow")]
    [TestCase("""{"credentialSubject":{"hasClaim":[1,"x",null,{"type":["LearningAchievement"],"title":7,"specifiedBy":{"creditPoint":{"point":"five"},"volumeOfLearning":"P1Y","eqfLevel":"x","mode":[null]}}]}}""", TestName = "FromCredential_MalformedValues_DoesNotThrow")]
    [TestCase("""{"credentialSubject":{"dateOfBirth":"9999-12-31T23:00:00Z","hasClaim":{"specifiedBy":{"volumeOfLearning":"PT99999999999999999999999999999H"}}}}""", TestName = "FromCredential_ValuesAtTheirLimits_DoNotThrow")]
    [TestCase("""{"payload":"not json","signatures":[]}""", TestName = "FromCredential_BadJwsPayload_DoesNotThrow")]
    [TestCase("""{"issued":"yesterday","validFrom":[],"credentialSubject":{"dateOfBirth":"02/10/1999","fullName":{"en":[]},"nationalID":{"spatial":"x"}}}""", TestName = "FromCredential_BadDates_DoesNotThrow")]
    public void FromCredential_BadContent_ReturnsNotesInsteadOfThrowing(string json)
    {
        var result = EdcProfile.Instance.FromCredential(JsonNode.Parse(json)!.AsObject());
        Assert.That(result.Model, Is.Not.Null);
        Assert.That(result.Unmapped, Is.Not.Empty);
        Assert.That(result.Unmapped.Any(u => u.Contains("02/10/1999", StringComparison.Ordinal)), Is.False);
    }

    [TestCase(AnnexUnsigned, TestName = "FromCredential_MutatedAnnexI_NeverThrows")]
    [TestCase(EbsiExample, TestName = "FromCredential_MutatedEbsi_NeverThrows")]
    public void FromCredential_MutatedCredential_NeverThrows(string file)
    {
        // Deterministic mutation fuzzing: replace one node of a real credential with a value of another shape.
        JsonNode?[] replacements =
        [
            null, 5, -1.5, true, "x", string.Empty, "P99999999999999999999999999999H", "9999-12-31T23:00:00Z", "mailto:", "urn:epass:x",
            new JsonArray(), new JsonObject(), new JsonArray(new JsonObject(), 3, "y"), new JsonObject { ["en"] = new JsonArray(1, null) },
            new JsonObject { ["@value"] = 7 }, new JsonObject { [string.Empty] = "z", ["EN"] = "a", ["en"] = "b" },
        ];
        var original = Credential(file);
        var paths = new List<(JsonNode Parent, object Key)>();
        Collect(original, paths);
        var random = new Random(20260630);
        for (var i = 0; i < 400; i++)
        {
            var copy = original.DeepClone().AsObject();
            var targets = new List<(JsonNode Parent, object Key)>();
            Collect(copy, targets);
            var (parent, key) = targets[random.Next(targets.Count)];
            var value = replacements[random.Next(replacements.Length)]?.DeepClone();
            if (key is string name)
            {
                parent.AsObject()[name] = value;
            }
            else
            {
                parent.AsArray()[(int)key] = value;
            }

            Assert.DoesNotThrow(() => EdcProfile.Instance.FromCredential(copy), "mutation " + i);
        }

        static void Collect(JsonNode node, List<(JsonNode, object)> found)
        {
            if (node is JsonObject o)
            {
                foreach (var (key, value) in o)
                {
                    found.Add((o, key));
                    if (value is not null)
                    {
                        Collect(value, found);
                    }
                }
            }
            else if (node is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    found.Add((a, i));
                    if (a[i] is { } item)
                    {
                        Collect(item, found);
                    }
                }
            }
        }
    }

    [Test]
    public void FromCredential_VolumeInMonths_IsNotTakenForHours()
    {
        var vc = EdcProfileTests.Issue("university-data-science");
        vc["credentialSubject"]!["hasClaim"]!["specifiedBy"]!["volumeOfLearning"] = "P60M";
        var result = EdcProfile.Instance.FromCredential(vc);
        Assert.That(result.Model.Workload!.Hours, Is.Null);
        Assert.That(result.Model.Workload.Ects, Is.EqualTo(5m));
        Assert.That(result.Unmapped.Single(), Does.StartWith("credentialSubject.hasClaim.specifiedBy.volumeOfLearning: 'P60M'"));
    }

    [Test]
    public void CanRead_OpenBadgeCredential_IsFalse()
    {
        var ob3 = JsonNode.Parse("""{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","OpenBadgeCredential"]}""")!.AsObject();
        Assert.That(EdcProfile.Instance.CanRead(ob3), Is.False);
        Assert.That(CredentialProfiles.TryDetect(ob3, out var profile), Is.True);
        Assert.That(profile, Is.SameAs(CredentialProfiles.Ob3));
    }
}
