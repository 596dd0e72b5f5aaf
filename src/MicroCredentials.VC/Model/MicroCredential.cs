namespace MicroCredentials.VC.Model;

/// <summary>
/// A micro-credential as the Council Recommendation of 16 June 2022 on a European approach to micro-credentials
/// for lifelong learning and employability (2022/C 243/02), Annex I, describes it: the mandatory elements
/// (learner, title, country or region of the issuer, awarding body, date of issuing, learning outcomes, notional
/// workload, level, type of assessment, form of participation, type of quality assurance) and the optional ones
/// (prerequisites, supervision and identity verification, grade, integration/stackability, further information, expiry).
/// </summary>
/// <remarks>
/// Immutable. Every element can be left unset so that a model read from JSON or from a credential can be
/// represented as it is; <see cref="Validate"/> lists every missing or malformed element at once. Profiles map the
/// model to a credential (<c>EdcProfile</c>, <c>OpenBadges3Profile</c>) and back.
/// </remarks>
public sealed record MicroCredential
{
    /// <summary>The credential identifier (a URI such as <c>urn:uuid:…</c>); generated at issuance when unset.</summary>
    public string? Id { get; init; }

    /// <summary>Identification of the learner (mandatory).</summary>
    public Learner? Learner { get; init; }

    /// <summary>Title of the micro-credential (mandatory).</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>A short description of the learning experience.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>The awarding body (mandatory); its <see cref="Organisation.Country"/> is the country of the issuer.</summary>
    public Organisation? AwardingBody { get; init; }

    /// <summary>The provider of the learning experience, where it differs from the awarding body.</summary>
    public Organisation? Provider { get; init; }

    /// <summary>Date of issuing (mandatory). Set at issuance to the issuer's clock when unset.</summary>
    public DateTimeOffset? IssuedOn { get; init; }

    /// <summary>The date the learner was awarded the credential (the awarding decision), when it differs from <see cref="IssuedOn"/>.</summary>
    public DateTimeOffset? AwardedOn { get; init; }

    /// <summary>Learning outcomes (mandatory, at least one).</summary>
    public IReadOnlyList<LearningOutcome> LearningOutcomes { get => field ?? []; init; }

    /// <summary>Notional workload needed to achieve the learning outcomes, in ECTS where possible (mandatory).</summary>
    public Workload? Workload { get; init; }

    /// <summary>Level (EQF, NQF) and field (ISCED-F) of the learning experience, where applicable.</summary>
    public QualificationLevel? Level { get; init; }

    /// <summary>Type of assessment (mandatory), with the optional supervision, identity verification and grade.</summary>
    public Assessment? Assessment { get; init; }

    /// <summary>Form of participation in the learning activity (mandatory).</summary>
    public Participation? Participation { get; init; }

    /// <summary>Type of quality assurance used to underpin the micro-credential (mandatory).</summary>
    public QualityAssurance? QualityAssurance { get; init; }

    /// <summary>Prerequisites needed to enrol in the learning activity (optional).</summary>
    public LocalizedText? Prerequisites { get; init; }

    /// <summary>Integration and stackability options (optional).</summary>
    public Stackability? Stackability { get; init; }

    /// <summary>Further information (optional): a note, a web page.</summary>
    public FurtherInformation? FurtherInformation { get; init; }

    /// <summary>Expiry date of the credential, if any (optional).</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>Languages of instruction and assessment (BCP 47 or ISO 639-1 codes).</summary>
    public IReadOnlyList<string> Languages { get => field ?? []; init; }

    /// <summary>
    /// Lists every problem with this model at once: missing mandatory elements and malformed values as errors,
    /// doubtful values (e.g. more than 59 ECTS, no longer "micro") as warnings. Never throws.
    /// </summary>
    /// <returns>The result; <see cref="ValidationResult.IsValid"/> is true when there is no error.</returns>
    public ValidationResult Validate() => ModelValidator.Validate(this);
}

/// <summary>The learner: a DID when the learner has one, and/or personal identification.</summary>
public sealed record Learner
{
    /// <summary>The learner's identifier as a URI, typically a DID the learner controls (<c>credentialSubject.id</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Full name.</summary>
    public string? FullName { get; init; }

    /// <summary>Given name(s).</summary>
    public string? GivenName { get; init; }

    /// <summary>Family name(s).</summary>
    public string? FamilyName { get; init; }

    /// <summary>Date of birth.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>National identifier (e.g. a personal identity code), with the issuing country.</summary>
    public Identifier? NationalId { get; init; }

    /// <summary>Other identifiers: student number, ESI (European Student Identifier), …</summary>
    public IReadOnlyList<Identifier> Identifiers { get => field ?? []; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Whether anything identifies the learner (an id, a name, or an identifier).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsIdentified =>
        !string.IsNullOrWhiteSpace(Id) || !string.IsNullOrWhiteSpace(FullName) ||
        (!string.IsNullOrWhiteSpace(GivenName) && !string.IsNullOrWhiteSpace(FamilyName)) ||
        NationalId is not null || Identifiers.Count > 0;

    /// <summary>A redacted description for logs: never the learner's personal data.</summary>
    /// <returns>A placeholder string.</returns>
    public override string ToString() => "Learner { (personal data redacted) }";
}

/// <summary>An identifier issued under a scheme (student number, national ID, VAT number, …).</summary>
/// <param name="Value">The identifier itself (ELM <c>notation</c>).</param>
/// <param name="Scheme">The scheme or issuing register, e.g. <c>student number</c>.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code of the issuing authority, when relevant.</param>
public sealed record Identifier(string Value, string? Scheme = null, string? Country = null)
{
    /// <summary>The scheme and the value, for display.</summary>
    /// <returns>A display string.</returns>
    public override string ToString() => Scheme is null ? Value : Scheme + ": " + Value;
}

/// <summary>An organisation: awarding body, provider, or quality-assurance agency.</summary>
public sealed record Organisation
{
    /// <summary>Identifier as a URI (e.g. a DID, or an organisation URL); for the issuer, the DID that signs.</summary>
    public string? Id { get; init; }

    /// <summary>Legal name (mandatory for an awarding body).</summary>
    public LocalizedText? LegalName { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the country where the organisation is established (mandatory for an awarding body).</summary>
    public string? Country { get; init; }

    /// <summary>Region, where relevant (e.g. a NUTS code or a region name).</summary>
    public string? Region { get; init; }

    /// <summary>Legal (registration) identifier, e.g. a company registration number.</summary>
    public string? LegalIdentifier { get; init; }

    /// <summary>VAT identifier.</summary>
    public string? VatIdentifier { get; init; }

    /// <summary>eIDAS legal-person identifier, as found in an e-seal certificate's organisationIdentifier (e.g. <c>VATBE-0123456789</c>).</summary>
    public string? EidasIdentifier { get; init; }

    /// <summary>Home page.</summary>
    public Uri? Homepage { get; init; }

    /// <summary>Contact e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The legal name in English if present, else the identifier.</summary>
    /// <returns>A display string.</returns>
    public override string ToString() => LegalName?.Get("en") ?? Id ?? "(unnamed organisation)";
}

/// <summary>A learning outcome: what the learner knows, understands and is able to do.</summary>
public sealed record LearningOutcome
{
    /// <summary>The outcome statement (mandatory).</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>Related ESCO skills (<c>http://data.europa.eu/esco/skill/…</c> URIs).</summary>
    public IReadOnlyList<string> EscoSkills { get => field ?? []; init; }

    /// <summary>Creates an outcome from its statement.</summary>
    /// <param name="title">The outcome statement.</param>
    /// <param name="escoSkills">Related ESCO skill URIs.</param>
    /// <returns>The outcome.</returns>
    public static LearningOutcome Of(LocalizedText title, params IReadOnlyList<string> escoSkills) => new() { Title = title, EscoSkills = escoSkills };
}

/// <summary>Notional workload: ECTS credits where possible, and/or hours of learning.</summary>
public sealed record Workload
{
    /// <summary>ECTS credits (one ECTS is 25 to 30 hours of work). Micro-credentials are typically 1 to 15, at most 59.</summary>
    public decimal? Ects { get; init; }

    /// <summary>Notional learning hours.</summary>
    public decimal? Hours { get; init; }

    /// <summary>Credits in another credit system (e.g. ECVET), with that system's concept.</summary>
    public CreditPoints? OtherCredits { get; init; }
}

/// <summary>Credit points in a credit system other than ECTS.</summary>
/// <param name="Framework">The credit system (e.g. <see cref="EuVocabularies.Ecvet"/>).</param>
/// <param name="Points">The number of points.</param>
public sealed record CreditPoints(Concept Framework, decimal Points);

/// <summary>Level and field of the learning experience.</summary>
public sealed record QualificationLevel
{
    /// <summary>European Qualifications Framework level, 1 to 8.</summary>
    public int? Eqf { get; init; }

    /// <summary>National Qualifications Framework level, as a concept (e.g. <c>http://data.europa.eu/snb/qdr/…</c>).</summary>
    public Concept? Nqf { get; init; }

    /// <summary>ISCED-F 2013 field-of-education codes (two to four digits, e.g. <c>0613</c>).</summary>
    public IReadOnlyList<string> IscedFields { get => field ?? []; init; }
}

/// <summary>How the learning outcomes were assessed.</summary>
public sealed record Assessment
{
    /// <summary>Type of assessment (mandatory): a concept of <c>snb/assessment</c> (see <see cref="EuVocabularies.Assessment"/>) or a described one.</summary>
    public Concept? Type { get; init; }

    /// <summary>A description of the assessment, e.g. "Written examination of 2 hours and a group project".</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>Supervision and identity verification during assessment (optional; see <see cref="EuVocabularies.Supervision"/>).</summary>
    public Concept? Supervision { get; init; }

    /// <summary>The grade obtained, if any (optional).</summary>
    public Grade? Grade { get; init; }
}

/// <summary>A grade and the grading scheme it belongs to.</summary>
/// <param name="Value">The grade as shown, e.g. <c>8.5/10</c>, <c>B</c>, <c>Pass</c>.</param>
/// <param name="Scheme">The grading scheme, e.g. "ECTS grading scale".</param>
public sealed record Grade(LocalizedText Value, LocalizedText? Scheme = null);

/// <summary>Form of participation in the learning activity.</summary>
/// <param name="Mode">Online, on-site, blended, work-based, …</param>
/// <param name="Setting">Formal or non-formal learning, if known.</param>
public sealed record Participation(ParticipationMode Mode, LearningSetting? Setting = null);

/// <summary>The type of quality assurance underpinning the micro-credential.</summary>
public sealed record QualityAssurance
{
    /// <summary>What quality assurance was used (mandatory), e.g. "Internal QA of the university, externally reviewed by the national agency (ESG)".</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>The quality-assurance or accrediting agency, if any.</summary>
    public Organisation? Agency { get; init; }

    /// <summary>A type concept for the accreditation or QA process, when one applies.</summary>
    public Concept? Type { get; init; }

    /// <summary>A page describing the quality assurance or accreditation decision (e.g. a DEQAR report).</summary>
    public Uri? ReportUrl { get; init; }
}

/// <summary>Integration and stackability options.</summary>
public sealed record Stackability
{
    /// <summary>Whether the micro-credential is a part of a larger qualification.</summary>
    public bool? IsPartialQualification { get; init; }

    /// <summary>A description of how it can be combined or stacked, e.g. "Counts towards the MSc in Data Science".</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>Larger qualifications or credentials this one is part of, or counts towards.</summary>
    public IReadOnlyList<RelatedCredential> PartOf { get => field ?? []; init; }
}

/// <summary>A related qualification or credential.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Id">Its identifier or web page.</param>
public sealed record RelatedCredential(LocalizedText Title, string? Id = null);

/// <summary>Further information.</summary>
public sealed record FurtherInformation
{
    /// <summary>A note.</summary>
    public LocalizedText? Note { get; init; }

    /// <summary>A web page about the micro-credential.</summary>
    public Uri? Homepage { get; init; }
}
