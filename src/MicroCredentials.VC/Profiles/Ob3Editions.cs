using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// The translations of the published-contexts form: one Open Badges <c>Related</c> language edition of the
/// achievement per further language (<c>achievement.related[]</c> with <c>inLanguage</c>, <c>name</c>,
/// <c>description</c> and a <c>narrative</c> listing the outcomes and the other texts in that language), merged back
/// into the model's texts by <see cref="Apply"/>.
/// </summary>
internal static class Ob3Editions
{
    private sealed record Field(string Label, Func<MicroCredential, LocalizedText?> Get, Func<MicroCredential, LocalizedText, MicroCredential> Set);

    private static readonly Field[] Fields =
    [
        new("Awarding body", m => m.AwardingBody?.LegalName, (m, t) => m with { AwardingBody = m.AwardingBody! with { LegalName = t } }),
        new("Learning provider", m => m.Provider?.LegalName, (m, t) => m with { Provider = m.Provider! with { LegalName = t } }),
        new("Grade", m => m.Assessment?.Grade?.Value, (m, t) => m with { Assessment = m.Assessment! with { Grade = m.Assessment.Grade! with { Value = t } } }),
        new(Ob3Narrative.GradingScheme, m => m.Assessment?.Grade?.Scheme, (m, t) => m with { Assessment = m.Assessment! with { Grade = m.Assessment.Grade! with { Scheme = t } } }),
        new(Ob3Narrative.AssessmentDescription, m => m.Assessment?.Description, (m, t) => m with { Assessment = m.Assessment! with { Description = t } }),
        new(Ob3Narrative.Prerequisites, m => m.Prerequisites, (m, t) => m with { Prerequisites = t }),
        new(Ob3Narrative.QaDescription, m => m.QualityAssurance?.Description, (m, t) => m with { QualityAssurance = m.QualityAssurance! with { Description = t } }),
        new(Ob3Narrative.QaAgency, m => m.QualityAssurance?.Agency?.LegalName, (m, t) => m with { QualityAssurance = m.QualityAssurance! with { Agency = m.QualityAssurance.Agency! with { LegalName = t } } }),
        new(Ob3Narrative.Stackability, m => m.Stackability?.Description, (m, t) => m with { Stackability = m.Stackability! with { Description = t } }),
        new(Ob3Narrative.FurtherInformation, m => m.FurtherInformation?.Note, (m, t) => m with { FurtherInformation = m.FurtherInformation! with { Note = t } }),
    ];

    private static IEnumerable<LocalizedText> Texts(MicroCredential m) =>
        new[] { m.Title, m.Description }.Concat(m.LearningOutcomes.Select(o => o.Title)).Concat(Fields.Select(f => f.Get(m))).OfType<LocalizedText>();

    /// <summary>The language editions, none when every text is English only.</summary>
    public static JsonArray Write(MicroCredential m, string credentialId)
    {
        var languages = new List<string>();
        foreach (var text in Texts(m))
        {
            foreach (var (language, _) in text)
            {
                var needed = !(language == LocalizedText.DefaultLanguage && text.Language == LocalizedText.DefaultLanguage);
                if (needed && !languages.Contains(language) && Ob3Terms.IsSchemaLanguage(language))
                {
                    languages.Add(language);
                }
            }
        }

        var editions = new JsonArray();
        foreach (var language in languages)
        {
            var node = new JsonObject { ["id"] = credentialId + Ob3Terms.AchievementFragment + "-" + language, ["type"] = new JsonArray("Related"), ["inLanguage"] = language };
            if (m.Title is { } title && title.TryGet(language, out var t))
            {
                node["name"] = t;
            }

            if (m.Description is { } description && description.TryGet(language, out var d))
            {
                node["description"] = d;
            }

            var narrative = new StringBuilder(Ob3Narrative.OutcomesHeading);
            foreach (var outcome in m.LearningOutcomes)
            {
                narrative.Append("\n- ").Append(outcome.Title is { } o && o.TryGet(language, out var ot) ? OneLine(ot) : string.Empty);
            }

            var first = true;
            foreach (var field in Fields)
            {
                if (field.Get(m) is { } text && text.TryGet(language, out var value))
                {
                    narrative.Append(first ? "\n\n" : "\n").Append(field.Label).Append(": ").Append(OneLine(value));
                    first = false;
                }
            }

            node["narrative"] = narrative.ToString();
            editions.Add((JsonNode)node);
        }

        return editions;
    }

    /// <summary>The model with the editions' texts merged into its texts (read in the default language).</summary>
    public static MicroCredential Apply(MicroCredential m, IReadOnlyList<(string Language, string? Name, string? Description, string? Narrative)> editions)
    {
        if (editions.Count == 0)
        {
            return m;
        }

        var parsed = editions.Select(e => (e.Language, e.Name, e.Description, Parsed: e.Narrative is { } n && Ob3Narrative.IsOurs(n) ? Ob3Narrative.Parse(n) : (Outcomes: [], Lines: []))).ToList();
        m = m with
        {
            Title = Merge(m.Title, parsed.Select(e => (e.Language, e.Name))),
            Description = Merge(m.Description, parsed.Select(e => (e.Language, e.Description))),
            LearningOutcomes =
            [
                .. m.LearningOutcomes.Select((o, i) => o with
                {
                    Title = Merge(o.Title, parsed.Select(e => (e.Language, i < e.Parsed.Outcomes.Count && e.Parsed.Outcomes[i].Length > 0 ? e.Parsed.Outcomes[i] : null))),
                }),
            ],
        };
        foreach (var field in Fields)
        {
            if (field.Get(m) is { } main && Merge(main, parsed.Select(e => (e.Language, (string?)e.Parsed.Lines.FirstOrDefault(l => l.Label == field.Label).Value))) is { } merged)
            {
                m = field.Set(m, merged);
            }
        }

        return m;
    }

    private static LocalizedText? Merge(LocalizedText? main, IEnumerable<(string Language, string? Value)> translations)
    {
        if (main is null)
        {
            return null;
        }

        var entries = translations.Where(t => t.Value is not null).Select(t => (t.Language, t.Value!)).ToList();
        if (entries.Count == 0)
        {
            return main;
        }

        if (!entries.Exists(e => e.Item2 == main.Value))
        {
            entries.Insert(0, (main.Language, main.Value));
        }

        return LocalizedText.Create(entries.DistinctBy(e => e.Language));
    }

    private static string OneLine(string value) => value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');
}
