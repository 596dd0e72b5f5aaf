using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// The Europass European Digital Credential profile: a European Learning Model v3 (ELM 3.1, context
/// <c>http://data.europa.eu/snb/model/context/edc-ap</c>) credential in a W3C VC Data Model 1.1 envelope, shaped like
/// the European Commission's micro-credential sample (Annex I of the Council Recommendation).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ToCredential"/> writes the Council Recommendation elements to their ELM places: the learner is the
/// <c>credentialSubject</c> (a <c>Person</c>), whose claim is a <c>LearningAchievement</c> awarded by the awarding
/// body, specified by a <c>Qualification</c> (learning outcomes, ECTS, volume of learning, EQF/NQF/ISCED-F, mode,
/// learning setting, prerequisites, accreditation, stackability) and proven by a <c>LearningAssessment</c> (type,
/// supervision and identity verification, grade). Every node gets a deterministic <c>urn:epass:&lt;kind&gt;:&lt;n&gt;</c>
/// identifier, so the same model and options always give the same document.
/// </para>
/// <para>
/// <see cref="FromCredential"/> reads our own output back into an equal model, and reads EDC credentials of other
/// issuers (language maps with strings or arrays, single values or arrays) as far as the model can hold them.
/// Identifiers of the form <c>urn:epass:…</c> are taken to be node identifiers of the issuing tool, not identifiers of
/// the learner or of an organisation, and are not read into the model. An awarding body without its own
/// <see cref="Organisation.Id"/> is written with the issuer's id (it is the issuer), and an awarding body whose id is the
/// issuer's is read back without one.
/// </para>
/// <para>
/// Concepts carry <c>prefLabel</c> where the label is known: from the model's <see cref="Concept.Label"/>, and for the
/// concepts the profile derives itself (EQF level, ECTS, mode, learning setting, language, country, credential profile).
/// A concept given in the model as a bare URI is written without a label, so that reading gives back the same concept.
/// Not written (the model has no data for them): <c>displayParameter.individualDisplay</c> (a rendered image), which
/// the SHACL shapes require.
/// </para>
/// </remarks>
public sealed class EdcProfile : ICredentialProfile
{
    /// <summary>The VC Data Model 1.1 context, first in <c>@context</c>.</summary>
    public const string VcV1Context = "https://www.w3.org/2018/credentials/v1";

    /// <summary>The ELM v3 EDC application-profile context, second in <c>@context</c>.</summary>
    public const string EdcContext = "http://data.europa.eu/snb/model/context/edc-ap";

    /// <summary>The Data Integrity v2 context, added last when <see cref="CredentialOptions.IncludeDataIntegrityContext"/> is set.</summary>
    public const string DataIntegrityContext = "https://w3id.org/security/data-integrity/v2";

    /// <summary>The SHACL shapes named in <c>credentialSchema</c> (type <c>ShaclValidator2017</c>).</summary>
    public const string ShaclSchema = "http://data.europa.eu/snb/model/ap/edc-generic-full";

    /// <summary>The credential type that marks a Europass EDC.</summary>
    public const string CredentialType = "EuropeanDigitalCredential";

    private EdcProfile()
    {
    }

    /// <summary>The profile.</summary>
    public static EdcProfile Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "edc";

    /// <inheritdoc/>
    public JsonObject ToCredential(MicroCredential model, CredentialOptions options)
    {
        ProfileGuard.EnsureIssuable(model, options);

        return new EdcWriter(model, options).Write();
    }

    /// <inheritdoc/>
    public bool CanRead(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var document = EdcReader.Unwrap(credential, out _);
        return document is not null && EdcReader.IsEdc(document);
    }

    /// <inheritdoc/>
    public ProfileReadResult FromCredential(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new EdcReader().Read(credential);
    }
}
