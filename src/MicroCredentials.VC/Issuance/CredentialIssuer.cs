using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs;

namespace MicroCredentials.VC.Issuance;

/// <summary>How a <see cref="CredentialIssuer"/> issues. Immutable.</summary>
public sealed record IssuerOptions
{
    /// <summary>The defaults: Europass EDC profile, eddsa-rdfc-2022, system clock, embedded contexts.</summary>
    public static IssuerOptions Default { get; } = new();

    /// <summary>The credential profile (EDC by default).</summary>
    public ICredentialProfile Profile { get; init; } = CredentialProfiles.Edc;

    /// <summary>The cryptosuite (eddsa-rdfc-2022 by default).</summary>
    public ICryptosuite Cryptosuite { get; init; } = Cryptosuites.EdDsaRdfc2022;

    /// <summary>The clock that dates the proof and, when the model has none, the date of issuing.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where JSON-LD contexts come from (the embedded ones by default).</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary>The limits on each credential signed (size, nesting, JSON-LD work, time): those of verification by default.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>A fixed proof creation time instead of the clock (reproducible output).</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>The outcome of issuing one micro-credential.</summary>
/// <param name="Credential">The signed credential, when the model was valid.</param>
/// <param name="Validation">The model's validation (warnings may be present on success).</param>
public sealed record IssuanceResult(JsonObject? Credential, ValidationResult Validation)
{
    /// <summary>Whether a credential was issued. When not, <see cref="Validation"/> lists why (its errors): validation reports several problems at once, each naming its element.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Credential))]
    public bool Succeeded => Credential is not null;
}

/// <summary>
/// Issues micro-credentials: model → profile (unsigned credential) → Data Integrity proof. Thread-safe; one issuer
/// can sign many credentials concurrently.
/// </summary>
public sealed partial class CredentialIssuer : ICredentialSigner
{
    private readonly DataIntegritySigner _signer;

    /// <summary>Creates an issuer that signs through <paramref name="signer"/> (a key in process, an HSM or a KMS).</summary>
    /// <param name="signer">The issuer's signer; its <see cref="ISigner.KeyId"/> is the verification method, whose DID (before <c>#</c>) becomes the issuer.</param>
    /// <param name="options">How to issue; <see cref="IssuerOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> is null.</exception>
    /// <exception cref="ArgumentException">The signer's algorithm is not the cryptosuite's (e.g. an ES256 key for eddsa-rdfc-2022).</exception>
    public CredentialIssuer(ISigner signer, IssuerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrWhiteSpace(signer.KeyId, nameof(signer));
        Options = options ?? IssuerOptions.Default;
        _signer = new DataIntegritySigner(signer, Options.Cryptosuite, new CryptosuiteContext { DocumentLoader = Options.DocumentLoader, Limits = Options.Limits }, Options.TimeProvider) { Created = Options.Created };
        Signer = signer;
        VerificationMethod = signer.KeyId;
        var hash = VerificationMethod.IndexOf('#', StringComparison.Ordinal);
        IssuerId = hash > 0 ? VerificationMethod[..hash] : VerificationMethod;
    }

    /// <summary>Creates an issuer for an Ed25519 signing key.</summary>
    /// <param name="key">The issuer's key (owned by the caller; keep it alive while issuing).</param>
    /// <param name="verificationMethodId">The key's verification method URL, e.g. <c>did:key:z6Mk…#z6Mk…</c>; its DID (before <c>#</c>) becomes the issuer.</param>
    /// <param name="options">How to issue; <see cref="IssuerOptions.Default"/> when null.</param>
    public CredentialIssuer(Ed25519SigningKey key, string verificationMethodId, IssuerOptions? options = null)
        : this(new Ed25519Signer(key, verificationMethodId), options)
    {
    }

    /// <summary>Creates an issuer whose identity is the key's own did:key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="options">How to issue.</param>
    /// <returns>The issuer.</returns>
    public static CredentialIssuer ForDidKey(Ed25519SigningKey key, IssuerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new CredentialIssuer(key, DidKey.CreateVerificationMethodId(key.PublicKey), options);
    }

    /// <summary>What signs this issuer's proofs.</summary>
    public ISigner Signer { get; }

    /// <summary>The issuer's identifier (the DID of the verification method).</summary>
    public string IssuerId { get; }

    /// <summary>The verification method named in proofs.</summary>
    public string VerificationMethod { get; }

    /// <summary>How this issuer issues.</summary>
    public IssuerOptions Options { get; }

    /// <summary>Validates the model, maps it with the profile and signs it. An invalid model is reported, not thrown.</summary>
    /// <param name="model">The micro-credential.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The signed credential, or the validation problems.</returns>
    /// <exception cref="ProofException">The profile produced a document the suite cannot secure (a bug, or a custom profile using undefined terms).</exception>
    public ValueTask<IssuanceResult> IssueAsync(MicroCredential model, CancellationToken cancellationToken = default) =>
        IssueAsync(model, [], cancellationToken);

    /// <summary>
    /// Validates the model, maps it with the profile, adds status entries (W3C Bitstring Status List v1.0 §2.1) to
    /// <c>credentialStatus</c> and signs it. For a VC 1.1 profile (EDC) the status context
    /// <c>https://www.w3.org/ns/credentials/status/v1</c> is added to <c>@context</c>. An invalid model is reported, not thrown.
    /// </summary>
    /// <param name="model">The micro-credential.</param>
    /// <param name="status">The status entries, e.g. from <see cref="Status.BitstringStatusListEntry.For"/>; empty for none.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The signed credential, or the validation problems.</returns>
    /// <exception cref="ArgumentException">A status entry is malformed.</exception>
    /// <exception cref="ProofException">The profile produced a document the suite cannot secure.</exception>
    public async ValueTask<IssuanceResult> IssueAsync(MicroCredential model, IReadOnlyList<Status.BitstringStatusListEntry> status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(status);
        var validation = model.Validate();
        if (!validation.IsValid)
        {
            return new IssuanceResult(null, validation);
        }

        var now = Now();
        var unsigned = Options.Profile.ToCredential(model, new CredentialOptions
        {
            IssuerId = IssuerId,
            IssuedAt = now,
            IncludeDataIntegrityContext = true,
        });
        Status.BitstringStatusListCredential.AddStatusInPlace(unsigned, status);
        var signed = await SignAsync(unsigned, cancellationToken).ConfigureAwait(false);
        return new IssuanceResult(signed, validation);
    }

    /// <summary>
    /// Secures any credential document as it is (issuer untouched) with this issuer's key and suite. The document must
    /// be a well-formed VC 1.1 or 2.0 credential whose every term is defined (JSON-LD safe mode): what a verifier would
    /// refuse is never signed. A VC 1.1 document gets the Data Integrity v2 context appended when it lacks it, since
    /// its base context does not define the proof's terms (<see cref="DataIntegrity.WithDataIntegrityContext"/>).
    /// </summary>
    /// <param name="document">The unsigned (or already signed: the proof is added to a set) document; not modified.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The signed copy.</returns>
    /// <exception cref="ProofException">The document is not a well-formed credential (code <c>format.*</c>), has an undefined term or an unknown context (<c>context.*</c>), or cannot be secured with this suite.</exception>
    public ValueTask<JsonObject> SignAsync(JsonObject document, CancellationToken cancellationToken = default) =>
        _signer.SignAsync(document, cancellationToken);

    /// <inheritdoc/>
    public DateTimeOffset GetUtcNow() => Now();

    private DateTimeOffset Now()
    {
        var now = Options.Created ?? Options.TimeProvider.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
