using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// The Open Badges 3.0 profile (1EdTech, <c>OpenBadgeCredential</c> in a W3C VC Data Model 2.0 envelope): the
/// micro-credential as most learning wallets read it. By default (<see cref="Instance"/>) only the published contexts
/// are used; <see cref="WithExtensionContext"/> adds this library's extension context <see cref="ExtensionContext"/>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ToCredential"/> writes the issuer as a <c>Profile</c> (the awarding body: <c>name</c>, <c>url</c>,
/// <c>email</c>, <c>address</c>, <c>otherIdentifier</c>), the learner as an <c>AchievementSubject</c> (<c>id</c> the
/// learner's DID; <c>identifier</c> plain-text <c>IdentityObject</c>s), and the micro-credential as its
/// <c>Achievement</c> with <c>achievementType</c> <c>MicroCredential</c>, <c>criteria.narrative</c> (the learning
/// outcomes, then one labelled line per text element Open Badges has no property for), <c>creditsAvailable</c> (ECTS),
/// <c>fieldOfStudy</c> (ISCED-F), <c>inLanguage</c>, <c>alignment</c> to ESCO skills and to the EU vocabularies'
/// concepts (EQF level, ISCED-F field, credit system, NQF level, type of assessment, supervision, form of participation,
/// learning setting, quality assurance) and the grade as a <c>result</c> against a <c>resultDescription</c>. The output
/// validates against the official AchievementCredential JSON Schema. The mapping is in
/// <c>docs/ob3-extension-context.md</c>.
/// </para>
/// <para>
/// The default form keeps translations as <c>Related</c> language editions of the achievement. The national
/// identifier's scheme and country and the other identifiers' countries, which Open Badges has no place for, are kept
/// only by <see cref="WithExtensionContext"/>, whose context is not published and must be hosted (or known to the
/// verifier) for the credential to verify elsewhere.
/// </para>
/// <para>
/// <see cref="FromCredential"/> reads both forms back, and Open Badges 3.0 credentials of other issuers:
/// alignments to ESCO skills become learning outcomes, <c>ext:EQF</c> and <c>ext:QualityAssurance</c>
/// alignments the level and quality assurance, <c>creditsAvailable</c> the ECTS credits, and the edubadges
/// micro-credential extension terms (<c>ECTS</c>, <c>participationType</c>, <c>assessmentType</c>,
/// <c>supervisionType</c>) are recognised. A hashed <c>IdentityObject</c> cannot be read back and is reported.
/// </para>
/// </remarks>
public sealed class OpenBadges3Profile : ICredentialProfile
{
    /// <summary>The VC Data Model 2.0 context, first in <c>@context</c>.</summary>
    public const string VcV2Context = "https://www.w3.org/ns/credentials/v2";

    /// <summary>The Open Badges 3.0.3 context, second in <c>@context</c>.</summary>
    public const string OpenBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>
    /// This library's Open Badges extension context (version 1), third in <c>@context</c> when opted in
    /// (<see cref="WithExtensionContext"/>): the Council Recommendation elements Open Badges has no property for, in all
    /// their languages. Embedded in the library (<c>contexts/mc-ob3-ext-v1.jsonld</c>) but not published.
    /// </summary>
    public const string ExtensionContext = "https://w3id.org/microcredentials-vc/ob3-ext/v1";

    /// <summary>The vocabulary namespace of the terms of <see cref="ExtensionContext"/>.</summary>
    public const string ExtensionVocabulary = "https://w3id.org/microcredentials-vc/ob3-ext/vocab#";

    /// <summary>The credential type written (<c>OpenBadgeCredential</c>); <c>AchievementCredential</c> is read too.</summary>
    public const string CredentialType = "OpenBadgeCredential";

    /// <summary>The achievement type of a micro-credential.</summary>
    public const string AchievementType = "MicroCredential";

    private OpenBadges3Profile(bool extension)
    {
        UsesExtensionContext = extension;
    }

    /// <summary>
    /// The profile with published contexts only (VC 2.0 and Open Badges 3.0.3): every verifier can process its output.
    /// The Council Recommendation elements Open Badges has no property for are alignments to the EU vocabularies'
    /// concepts, labelled lines of <c>criteria.narrative</c> and <c>Related</c> language editions; see
    /// <c>docs/ob3-extension-context.md</c> for what this form cannot carry (identifier schemes and countries).
    /// </summary>
    public static OpenBadges3Profile Instance { get; } = new(false);

    /// <summary>
    /// The opt-in profile that also writes <see cref="ExtensionContext"/> and its terms (every element, in all its
    /// languages). That context is not published: a verifier can process the output only if the issuer hosts the context
    /// at its URL or the verifier has it locally (this library embeds it).
    /// </summary>
    public static OpenBadges3Profile WithExtensionContext { get; } = new(true);

    /// <summary>Whether this profile writes <see cref="ExtensionContext"/> (<see cref="WithExtensionContext"/>).</summary>
    public bool UsesExtensionContext { get; }

    /// <inheritdoc/>
    public string Name => "ob3";

    /// <inheritdoc/>
    /// <remarks>
    /// <see cref="CredentialOptions.IncludeDataIntegrityContext"/> is ignored: the VC 2.0 context defines the Data
    /// Integrity terms already.
    /// </remarks>
    public JsonObject ToCredential(MicroCredential model, CredentialOptions options)
    {
        ProfileGuard.EnsureIssuable(model, options);

        return new Ob3Writer(model, options, UsesExtensionContext).Write();
    }

    /// <inheritdoc/>
    public bool CanRead(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Ob3Reader.IsOpenBadge(credential);
    }

    /// <inheritdoc/>
    public ProfileReadResult FromCredential(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new Ob3Reader().Read(credential);
    }
}
