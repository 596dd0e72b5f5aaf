using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Batch;

/// <summary><see cref="BatchRowMapper"/>: header → fields, row → model over a template, problems by column without the values.</summary>
public class BatchRowMapperTests
{
    private static readonly MicroCredential SampleTemplate =
        MicroCredentialJson.Parse(File.ReadAllText(Shared.Repo("samples", "batch", "template.json")));

    private static BatchRowMapper Mapper(params string[] columns)
    {
        Assert.That(BatchRowMapper.TryCreate(["rowId", .. columns], out var mapper, out var problem), Is.True, problem?.ToString());
        return mapper!;
    }

    private static MicroCredential MapOne(MicroCredential template, string column, string value)
    {
        var result = Mapper(column).Map(template, ["R1", value]);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        return result.Model!;
    }

    private static Problem SingleProblem(BatchRowResult result)
    {
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Model, Is.Null);
        Assert.That(result.Problems, Has.Count.EqualTo(1), result.ToString());
        return result.Problems[0];
    }

    // ---- header

    [Test]
    public void TryCreate_EveryDocumentedColumn_MapsToItsField_InHeaderOrder()
    {
        var names = BatchRowMapper.ColumnNames;
        Assert.That(names, Has.Count.EqualTo(Enum.GetValues<BatchField>().Length));
        var mapper = Mapper([.. names.Reverse()]);
        Assert.That(mapper.ColumnCount, Is.EqualTo(names.Count + 1));
        Assert.That(mapper.Fields, Is.EqualTo(Enum.GetValues<BatchField>().Reverse()));
        foreach (var field in Enum.GetValues<BatchField>())
        {
            Assert.That(names, Does.Contain(BatchRowMapper.ColumnName(field)));
        }
    }

    [Test]
    public void TryCreate_FirstColumnIsTheRowId_WhateverItsName()
    {
        Assert.That(BatchRowMapper.TryCreate(["learner.id", "learner.id"], out var mapper, out _), Is.True);
        Assert.That(mapper!.Fields, Is.EqualTo(new[] { BatchField.LearnerId }));
        Assert.That(BatchRowMapper.TryCreate(["anything at all"], out var idOnly, out _), Is.True);
        Assert.That(idOnly!.ColumnCount, Is.EqualTo(1));
    }

    [Test]
    public void TryCreate_NamesIgnoreCaseAndSurroundingSpace()
    {
        var mapper = Mapper("LEARNER.DATEOFBIRTH", "  grade ", "IssuedOn");
        Assert.That(mapper.Fields, Is.EqualTo(new[] { BatchField.LearnerDateOfBirth, BatchField.Grade, BatchField.IssuedOn }));
    }

    [Test]
    public void TryCreate_UnknownColumns_AllNamed_EmptyOneByPosition()
    {
        Assert.That(BatchRowMapper.TryCreate(["rowId", "learner.givenName", "learner.surname", "", "mark\tx"], out var mapper, out var problem), Is.False);
        Assert.That(mapper, Is.Null);
        Assert.That(problem!.Code, Is.EqualTo(BatchCodes.UnknownColumn));
        Assert.That(problem.Message, Does.Contain("learner.surname").And.Contain("(empty, column 4)").And.Contain("mark?x"));
        Assert.That(problem.Message, Does.Not.Contain("\t"));
        Assert.That(problem.Message, Does.Contain("learner.studentNumber"), "lists the known columns");
    }

    [Test]
    public void TryCreate_RepeatedColumn_IgnoringCase_IsRefused()
    {
        Assert.That(BatchRowMapper.TryCreate(["rowId", "grade", "learner.email", "Grade"], out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(BatchCodes.DuplicateColumn));
        Assert.That(problem.Message, Does.Contain("'grade'"));
    }

    [TestCase("", TestName = "TryCreate_NoColumns_NoHeader")]
    [TestCase(", ", TestName = "TryCreate_OnlyBlankNames_NoHeader")]
    public void TryCreate_EmptyHeader(string joined)
    {
        string[] header = joined.Length == 0 ? [] : joined.Split(',');
        Assert.That(BatchRowMapper.TryCreate(header, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(BatchCodes.NoHeader));
    }

    [Test]
    public void TryCreate_Null_Throws() =>
        Assert.That(() => BatchRowMapper.TryCreate(null!, out _, out _), Throws.ArgumentNullException);

    // ---- each column

    [Test]
    public void Map_LearnerTextColumns_SetTheirField()
    {
        var mapper = Mapper("learner.id", "learner.fullName", "learner.givenName", "learner.familyName", "learner.email");
        var result = mapper.Map(SampleTemplate, ["R1", "did:example:123", "Ann Lee", "Ann", "Lee", "ann@example.org"]);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        var learner = result.Model!.Learner!;
        Assert.That(learner.Id, Is.EqualTo("did:example:123"));
        Assert.That(learner.FullName, Is.EqualTo("Ann Lee"));
        Assert.That(learner.GivenName, Is.EqualTo("Ann"));
        Assert.That(learner.FamilyName, Is.EqualTo("Lee"));
        Assert.That(learner.Email, Is.EqualTo("ann@example.org"));
        Assert.That(result.Problems, Is.Empty);
    }

    [Test]
    public void Map_DateOfBirth_IsADate()
    {
        var model = MapOne(SampleTemplate, "learner.dateOfBirth", "2001-04-17");
        Assert.That(model.Learner!.DateOfBirth, Is.EqualTo(new DateOnly(2001, 4, 17)));
    }

    [TestCase("issuedOn", "2026-07-03", "2026-07-03T00:00:00+00:00", TestName = "Map_IssuedOn_DateIsMidnightUtc")]
    [TestCase("awardedOn", "2026-06-30T10:00:00Z", "2026-06-30T10:00:00+00:00", TestName = "Map_AwardedOn_DateTimeUtc")]
    [TestCase("expiresOn", "2031-06-30T12:00:00+02:00", "2031-06-30T10:00:00+00:00", TestName = "Map_ExpiresOn_DateTimeWithOffset")]
    public void Map_DateColumns(string column, string value, string expected)
    {
        var model = MapOne(SampleTemplate, column, value);
        var actual = column switch
        {
            "issuedOn" => model.IssuedOn,
            "awardedOn" => model.AwardedOn,
            _ => model.ExpiresOn,
        };
        Assert.That(actual, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Map_Grade_SetsTheValue_KeepsTheTemplatesScheme()
    {
        var template = SampleTemplate with
        {
            Assessment = (SampleTemplate.Assessment ?? new Assessment()) with { Grade = new Grade(LocalizedText.Of("0/20"), LocalizedText.Of("Belgian 0-20 scale")) },
        };
        var model = MapOne(template, "grade", "16/20");
        Assert.That(model.Assessment!.Grade!.Value.Value, Is.EqualTo("16/20"));
        Assert.That(model.Assessment.Grade.Scheme!.Value, Is.EqualTo("Belgian 0-20 scale"));
        Assert.That(model.Assessment.Type, Is.EqualTo(template.Assessment!.Type), "the rest of the assessment stays");
    }

    [Test]
    public void Map_Grade_WithoutTemplateAssessment_CreatesOne()
    {
        var model = MapOne(SampleTemplate with { Assessment = null }, "grade", "A");
        Assert.That(model.Assessment!.Grade!.Value.Value, Is.EqualTo("A"));
        Assert.That(model.Assessment.Grade.Scheme, Is.Null);
    }

    // ---- identifier schemes

    [Test]
    public void Map_StudentNumber_ReplacesOnlyTheTemplatesStudentNumber()
    {
        var template = SampleTemplate with
        {
            Learner = new Learner { Identifiers = [new Identifier("old", BatchRowMapper.StudentNumberScheme), new Identifier("E-123", "ESI")] },
        };
        var model = MapOne(template, "learner.studentNumber", "s2093311");
        Assert.That(model.Learner!.Identifiers, Is.EquivalentTo(new[] { new Identifier("E-123", "ESI"), new Identifier("s2093311", "student number") }));
    }

    [Test]
    public void Map_NationalIdAndCountry_SchemeIsNationalIdentifier()
    {
        var result = Mapper("learner.nationalId", "learner.nationalIdCountry").Map(SampleTemplate, ["R1", "85.07.30-033.28", "BE"]);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(result.Model!.Learner!.NationalId, Is.EqualTo(new Identifier("85.07.30-033.28", "national identifier", "BE")));
    }

    [Test]
    public void Map_NationalIdAlone_KeepsTheTemplatesCountry()
    {
        var template = SampleTemplate with { Learner = new Learner { NationalId = new Identifier("old", "passport", "NL") } };
        var model = MapOne(template, "learner.nationalId", "X1");
        Assert.That(model.Learner!.NationalId, Is.EqualTo(new Identifier("X1", BatchRowMapper.NationalIdScheme, "NL")));
    }

    [Test]
    public void Map_CountryAlone_AppliesToTheTemplatesNationalId()
    {
        var template = SampleTemplate with { Learner = new Learner { NationalId = new Identifier("T-9", BatchRowMapper.NationalIdScheme, "NL") } };
        var model = MapOne(template, "learner.nationalIdCountry", "DE");
        Assert.That(model.Learner!.NationalId, Is.EqualTo(new Identifier("T-9", BatchRowMapper.NationalIdScheme, "DE")));
    }

    [Test]
    public void Map_CountryWithoutAnyNationalId_IsAProblem()
    {
        var problem = SingleProblem(Mapper("learner.nationalId", "learner.nationalIdCountry").Map(SampleTemplate, ["R1", "", "BE"]));
        Assert.That(problem.Code, Is.EqualTo(BatchCodes.CountryWithoutNationalId));
        Assert.That(problem.Message, Does.Contain("learner.nationalIdCountry").And.Contain("learner.nationalId"));
    }

    // ---- bad values: named by column, never quoted

    [TestCase("learner.dateOfBirth", "1999-02-30", TestName = "Map_BadValue_DateOfBirthNotADay")]
    [TestCase("learner.dateOfBirth", "17/04/2001", TestName = "Map_BadValue_DateOfBirthWrongForm")]
    [TestCase("issuedOn", "yesterday", TestName = "Map_BadValue_IssuedOnNotADate")]
    [TestCase("awardedOn", "2026-07-01T08:30:00", TestName = "Map_BadValue_AwardedOnWithoutTimeZone")]
    [TestCase("expiresOn", "2026-13-01", TestName = "Map_BadValue_ExpiresOnNoSuchMonth")]
    public void Map_BadDate_NamesTheColumn_NotTheValue(string column, string value)
    {
        var problem = SingleProblem(Mapper(column).Map(SampleTemplate, ["R1", value]));
        Assert.That(problem.Code, Is.EqualTo(BatchCodes.InvalidDate));
        Assert.That(problem.Message, Does.StartWith(column + ":"));
        Assert.That(problem.Message, Does.Not.Contain(value));
    }

    [TestCase("Ann\tLee", TestName = "Map_ControlCharacter_Tab")]
    [TestCase("Ann\nLee", TestName = "Map_ControlCharacter_LineBreak")]
    [TestCase("Ann\0", TestName = "Map_ControlCharacter_Nul")]
    public void Map_ControlCharacter_IsAProblem(string value)
    {
        var problem = SingleProblem(Mapper("learner.fullName").Map(SampleTemplate, ["R1", value]));
        Assert.That(problem.Code, Is.EqualTo(BatchCodes.ControlCharacter));
        Assert.That(problem.Message, Does.Contain("'learner.fullName'").And.Not.Contain("Ann"));
    }

    [Test]
    public void Map_SeveralBadColumns_ReportsEach()
    {
        var result = Mapper("learner.fullName", "learner.dateOfBirth", "awardedOn").Map(SampleTemplate, ["R1", "Ann\tLee", "2001-02-30", "soon"]);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Problems.Select(p => p.Code), Is.EqualTo(new[] { BatchCodes.ControlCharacter, BatchCodes.InvalidDate, BatchCodes.InvalidDate }));
        Assert.That(result.ToString(), Does.Contain("learner.dateOfBirth").And.Contain("awardedOn").And.Contain("; "));
        Assert.That(result.ToString(), Does.Not.Contain("Ann").And.Not.Contain("2001-02-30").And.Not.Contain("soon"));
    }

    [TestCase(1, TestName = "Map_TooFewFields_FieldCountProblem")]
    [TestCase(3, TestName = "Map_TooManyFields_FieldCountProblem")]
    public void Map_WrongFieldCount(int count)
    {
        var mapper = Mapper("learner.fullName");
        var problem = SingleProblem(mapper.Map(SampleTemplate, [.. Enumerable.Repeat("x", count)]));
        Assert.That(problem.Code, Is.EqualTo(BatchCodes.FieldCount));
        Assert.That(problem.Message, Does.Contain("expected 2").And.Contain(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(mapper.CheckFieldCount(count), Is.EqualTo(problem));
        Assert.That(mapper.CheckFieldCount(2), Is.Null);
    }

    // ---- template overlay

    [Test]
    public void Map_EmptyOrBlankField_KeepsTheTemplatesValue()
    {
        var template = SampleTemplate with
        {
            Learner = new Learner { FullName = "Template Name", Email = "t@example.org" },
            AwardedOn = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var result = Mapper("learner.fullName", "learner.email", "awardedOn").Map(template, ["R1", "", "   ", ""]);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(result.Model!.Learner, Is.EqualTo(template.Learner));
        Assert.That(result.Model.AwardedOn, Is.EqualTo(template.AwardedOn));
    }

    [Test]
    public void Map_TrimsValues_LeavesTheTemplateUntouched_AndRowIdUnread()
    {
        var template = SampleTemplate with { Learner = new Learner { FamilyName = "Keep" } };
        var before = MicroCredentialJson.Serialize(template);
        var result = Mapper("learner.givenName").Map(template, ["not a valid id\u0001", "  Ann  "]);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(result.Model!.Learner!.GivenName, Is.EqualTo("Ann"));
        Assert.That(result.Model.Learner.FamilyName, Is.EqualTo("Keep"), "fields of the template's learner no column names stay");
        Assert.That(result.Model.Title, Is.EqualTo(template.Title));
        Assert.That(MicroCredentialJson.Serialize(template), Is.EqualTo(before));
    }

    [Test]
    public void Map_NoTemplateLearner_CreatesOne()
    {
        var model = MapOne(SampleTemplate with { Learner = null }, "learner.fullName", "Ann Lee");
        Assert.That(model.Learner, Is.EqualTo(new Learner { FullName = "Ann Lee" }));
    }

    [Test]
    public void Map_SampleRow_IsACompleteMicroCredential()
    {
        var mapper = Mapper("learner.studentNumber", "learner.givenName", "learner.familyName", "learner.dateOfBirth", "grade", "awardedOn");
        var result = mapper.Map(SampleTemplate, ["S1", "s1", "Ann", "Lee", "2000-01-01", "12/20", "2026-06-26"]);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(result.Model!.Validate().IsValid, Is.True, result.Model.Validate().ToString());
    }

    [Test]
    public void Map_NullArguments_Throw()
    {
        var mapper = Mapper("grade");
        Assert.That(() => mapper.Map(null!, ["R1", "A"]), Throws.ArgumentNullException);
        Assert.That(() => mapper.Map(SampleTemplate, null!), Throws.ArgumentNullException);
        Assert.That(() => mapper.Map(SampleTemplate, ["R1", null!]), Throws.ArgumentNullException);
    }

    // ---- template check

    [Test]
    public void CheckTemplate_LearnerMissing_FineWhenALearnerColumnIsMapped()
    {
        var template = SampleTemplate with { Learner = null };
        Assert.That(template.Validate().Errors.Select(e => e.Element), Has.Some.StartWith("learner"), "precondition: the template lacks the learner");
        Assert.That(Mapper("learner.fullName").CheckTemplate(template), Is.Empty);
        Assert.That(Mapper("grade").CheckTemplate(template).Select(p => p.Element), Has.All.StartWith("learner"));
        Assert.That(Mapper("grade").CheckTemplate(template), Is.Not.Empty);
    }

    [Test]
    public void CheckTemplate_ElementNoColumnFills_IsReported()
    {
        var template = SampleTemplate with { LearningOutcomes = [] };
        var fatal = Mapper([.. BatchRowMapper.ColumnNames]).CheckTemplate(template);
        Assert.That(fatal.Select(p => p.Element), Does.Contain("learningOutcomes"));
    }

    [TestCase(BatchField.LearnerEmail, "learner")]
    [TestCase(BatchField.IssuedOn, "issuedOn")]
    [TestCase(BatchField.AwardedOn, "awardedOn")]
    [TestCase(BatchField.ExpiresOn, "expiresOn")]
    [TestCase(BatchField.Grade, "assessment.grade")]
    public void Element_NamesTheModelElement(BatchField field, string element) =>
        Assert.That(BatchRowMapper.Element(field), Is.EqualTo(element));

    [Test]
    public void ColumnName_UndefinedField_Throws() =>
        Assert.That(() => BatchRowMapper.ColumnName((BatchField)99), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
