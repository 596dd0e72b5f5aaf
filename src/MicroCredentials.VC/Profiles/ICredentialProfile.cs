using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// Maps a <see cref="MicroCredential"/> to an unsigned credential of one data model (Europass EDC, Open Badges 3.0)
/// and reads such credentials back into the model.
/// </summary>
public interface ICredentialProfile
{
    /// <summary>The profile's short name, as the command line takes it (<c>edc</c>, <c>ob3</c>).</summary>
    string Name { get; }

    /// <summary>Builds the unsigned credential for a micro-credential.</summary>
    /// <param name="model">The micro-credential; it must pass <see cref="MicroCredential.Validate"/>.</param>
    /// <param name="options">The issuer, credential identifier and issuing time.</param>
    /// <returns>A new JSON-LD credential, owned by the caller.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The model has validation errors (all of them are listed), or the options are malformed.</exception>
    JsonObject ToCredential(MicroCredential model, CredentialOptions options);

    /// <summary>Whether a credential looks like one of this profile (by its <c>type</c> and <c>@context</c>).</summary>
    /// <param name="credential">The credential.</param>
    /// <returns>Whether <see cref="FromCredential"/> can make sense of it.</returns>
    bool CanRead(JsonObject credential);

    /// <summary>
    /// Reads a credential of this profile back into the model. Lenient: never throws for bad or unexpected content;
    /// what cannot be mapped is listed in <see cref="ProfileReadResult.Unmapped"/>. The model is not validated.
    /// </summary>
    /// <param name="credential">The credential (not changed).</param>
    /// <returns>The model and the notes about what was not mapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is null.</exception>
    ProfileReadResult FromCredential(JsonObject credential);
}

/// <summary>How <see cref="ICredentialProfile.ToCredential"/> builds a credential. Immutable.</summary>
public sealed record CredentialOptions
{
    /// <summary>The issuer's URI: the DID of the signing key (e.g. <c>did:key:z6Mk…</c>). Becomes <c>issuer.id</c>.</summary>
    public required string IssuerId { get; init; }

    /// <summary>
    /// The credential's <c>id</c>. When null, the model's <see cref="MicroCredential.Id"/>; when that is null too,
    /// <c>urn:uuid:</c> and a new random GUID.
    /// </summary>
    public string? CredentialId { get; init; }

    /// <summary>
    /// The time of issuing, used for <c>issued</c>, <c>issuanceDate</c> and <c>validFrom</c> when the model's
    /// <see cref="MicroCredential.IssuedOn"/> is null. Pass the issuer's clock (<c>TimeProvider.GetUtcNow()</c>).
    /// </summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>
    /// Whether to add <c>https://w3id.org/security/data-integrity/v2</c> as the last <c>@context</c> entry, which a
    /// VC 1.1 document needs to define the terms of a <c>DataIntegrityProof</c>.
    /// </summary>
    public bool IncludeDataIntegrityContext { get; init; }
}

/// <summary>The outcome of <see cref="ICredentialProfile.FromCredential"/>.</summary>
/// <param name="Model">The micro-credential read from the credential (not validated; elements that were not found are null).</param>
/// <param name="Unmapped">
/// Human-readable notes of what could not be mapped, each starting with the credential path it concerns, e.g.
/// <c>assessment.type: no provenBy.specifiedBy.dcType</c>. Notes never quote the learner's personal data.
/// </param>
public sealed record ProfileReadResult(MicroCredential Model, IReadOnlyList<string> Unmapped);

/// <summary>The credential profiles of the library.</summary>
public static class CredentialProfiles
{
    /// <summary>Europass European Digital Credential (ELM v3 in a VC 1.1 envelope).</summary>
    public static ICredentialProfile Edc => EdcProfile.Instance;

    /// <summary>Open Badges 3.0 (<c>OpenBadgeCredential</c>, VC 2.0) with this library's micro-credential extension context.</summary>
    public static ICredentialProfile Ob3 => OpenBadges3Profile.Instance;

    /// <summary>Every profile, in detection order.</summary>
    public static IReadOnlyList<ICredentialProfile> All { get; } = [EdcProfile.Instance, OpenBadges3Profile.Instance];

    /// <summary>Finds the profile a credential belongs to.</summary>
    /// <param name="credential">The credential.</param>
    /// <param name="profile">The first profile whose <see cref="ICredentialProfile.CanRead"/> accepts it, or null.</param>
    /// <returns>Whether a profile was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is null.</exception>
    public static bool TryDetect(JsonObject credential, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ICredentialProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(credential);
        foreach (var candidate in All)
        {
            if (candidate.CanRead(credential))
            {
                profile = candidate;
                return true;
            }
        }

        profile = null;
        return false;
    }
}

/// <summary>What every profile checks before mapping a model: misuse throws, listing every problem at once.</summary>
internal static class ProfileGuard
{
    /// <summary>Throws <see cref="ArgumentException"/> for a null argument, non-URI identifiers, or an invalid model (every error listed).</summary>
    public static void EnsureIssuable(MicroCredential model, CredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (!ModelValidator.IsAbsoluteUri(options.IssuerId))
        {
            throw Error.Argument(nameof(options), "CredentialOptions.IssuerId must be an absolute URI, such as the DID of the signing key.");
        }

        if (options.CredentialId is not null && !ModelValidator.IsAbsoluteUri(options.CredentialId))
        {
            throw Error.Argument(nameof(options), "CredentialOptions.CredentialId must be an absolute URI such as urn:uuid:….");
        }

        var result = model.Validate();
        if (!result.IsValid)
        {
            throw Error.Argument(
                nameof(model),
                "The micro-credential cannot be issued; fix these elements: " + string.Join("; ", result.Errors.Select(e => e.ToString())));
        }
    }
}
