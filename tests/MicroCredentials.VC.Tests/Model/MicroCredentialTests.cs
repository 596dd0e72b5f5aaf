using MicroCredentials.VC.Model;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Model;

public class MicroCredentialTests
{
    private static IEnumerable<TestCaseData> SampleModels() =>
        Directory.GetFiles(Shared.Repo("samples", "models"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("Sample_" + System.IO.Path.GetFileNameWithoutExtension(f)));

    internal static MicroCredential LoadSample(string name) =>
        MicroCredentialJson.Parse(File.ReadAllText(Shared.Repo("samples", "models", name + ".json")));

    [TestCaseSource(nameof(SampleModels))]
    public void SampleModel_ParsesAndIsValid(string path)
    {
        var model = MicroCredentialJson.Parse(File.ReadAllText(path));
        var result = model.Validate();
        Assert.That(result.Errors, Is.Empty, result.ToString());
    }

    [TestCaseSource(nameof(SampleModels))]
    public void SampleModel_RoundTripsThroughJson(string path)
    {
        var model = MicroCredentialJson.Parse(File.ReadAllText(path));
        var again = MicroCredentialJson.Parse(MicroCredentialJson.Serialize(model));
        Assert.That(MicroCredentialJson.Serialize(again), Is.EqualTo(MicroCredentialJson.Serialize(model)));
        Assert.That(again.Title, Is.EqualTo(model.Title));
        Assert.That(again.Workload, Is.EqualTo(model.Workload));
    }

    [Test]
    public void Validate_EmptyModel_ListsEveryMandatoryElementAtOnce()
    {
        var result = new MicroCredential().Validate();
        var elements = result.Errors.Select(e => e.Element).ToArray();
        Assert.That(elements, Is.SupersetOf(new[]
        {
            "learner", "title", "awardingBody", "learningOutcomes", "workload", "assessment.type", "participation", "qualityAssurance",
        }));
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.All(e => e.Code == ModelCodes.Missing), Is.True);
    }

    [Test]
    public void Validate_NoLearningOutcomes_NamesThem()
    {
        var model = LoadSample("university-data-science") with { LearningOutcomes = [] };
        var errors = model.Validate().Errors.ToList();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].ToString(), Is.EqualTo("learningOutcomes: at least one learning outcome is required"));
    }

    [TestCase(0, "workload.ects", ModelCodes.Invalid, ValidationSeverity.Error, TestName = "Validate_ZeroEcts_IsError")]
    [TestCase(-1, "workload.ects", ModelCodes.Invalid, ValidationSeverity.Error, TestName = "Validate_NegativeEcts_IsError")]
    [TestCase(60, "workload.ects", ModelCodes.Doubtful, ValidationSeverity.Warning, TestName = "Validate_SixtyEcts_WarnsNotMicro")]
    public void Validate_Ects(decimal ects, string element, string code, ValidationSeverity severity)
    {
        var model = LoadSample("university-data-science") with { Workload = new Workload { Ects = ects } };
        var problem = model.Validate().Problems.Single(p => p.Element == element);
        Assert.That(problem.Code, Is.EqualTo(code));
        Assert.That(problem.Severity, Is.EqualTo(severity));
    }

    [Test]
    public void Validate_HoursOnly_IsValidWithAWarningAboutEcts()
    {
        var model = LoadSample("vocational-welding-hours");
        var result = model.Validate();
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Warnings.Select(w => w.Element), Does.Contain("workload.ects"));
    }

    [Test]
    public void Validate_BadValues_AreEachNamed()
    {
        var model = LoadSample("university-data-science") with
        {
            Level = new QualificationLevel { Eqf = 9, IscedFields = ["6A"] },
            AwardingBody = new Organisation { LegalName = "X", Country = "Belgium" },
            ExpiresOn = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var elements = model.Validate().Errors.Select(e => e.Element).ToArray();
        Assert.That(elements, Is.EquivalentTo(new[] { "awardingBody.country", "expiresOn", "level.eqf", "level.iscedFields[0]" }));
    }

    [TestCase("{", "(document)", TestName = "Parse_TruncatedJson_IsRefused")]
    [TestCase("[]", "(document)", TestName = "Parse_Array_IsRefused")]
    [TestCase("{\"workload\": {\"ects\": \"five\"}}", "workload.ects", TestName = "Parse_WrongType_NamesElement")]
    [TestCase("{\"titel\": \"x\"}", "(document)", TestName = "Parse_UnknownElement_NamesIt")]
    [TestCase("{\"issuedOn\": \"2026-06-30T10:00:00\"}", "issuedOn", TestName = "Parse_DateTimeWithoutZone_IsRefused")]
    [TestCase("{\"participation\": {\"mode\": \"telepathic\"}}", "participation.mode", TestName = "Parse_UnknownMode_IsRefused")]
    public void Parse_BadInput_GivesSpecificError(string json, string element)
    {
        Assert.That(MicroCredentialJson.TryParse(json, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo("model.malformed"));
        Assert.That(problem.Message, Does.StartWith(element));
    }

    [Test]
    public void Parse_UnknownElement_SaysWhichOne()
    {
        MicroCredentialJson.TryParse("{\"titel\": \"x\"}", out _, out var problem);
        Assert.That(problem!.Message, Does.Contain("'titel'"));
    }

    [Test]
    public void Learner_ToString_NeverShowsPersonalData()
    {
        var learner = LoadSample("university-data-science").Learner!;
        Assert.That(learner.ToString(), Does.Not.Contain("Andromeda"));
    }

    [Test]
    public void LocalizedText_PlainStringIsEnglish_AndMapsKeepOrder()
    {
        var model = MicroCredentialJson.Parse("{\"title\": {\"nl\": \"Titel\", \"en\": \"Title\"}, \"description\": \"Plain\"}");
        Assert.That(model.Title!.Language, Is.EqualTo("nl"));
        Assert.That(model.Title.Get("en"), Is.EqualTo("Title"));
        Assert.That(model.Description!.Language, Is.EqualTo("en"));
    }

    [Test]
    public void CountryCodes_MapIsoToEuAuthority()
    {
        Assert.That(CountryCodes.ToAuthorityUri("BE"), Is.EqualTo("http://publications.europa.eu/resource/authority/country/BEL"));
        Assert.That(CountryCodes.TryFromAuthorityUri("http://publications.europa.eu/resource/authority/country/IRL", out var ie), Is.True);
        Assert.That(ie, Is.EqualTo("IE"));
        Assert.That(CountryCodes.IsKnownAlpha2("XX"), Is.False);
    }
}
