using System.Text.Json.Serialization;

namespace MicroCredentials.VC.Model;

/// <summary>Form of participation in the learning activity (Council Recommendation Annex I; ELM <c>mode</c>, vocabulary <c>snb/learning-assessment</c>).</summary>
public enum ParticipationMode
{
    /// <summary>Online (<c>snb/learning-assessment/920fbb3cbe</c>).</summary>
    [JsonStringEnumMemberName("online")]
    Online,

    /// <summary>On-site, in person (<c>snb/learning-assessment/9191af2ed9</c>, "Presential").</summary>
    [JsonStringEnumMemberName("onsite")]
    Onsite,

    /// <summary>Blended: online and on-site (<c>snb/learning-assessment/e92d221e4d</c>).</summary>
    [JsonStringEnumMemberName("blended")]
    Blended,

    /// <summary>Work-based (<c>snb/learning-assessment/729f3bed4b</c>).</summary>
    [JsonStringEnumMemberName("workBased")]
    WorkBased,

    /// <summary>Project-based (<c>snb/learning-assessment/7813801c77</c>).</summary>
    [JsonStringEnumMemberName("projectBased")]
    ProjectBased,

    /// <summary>Research or laboratory based (<c>snb/learning-assessment/ed4c557045</c>).</summary>
    [JsonStringEnumMemberName("researchLab")]
    ResearchLab,
}

/// <summary>Learning setting (ELM <c>learningSetting</c>, vocabulary <c>snb/learning-setting</c>).</summary>
public enum LearningSetting
{
    /// <summary>Formal learning (<c>snb/learning-setting/6fd4685715</c>).</summary>
    [JsonStringEnumMemberName("formal")]
    Formal,

    /// <summary>Non-formal learning (<c>snb/learning-setting/e207a81fc7</c>).</summary>
    [JsonStringEnumMemberName("nonFormal")]
    NonFormal,
}

/// <summary>
/// The EU controlled vocabularies (<c>http://data.europa.eu/snb/…</c>) used by Europass EDC / ELM v3, as typed constants.
/// Labels from the ELM v3 vocabulary snapshots (<c>vocab-xsd</c>).
/// </summary>
public static class EuVocabularies
{
    /// <summary>Base URI of the EU skills-and-qualifications vocabularies.</summary>
    public const string Snb = "http://data.europa.eu/snb/";

    /// <summary>Base URI of the EU country authority table (ISO 3166-1 alpha-3 codes).</summary>
    public const string CountryAuthority = "http://publications.europa.eu/resource/authority/country/";

    /// <summary>Base URI of the EU language authority table.</summary>
    public const string LanguageAuthority = "http://publications.europa.eu/resource/authority/language/";

    /// <summary>The European Qualifications Framework level concept (<c>snb/eqf/N</c>).</summary>
    /// <param name="level">1 to 8.</param>
    /// <returns>The concept.</returns>
    public static Concept EqfLevel(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 8);
        return new(Snb + "eqf/" + level.ToString(System.Globalization.CultureInfo.InvariantCulture), "Level " + level.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An ISCED-F 2013 field of education concept (<c>snb/isced-f/CODE</c>).</summary>
    /// <param name="code">Two to four digits, e.g. <c>0688</c>.</param>
    /// <returns>The concept.</returns>
    public static Concept IscedF(string code) => new(Snb + "isced-f/" + code);

    /// <summary>European Credit Transfer and Accumulation System (<c>snb/education-credit/6fcec5c5af</c>).</summary>
    public static readonly Concept Ects = new(Snb + "education-credit/6fcec5c5af", "European Credit Transfer System");

    /// <summary>European Credit system for Vocational Education and Training (<c>snb/education-credit/60b314e826</c>).</summary>
    public static readonly Concept Ecvet = new(Snb + "education-credit/60b314e826", "European credit system for vocational education and training");

    /// <summary>The generic EDC credential profile (<c>snb/credential/e34929035b</c>).</summary>
    public static readonly Concept GenericCredential = new(Snb + "credential/e34929035b", "Generic");

    /// <summary>The "short learning programme" learning-opportunity type (<c>snb/learning-opportunity/74a4a268e8</c>).</summary>
    public static readonly Concept ShortLearningProgramme = new(Snb + "learning-opportunity/74a4a268e8", "Short learning programme");

    /// <summary>
    /// Supervision and identity verification during assessment (<c>snb/supervision-verification</c>). Only the two
    /// concepts seen in official EDC material are given as constants; any other concept of the list can be used as a <see cref="Concept"/>.
    /// </summary>
    public static class Supervision
    {
        /// <summary>Unsupervised, with no identity verification (<c>snb/supervision-verification/c598449d64</c>).</summary>
        public static readonly Concept UnsupervisedNoIdentityCheck = new(Snb + "supervision-verification/c598449d64", "Unsupervised without ID Verification");

        /// <summary>Supervised, with identity verification (<c>snb/supervision-verification/70be69aaf9</c>).</summary>
        public static readonly Concept SupervisedWithIdentityCheck = new(Snb + "supervision-verification/70be69aaf9", "Supervised with ID Verification");
    }

    /// <summary>Assessment types (<c>snb/assessment</c>).</summary>
    public static class Assessment
    {
        /// <summary>Written examination.</summary>
        public static readonly Concept WrittenExamination = new(Snb + "assessment/6e6cb2cc78", "written examination");

        /// <summary>Oral examination.</summary>
        public static readonly Concept OralExamination = new(Snb + "assessment/d30284d7df", "oral examination");

        /// <summary>Practical assessment.</summary>
        public static readonly Concept PracticalAssessment = new(Snb + "assessment/6a4db9f11d", "practical assessment");

        /// <summary>Project work.</summary>
        public static readonly Concept ProjectWork = new(Snb + "assessment/795dac4096", "project work");

        /// <summary>Portfolio.</summary>
        public static readonly Concept Portfolio = new(Snb + "assessment/4f03b91c0e", "portfolio");

        /// <summary>Marked assignment.</summary>
        public static readonly Concept MarkedAssignment = new(Snb + "assessment/2939dae15f", "marked assignment");

        /// <summary>Continuous evaluation.</summary>
        public static readonly Concept ContinuousEvaluation = new(Snb + "assessment/3484bd7e51", "continuous evaluation");

        /// <summary>Artefact assessment.</summary>
        public static readonly Concept ArtefactAssessment = new(Snb + "assessment/de4d165a6c", "artefact assessment");

        /// <summary>Quiz.</summary>
        public static readonly Concept Quiz = new(Snb + "assessment/b1b68f6735", "quiz");

        /// <summary>Peer assessment.</summary>
        public static readonly Concept PeerAssessment = new(Snb + "assessment/19a2e5e671", "peer assessment");

        /// <summary>Group performance.</summary>
        public static readonly Concept GroupPerformance = new(Snb + "assessment/56539a6507", "group performance");

        /// <summary>Problem based learning.</summary>
        public static readonly Concept ProblemBasedLearning = new(Snb + "assessment/c4256a2726", "problem based learning");

        /// <summary>Level of attendance.</summary>
        public static readonly Concept LevelOfAttendance = new(Snb + "assessment/7331eb4762", "level of attendance");

        /// <summary>Peer review.</summary>
        public static readonly Concept PeerReview = new(Snb + "assessment/812e3b0ae1", "peer review");

        /// <summary>Every assessment type above.</summary>
        public static IReadOnlyList<Concept> All { get; } =
        [
            WrittenExamination, OralExamination, PracticalAssessment, ProjectWork, Portfolio, MarkedAssignment,
            ContinuousEvaluation, ArtefactAssessment, Quiz, PeerAssessment, GroupPerformance, ProblemBasedLearning,
            LevelOfAttendance, PeerReview,
        ];
    }

    /// <summary>The concept URI of a form of participation.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The <c>snb/learning-assessment</c> concept.</returns>
    public static Concept Of(ParticipationMode mode) => mode switch
    {
        ParticipationMode.Online => new(Snb + "learning-assessment/920fbb3cbe", "Online"),
        ParticipationMode.Onsite => new(Snb + "learning-assessment/9191af2ed9", "Presential"),
        ParticipationMode.Blended => new(Snb + "learning-assessment/e92d221e4d", "Blended"),
        ParticipationMode.WorkBased => new(Snb + "learning-assessment/729f3bed4b", "Workbased"),
        ParticipationMode.ProjectBased => new(Snb + "learning-assessment/7813801c77", "Project based"),
        ParticipationMode.ResearchLab => new(Snb + "learning-assessment/ed4c557045", "Research-Lab based"),
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>The concept of a learning setting.</summary>
    /// <param name="setting">The setting.</param>
    /// <returns>The <c>snb/learning-setting</c> concept.</returns>
    public static Concept Of(LearningSetting setting) => setting switch
    {
        LearningSetting.Formal => new(Snb + "learning-setting/6fd4685715", "formal learning"),
        LearningSetting.NonFormal => new(Snb + "learning-setting/e207a81fc7", "non-formal learning"),
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    /// <summary>Maps a concept URI back to a form of participation.</summary>
    /// <param name="uri">A <c>snb/learning-assessment</c> URI.</param>
    /// <param name="mode">The mode.</param>
    /// <returns>Whether the URI is known.</returns>
    public static bool TryParseParticipation(string? uri, out ParticipationMode mode) => TryParse(uri, Of, out mode);

    /// <summary>Maps a concept URI back to a learning setting.</summary>
    /// <param name="uri">A <c>snb/learning-setting</c> URI.</param>
    /// <param name="setting">The setting.</param>
    /// <returns>Whether the URI is known.</returns>
    public static bool TryParseLearningSetting(string? uri, out LearningSetting setting) => TryParse(uri, Of, out setting);

    /// <summary>The EQF level of a <c>snb/eqf/N</c> URI.</summary>
    /// <param name="uri">The URI.</param>
    /// <param name="level">1 to 8.</param>
    /// <returns>Whether the URI is an EQF level.</returns>
    public static bool TryParseEqf(string? uri, out int level)
    {
        level = 0;
        const string prefix = Snb + "eqf/";
        return uri is not null && uri.StartsWith(prefix, StringComparison.Ordinal) &&
               int.TryParse(uri.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out level) &&
               level is >= 1 and <= 8;
    }

    private static bool TryParse<T>(string? uri, Func<T, Concept> map, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (map(candidate).Id == uri)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
