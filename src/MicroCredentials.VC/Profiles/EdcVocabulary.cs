using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>The EU vocabularies and conventions the EDC profile needs beyond <see cref="EuVocabularies"/>.</summary>
internal static class EdcVocabulary
{
    /// <summary>The concept scheme of the EU country authority table.</summary>
    public const string CountryScheme = "http://publications.europa.eu/resource/authority/country";

    /// <summary>The concept scheme of the EU language authority table.</summary>
    public const string LanguageScheme = "http://publications.europa.eu/resource/authority/language";

    /// <summary>The concept scheme of ESCO skills.</summary>
    public const string EscoSkillScheme = "http://data.europa.eu/esco/concept-scheme/skills";

    /// <summary>The prefix of ESCO concept URIs.</summary>
    public const string EscoPrefix = "http://data.europa.eu/esco/";

    /// <summary>The prefix of node identifiers that EDC tools (and this library) give to nodes: not real identifiers.</summary>
    public const string LocalPrefix = "urn:epass:";

    /// <summary>
    /// The subject of the ELM <c>Note</c> that carries the integration and stackability options. ELM has no
    /// controlled vocabulary of note subjects, so this library names one; the label tells a person what the note is.
    /// </summary>
    public static readonly Concept StackabilityNoteSubject = new("urn:microcredentials-vc:note-subject:stackability", "Integration and stackability options");

    // ISO 639-1, EU language authority code (ISO 639-2/T or 639-3), English name.
    private const string Table =
        "bg BUL Bulgarian|cs CES Czech|da DAN Danish|de DEU German|el ELL Greek|en ENG English|es SPA Spanish|et EST Estonian|" +
        "fi FIN Finnish|fr FRA French|ga GLE Irish|hr HRV Croatian|hu HUN Hungarian|it ITA Italian|lt LIT Lithuanian|" +
        "lv LAV Latvian|mt MLT Maltese|nl NLD Dutch|pl POL Polish|pt POR Portuguese|ro RON Romanian|sk SLK Slovak|" +
        "sl SLV Slovenian|sv SWE Swedish|is ISL Icelandic|no NOR Norwegian|nb NOB Norwegian Bokmål|nn NNO Norwegian Nynorsk|" +
        "lb LTZ Luxembourgish|ca CAT Catalan|eu EUS Basque|gl GLG Galician|cy CYM Welsh|tr TUR Turkish|mk MKD Macedonian|" +
        "sr SRP Serbian|sq SQI Albanian|bs BOS Bosnian|uk UKR Ukrainian|ru RUS Russian|ar ARA Arabic|zh ZHO Chinese|" +
        "ja JPN Japanese|ko KOR Korean|hi HIN Hindi|he HEB Hebrew|fa FAS Persian|hy HYE Armenian|ka KAT Georgian|" +
        "be BEL Belarusian|fo FAO Faroese|la LAT Latin";

    // ISO 3166-1 alpha-2, English short name: the countries of the EU, EFTA, the candidate countries and a few more.
    private const string Countries =
        "AT Austria|BE Belgium|BG Bulgaria|HR Croatia|CY Cyprus|CZ Czechia|DK Denmark|EE Estonia|FI Finland|FR France|" +
        "DE Germany|GR Greece|HU Hungary|IE Ireland|IT Italy|LV Latvia|LT Lithuania|LU Luxembourg|MT Malta|NL Netherlands|" +
        "PL Poland|PT Portugal|RO Romania|SK Slovakia|SI Slovenia|ES Spain|SE Sweden|IS Iceland|LI Liechtenstein|NO Norway|" +
        "CH Switzerland|AL Albania|BA Bosnia and Herzegovina|GE Georgia|MD Moldova|ME Montenegro|MK North Macedonia|RS Serbia|" +
        "TR Türkiye|UA Ukraine|GB United Kingdom|US United States|CA Canada|AU Australia|NZ New Zealand|JP Japan|CN China|IN India";

    private static readonly FrozenDictionary<string, string> CountryNames =
        Countries.Split('|').ToFrozenDictionary(r => r[..2], r => r[3..], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, (string Code, string Name)> ByIso1;
    private static readonly FrozenDictionary<string, string> ByCode;

    static EdcVocabulary()
    {
        var iso1 = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        var code = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Table.Split('|'))
        {
            var parts = row.Split(' ', 3);
            iso1[parts[0]] = (parts[1], parts[2]);
            code[parts[1]] = parts[0];
        }

        ByIso1 = iso1.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        ByCode = code.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The EU language authority concept of a BCP 47 tag (its primary language subtag).</summary>
    /// <param name="tag">E.g. <c>en</c> or <c>pt-BR</c>.</param>
    /// <param name="uri">The concept URI.</param>
    /// <param name="name">The English name of the language.</param>
    /// <returns>Whether the language is in the table.</returns>
    public static bool TryGetLanguage(string tag, [NotNullWhen(true)] out string? uri, [NotNullWhen(true)] out string? name)
    {
        var primary = tag.Split('-')[0];
        if (ByIso1.TryGetValue(primary, out var entry))
        {
            uri = EuVocabularies.LanguageAuthority + entry.Code;
            name = entry.Name;
            return true;
        }

        uri = name = null;
        return false;
    }

    /// <summary>The English short name of a country, for concept labels.</summary>
    /// <param name="alpha2">An ISO 3166-1 alpha-2 code.</param>
    /// <returns>The name, or null when the table does not have it.</returns>
    public static string? CountryName(string alpha2) => CountryNames.TryGetValue(alpha2, out var name) ? name : null;

    /// <summary>The ISO 639-1 code of an EU language authority URI.</summary>
    /// <param name="uri">E.g. <c>http://publications.europa.eu/resource/authority/language/ENG</c>.</param>
    /// <param name="tag">E.g. <c>en</c>.</param>
    /// <returns>Whether the URI is a language in the table.</returns>
    public static bool TryParseLanguage(string? uri, [NotNullWhen(true)] out string? tag)
    {
        tag = null;
        return uri is not null && uri.StartsWith(EuVocabularies.LanguageAuthority, StringComparison.Ordinal) &&
               ByCode.TryGetValue(uri[EuVocabularies.LanguageAuthority.Length..], out tag);
    }

    /// <summary>
    /// The concept scheme of a concept URI, as the EU publishes them: <c>http://data.europa.eu/snb/&lt;list&gt;/25831c2</c>
    /// for the EU skills-and-qualifications lists, the authority table for countries and languages, the ESCO skills scheme.
    /// </summary>
    /// <param name="conceptId">The concept URI.</param>
    /// <returns>The scheme URI, or null when unknown.</returns>
    public static string? SchemeOf(string conceptId)
    {
        if (conceptId.StartsWith(EuVocabularies.Snb, StringComparison.Ordinal))
        {
            var rest = conceptId.AsSpan(EuVocabularies.Snb.Length);
            var slash = rest.IndexOf('/');
            return slash > 0 ? EuVocabularies.Snb + rest[..slash].ToString() + "/25831c2" : null;
        }

        if (conceptId.StartsWith(EuVocabularies.CountryAuthority, StringComparison.Ordinal))
        {
            return CountryScheme;
        }

        if (conceptId.StartsWith(EuVocabularies.LanguageAuthority, StringComparison.Ordinal))
        {
            return LanguageScheme;
        }

        return conceptId.StartsWith(EscoPrefix + "skill/", StringComparison.Ordinal) ? EscoSkillScheme : null;
    }

    /// <summary>The English label of an assessment type the library knows, for titles.</summary>
    /// <param name="conceptId">A <c>snb/assessment</c> URI.</param>
    /// <returns>The label, or null.</returns>
    public static LocalizedText? KnownAssessmentLabel(string conceptId) =>
        EuVocabularies.Assessment.All.FirstOrDefault(c => c.Id == conceptId)?.Label;

    /// <summary>Whether an identifier is a node identifier of an EDC tool (<c>urn:epass:…</c>) rather than a real one.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>Whether it is local.</returns>
    public static bool IsLocalId(string? id) => id is not null && id.StartsWith(LocalPrefix, StringComparison.OrdinalIgnoreCase);
}
