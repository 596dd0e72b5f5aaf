using System.Globalization;
using System.Text;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// The <c>criteria.narrative</c> of the published-contexts form: the learning outcomes as a list, then one
/// <c>Label: value</c> line per Council Recommendation text element that Open Badges has no property for. Readable
/// Markdown for a person, and read back line by line by <see cref="Ob3Reader"/>. Texts are in their primary language.
/// </summary>
internal static class Ob3Narrative
{
    public const string OutcomesHeading = "Learning outcomes:";
    public const string AssessmentDescription = "Assessment";
    public const string GradingScheme = "Grading scheme";
    public const string Hours = "Notional workload (hours)";
    public const string Languages = "Languages of instruction";
    public const string Prerequisites = "Prerequisites";
    public const string QaDescription = "Quality assurance";
    public const string QaAgency = "Quality assurance agency";
    public const string QaAgencyCountry = "Quality assurance agency country";
    public const string QaAgencyHomepage = "Quality assurance agency homepage";
    public const string QaReport = "Quality assurance report";
    public const string Partial = "Partial qualification";
    public const string Stackability = "Integration and stackability";
    public const string PartOf = "Part of";
    public const string FurtherInformation = "Further information";
    public const string FurtherInformationPage = "Further information page";
    public const string Provider = "Learning provider";
    public const string ProviderCountry = "Learning provider country";

    public static string Write(MicroCredential m)
    {
        var text = new StringBuilder(OutcomesHeading);
        foreach (var outcome in m.LearningOutcomes)
        {
            text.Append("\n- ").Append(OneLine(outcome.Title!.Value));
        }

        var lines = new List<(string, string?)>
        {
            (AssessmentDescription, m.Assessment?.Description?.Value),
            (GradingScheme, m.Assessment?.Grade?.Scheme?.Value),
            (Hours, m.Workload?.Hours is { } h ? Ob3Terms.Normalize(h).ToString(CultureInfo.InvariantCulture) : null),
            (Languages, m.Languages.Count > 1 ? string.Join(", ", m.Languages) : null),
            (Prerequisites, m.Prerequisites?.Value),
            (QaDescription, m.QualityAssurance?.Description?.Value),
            (QaAgency, m.QualityAssurance?.Agency?.LegalName?.Value),
            (QaAgencyCountry, m.QualityAssurance?.Agency?.Country),
            (QaAgencyHomepage, m.QualityAssurance?.Agency?.Homepage?.OriginalString),
            (QaReport, m.QualityAssurance?.ReportUrl?.OriginalString),
            (Partial, m.Stackability?.IsPartialQualification is { } p ? (p ? "yes" : "no") : null),
            (Stackability, m.Stackability?.Description?.Value),
        };
        foreach (var related in m.Stackability?.PartOf ?? [])
        {
            lines.Add((PartOf, related.Title.Value + (related.Id is { } id ? " <" + id + ">" : string.Empty)));
        }

        lines.Add((FurtherInformation, m.FurtherInformation?.Note?.Value));
        lines.Add((FurtherInformationPage, m.FurtherInformation?.Homepage?.OriginalString));
        if (m.Provider is { Id: null } provider)
        {
            lines.Add((Provider, provider.LegalName?.Value));
            lines.Add((ProviderCountry, provider.Country));
        }

        var first = true;
        foreach (var (label, value) in lines)
        {
            if (value is null)
            {
                continue;
            }

            text.Append(first ? "\n\n" : "\n").Append(label).Append(": ").Append(OneLine(value));
            first = false;
        }

        return text.ToString();
    }

    /// <summary>Whether a narrative is in the form <see cref="Write"/> makes.</summary>
    public static bool IsOurs(string? narrative) => narrative is not null && narrative.StartsWith(OutcomesHeading, StringComparison.Ordinal);

    /// <summary>The outcomes and the labelled lines (a label may repeat: <see cref="PartOf"/>).</summary>
    public static (List<string> Outcomes, List<(string Label, string Value)> Lines) Parse(string narrative)
    {
        var outcomes = new List<string>();
        var lines = new List<(string, string)>();
        foreach (var line in narrative.Split('\n').Skip(1))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal) && lines.Count == 0)
            {
                outcomes.Add(line[2..]);
            }
            else if (line.IndexOf(": ", StringComparison.Ordinal) is > 0 and var at)
            {
                lines.Add((line[..at], line[(at + 2)..]));
            }
        }

        return (outcomes, lines);
    }

    private static string OneLine(string value) => value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');
}
