using System.Text.RegularExpressions;

namespace MicroCredentials.VC.Profiles;

/// <summary>The names the Open Badges 3.0 profile writes and reads: terms of the extension context, <c>ext:</c> types, fragments.</summary>
internal static partial class Ob3Terms
{
    public const string NameMap = "nameLanguageMap";
    public const string DescriptionMap = "descriptionLanguageMap";
    public const string ValueMap = "valueLanguageMap";
    public const string PrefLabel = "prefLabel";
    public const string Notation = "notation";
    public const string Ects = "ectsCredits";
    public const string Hours = "notionalWorkloadHours";
    public const string OtherCreditPoints = "otherCreditPoints";
    public const string CreditFramework = "creditFramework";
    public const string CreditPoints = "creditPoints";
    public const string Nqf = "nqfLevel";
    public const string IscedField = "iscedField";
    public const string Languages = "languagesOfInstruction";
    public const string LearningOutcome = "learningOutcome";
    public const string OutcomeStatement = "outcomeStatement";
    public const string RelatedEscoSkill = "relatedEscoSkill";
    public const string TypeOfAssessment = "typeOfAssessment";
    public const string AssessmentDescription = "assessmentDescription";
    public const string Supervision = "supervisionAndIdentityVerification";
    public const string GradingScheme = "gradingScheme";
    public const string FormOfParticipation = "formOfParticipation";
    public const string LearningSetting = "learningSetting";
    public const string QualityAssurance = "typeOfQualityAssurance";
    public const string QaDescription = "qualityAssuranceDescription";
    public const string QaAgency = "qualityAssuranceAgency";
    public const string QaType = "qualityAssuranceType";
    public const string QaReport = "qualityAssuranceReport";
    public const string Prerequisites = "prerequisites";
    public const string Stackability = "integrationStackability";
    public const string IsPartialQualification = "isPartialQualification";
    public const string StackabilityDescription = "stackabilityDescription";
    public const string PartOf = "partOf";
    public const string RelatedIdentifier = "relatedIdentifier";
    public const string FurtherInformationNote = "furtherInformationNote";
    public const string FurtherInformationPage = "furtherInformationPage";
    public const string LearningProvider = "learningProvider";
    public const string LearnerIdentifier = "learnerIdentifier";
    public const string NationalIdentifier = "nationalIdentifier";
    public const string IdentifierValue = "identifierValue";
    public const string IdentifierScheme = "identifierScheme";
    public const string IdentifierCountry = "identifierCountry";

    public const string GivenNameIdentity = "ext:givenName";
    public const string FamilyNameIdentity = "ext:familyName";
    public const string DateOfBirthIdentity = "ext:dateOfBirth";
    public const string LegalIdentifierType = "ext:LegalIdentifier";
    public const string VatIdentifierType = "ext:VATIdentifier";
    public const string EidasIdentifierType = "ext:eIDASIdentifier";
    public const string EscoTarget = "ext:ESCOSkill";
    public const string EqfTarget = "ext:EQF";
    public const string IscedTarget = "ext:ISCED-F";
    public const string QaTarget = "ext:QualityAssurance";

    public const string NqfTarget = "ext:NQF";
    public const string CreditTarget = "ext:CreditSystem";
    public const string OtherCreditTarget = "ext:OtherCreditSystem";
    public const string AssessmentTarget = "ext:AssessmentType";
    public const string SupervisionTarget = "ext:SupervisionAndIdentityVerification";
    public const string ParticipationTarget = "ext:FormOfParticipation";
    public const string SettingTarget = "ext:LearningSetting";
    public const string QaTypeTarget = "ext:QualityAssuranceType";

    /// <summary>The <c>targetName</c> of a concept alignment whose concept has no label.</summary>
    public static string FallbackName(string targetType) => targetType switch
    {
        NqfTarget => "NQF level",
        CreditTarget => "ECTS",
        OtherCreditTarget => "Credit system",
        AssessmentTarget => "Type of assessment",
        SupervisionTarget => "Supervision and identity verification",
        ParticipationTarget => "Form of participation",
        SettingTarget => "Learning setting",
        _ => "Type of quality assurance",
    };

    /// <summary>The <c>targetUrl</c> prefix of a concept that has only a notation, no URI.</summary>
    public const string NotationUrl = "urn:x-mcred:notation:";

    /// <summary>An <c>identityType</c> for a learner identifier with a scheme (the schema allows <c>ext:</c> names).</summary>
    public static string SchemeIdentityType(string scheme) => "ext:" + Uri.EscapeDataString(scheme).Replace("%", "_", StringComparison.Ordinal);

    /// <summary>The scheme of an <c>identityType</c> written by <see cref="SchemeIdentityType"/>.</summary>
    public static string? SchemeOf(string identityType) =>
        identityType.StartsWith("ext:", StringComparison.Ordinal) ? Uri.UnescapeDataString(identityType[4..].Replace("_", "%", StringComparison.Ordinal)) : null;

    public const string AchievementFragment = "#achievement";
    public const string GradeFragment = "#grade";

    /// <summary>The edubadges (SURF) micro-credential extension context, whose terms the reader recognises.</summary>
    public const string EdubadgesContext = "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/contexts/educredential.json";

    public const string EscoSkillPrefix = "http://data.europa.eu/esco/skill/";

    /// <summary>A decimal without trailing zeros (<c>5</c>, <c>2.5</c>).</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Whether a language tag matches the AchievementCredential schema's <c>inLanguage</c> pattern.</summary>
    public static bool IsSchemaLanguage(string tag) => SchemaLanguage().IsMatch(tag);

    [GeneratedRegex("^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaLanguage();
}
