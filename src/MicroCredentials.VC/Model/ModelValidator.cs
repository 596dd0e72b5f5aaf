using System.Text.RegularExpressions;

namespace MicroCredentials.VC.Model;

/// <summary>The rules behind <see cref="MicroCredential.Validate"/>.</summary>
internal static partial class ModelValidator
{
    /// <summary>MICROBOL: micro-credentials are 1 to 59 ECTS (mostly 1 to 15); 60 ECTS is a full year of study.</summary>
    internal const decimal MaxMicroEcts = 59m;

    public static ValidationResult Validate(MicroCredential m)
    {
        var p = new List<ValidationProblem>();

        if (m.Id is not null && !IsAbsoluteUri(m.Id))
        {
            p.Add(Invalid("id", "must be an absolute URI such as urn:uuid:…"));
        }

        ValidateLearner(m.Learner, p);

        if (m.Title is null || m.Title.IsBlank)
        {
            p.Add(Missing("title", "the title of the micro-credential is required"));
        }

        ValidateOrganisation(m.AwardingBody, "awardingBody", isAwardingBody: true, p);
        if (m.Provider is not null)
        {
            ValidateOrganisation(m.Provider, "provider", isAwardingBody: false, p);
        }

        if (m.IssuedOn is { } issued && m.ExpiresOn is { } expires && expires <= issued)
        {
            p.Add(new("expiresOn", ModelCodes.DateOrder, "the expiry date must be later than the date of issuing"));
        }

        if (m.AwardedOn is { } awarded && m.IssuedOn is { } issuedOn && awarded > issuedOn)
        {
            p.Add(new("awardedOn", ModelCodes.DateOrder, "the awarding date cannot be later than the date of issuing"));
        }

        if (m.LearningOutcomes.Count == 0)
        {
            p.Add(Missing("learningOutcomes", "at least one learning outcome is required"));
        }

        for (var i = 0; i < m.LearningOutcomes.Count; i++)
        {
            var lo = m.LearningOutcomes[i];
            if (lo is null || lo.Title is null || lo.Title.IsBlank)
            {
                p.Add(Missing($"learningOutcomes[{i}].title", "a learning outcome needs its statement"));
                continue;
            }

            for (var j = 0; j < lo.EscoSkills.Count; j++)
            {
                if (!IsAbsoluteUri(lo.EscoSkills[j]))
                {
                    p.Add(Invalid($"learningOutcomes[{i}].escoSkills[{j}]", "must be an ESCO skill URI (http://data.europa.eu/esco/skill/…)"));
                }
            }
        }

        ValidateWorkload(m.Workload, p);
        ValidateLevel(m.Level, p);

        if (m.Assessment?.Type is null)
        {
            p.Add(Missing("assessment.type", "the type of assessment is required"));
        }
        else if (string.IsNullOrWhiteSpace(m.Assessment.Type.Id) || !IsAbsoluteUri(m.Assessment.Type.Id))
        {
            p.Add(Invalid("assessment.type", "must be a concept with an absolute URI (see EuVocabularies.Assessment)"));
        }

        if (m.Assessment?.Supervision is { } sup && !IsAbsoluteUri(sup.Id))
        {
            p.Add(Invalid("assessment.supervision", "must be a concept with an absolute URI (see EuVocabularies.Supervision)"));
        }

        if (m.Assessment?.Grade is { } grade && grade.Value.IsBlank)
        {
            p.Add(Invalid("assessment.grade", "a grade, when given, cannot be blank"));
        }

        if (m.Participation is null)
        {
            p.Add(Missing("participation", "the form of participation is required (online, onsite, blended, workBased, projectBased, researchLab)"));
        }
        else if (!Enum.IsDefined(m.Participation.Mode))
        {
            p.Add(Invalid("participation.mode", "unknown form of participation"));
        }

        if (m.QualityAssurance?.Description is null || m.QualityAssurance.Description.IsBlank)
        {
            p.Add(Missing("qualityAssurance", "the type of quality assurance is required"));
        }

        if (m.QualityAssurance?.Agency is { } agency)
        {
            ValidateOrganisation(agency, "qualityAssurance.agency", isAwardingBody: false, p);
        }

        for (var i = 0; i < m.Languages.Count; i++)
        {
            if (!LanguageTag().IsMatch(m.Languages[i] ?? string.Empty))
            {
                p.Add(Invalid($"languages[{i}]", "must be a language code such as en or pt-BR"));
            }
        }

        return new ValidationResult(p);
    }

    private static void ValidateLearner(Learner? learner, List<ValidationProblem> p)
    {
        if (learner is null || !learner.IsIdentified)
        {
            p.Add(Missing("learner", "the learner must be identified: a DID (id), a name, or an identifier"));
            return;
        }

        if (learner.Id is not null && !IsAbsoluteUri(learner.Id))
        {
            p.Add(Invalid("learner.id", "must be an absolute URI, typically a DID"));
        }

        if (learner.NationalId is { } nid && string.IsNullOrWhiteSpace(nid.Value))
        {
            p.Add(Invalid("learner.nationalId", "the national identifier cannot be blank"));
        }

        if (learner.NationalId?.Country is { } c && !CountryCodes.IsKnownAlpha2(c))
        {
            p.Add(Invalid("learner.nationalId.country", "must be an ISO 3166-1 alpha-2 country code"));
        }

        if (learner.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
        {
            p.Add(Invalid("learner.email", "is not an e-mail address"));
        }
    }

    private static void ValidateOrganisation(Organisation? org, string path, bool isAwardingBody, List<ValidationProblem> p)
    {
        if (org is null)
        {
            if (isAwardingBody)
            {
                p.Add(Missing(path, "the awarding body is required"));
            }

            return;
        }

        if (org.LegalName is null || org.LegalName.IsBlank)
        {
            p.Add(Missing(path + ".legalName", "the organisation's legal name is required"));
        }

        if (org.Country is null)
        {
            if (isAwardingBody)
            {
                p.Add(Missing(path + ".country", "the country of the issuer is required (ISO 3166-1 alpha-2, e.g. BE)"));
            }
        }
        else if (!CountryCodes.IsKnownAlpha2(org.Country))
        {
            p.Add(Invalid(path + ".country", "must be an ISO 3166-1 alpha-2 country code, e.g. BE"));
        }

        if (org.Id is not null && !IsAbsoluteUri(org.Id))
        {
            p.Add(Invalid(path + ".id", "must be an absolute URI (a DID or a URL)"));
        }
    }

    private static void ValidateWorkload(Workload? w, List<ValidationProblem> p)
    {
        if (w is null || (w.Ects is null && w.Hours is null && w.OtherCredits is null))
        {
            p.Add(Missing("workload", "the notional workload is required: ECTS where possible, or hours"));
            return;
        }

        if (w.Ects is { } ects)
        {
            if (ects <= 0)
            {
                p.Add(Invalid("workload.ects", "must be positive"));
            }
            else if (ects > MaxMicroEcts)
            {
                p.Add(new("workload.ects", ModelCodes.Doubtful, "more than 59 ECTS is no longer a micro-credential (MICROBOL: 1 to 59, mostly 1 to 15)", ValidationSeverity.Warning));
            }
        }

        if (w.Hours is { } hours && hours <= 0)
        {
            p.Add(Invalid("workload.hours", "must be positive"));
        }

        if (w.OtherCredits is { } other && other.Points <= 0)
        {
            p.Add(Invalid("workload.otherCredits.points", "must be positive"));
        }

        if (w.Ects is null && w.Hours is not null)
        {
            p.Add(new("workload.ects", ModelCodes.Doubtful, "the Council Recommendation asks for ECTS where possible", ValidationSeverity.Warning));
        }
    }

    private static void ValidateLevel(QualificationLevel? level, List<ValidationProblem> p)
    {
        if (level is null)
        {
            return;
        }

        if (level.Eqf is { } eqf && eqf is < 1 or > 8)
        {
            p.Add(Invalid("level.eqf", "must be an EQF level from 1 to 8"));
        }

        for (var i = 0; i < level.IscedFields.Count; i++)
        {
            if (!IscedCode().IsMatch(level.IscedFields[i] ?? string.Empty))
            {
                p.Add(Invalid($"level.iscedFields[{i}]", "must be an ISCED-F 2013 code of 2 to 4 digits, e.g. 0613"));
            }
        }

        if (level.Nqf is { } nqf && !IsAbsoluteUri(nqf.Id))
        {
            p.Add(Invalid("level.nqf", "must be a concept with an absolute URI"));
        }
    }

    internal static bool IsAbsoluteUri(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Scheme) && !value.Any(char.IsWhiteSpace);

    private static ValidationProblem Missing(string element, string message) => new(element, ModelCodes.Missing, message);

    private static ValidationProblem Invalid(string element, string message) => new(element, ModelCodes.Invalid, message);

    [GeneratedRegex("^[0-9]{2,4}$")]
    private static partial Regex IscedCode();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
