using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs.Jose;

namespace MicroCredentials.VC.Issuance;

/// <summary>
/// Issues micro-credentials sealed the way Europass EDC seals them: model → profile (unsigned credential, no Data
/// Integrity context) → JAdES e-seal (<see cref="JadesSealer"/>, ETSI TS 119 182-1) with an organisation's seal
/// certificate (ETSI EN 319 412-1). Thread-safe.
/// </summary>
/// <remarks>
/// The issuer of a sealed credential is the sealing organisation: the model's awarding body gets the certificate's
/// <c>organizationIdentifier</c> as its eIDAS identifier (<c>issuer.eIDASIdentifier.notation</c>) unless it already
/// has one, and its <c>id</c> (or, when it has none, <c>urn:epass:org:</c> and the organisation identifier) becomes
/// <c>issuer.id</c>. A verifier binds the seal to the issuer by that identifier.
/// </remarks>
public sealed class SealingIssuer
{
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2Collection? _chain;
    private readonly ISigner? _signer;

    /// <summary>Creates an issuer for a seal certificate.</summary>
    /// <param name="certificateWithPrivateKey">The seal certificate with its private key (owned by the caller; keep it alive while issuing).</param>
    /// <param name="chain">CA certificates to add to <c>x5c</c>; null for none.</param>
    /// <param name="options">Profile (EDC), clock and fixed time; <see cref="IssuerOptions.Default"/> when null. The cryptosuite is not used.</param>
    /// <param name="jades">The seal algorithm; <see cref="JadesOptions.Default"/> when null (its time is taken from <paramref name="options"/> unless set).</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificateWithPrivateKey"/> is null.</exception>
    /// <exception cref="ArgumentException">The certificate has no private key.</exception>
    public SealingIssuer(X509Certificate2 certificateWithPrivateKey, X509Certificate2Collection? chain = null, IssuerOptions? options = null, JadesOptions? jades = null)
    {
        ArgumentNullException.ThrowIfNull(certificateWithPrivateKey);
        if (!certificateWithPrivateKey.HasPrivateKey)
        {
            throw Error.Argument(nameof(certificateWithPrivateKey), "The seal certificate has no private key.");
        }

        _certificate = certificateWithPrivateKey;
        _chain = chain;
        Options = options ?? IssuerOptions.Default;
        Jades = jades ?? JadesOptions.Default;
        OrganizationIdentifier = Proofs.Jose.OrganizationIdentifier.TryFromCertificate(certificateWithPrivateKey, out var id) ? id : null;
    }

    /// <summary>
    /// Creates an issuer that seals through a signer whose private key may stay in an HSM or KMS; the certificate
    /// (public part only) is the signer's seal certificate. Seal with <see cref="SealAsync"/> or <see cref="IssueAsync"/>.
    /// </summary>
    /// <param name="signer">Signs the seals (RS*, PS* or ES*); its public key must be the certificate's.</param>
    /// <param name="certificate">The seal certificate.</param>
    /// <param name="chain">CA certificates to add to <c>x5c</c>; null for none.</param>
    /// <param name="options">Profile (EDC), clock and fixed time; <see cref="IssuerOptions.Default"/> when null.</param>
    /// <param name="jades">The signing time; <see cref="JadesOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> or <paramref name="certificate"/> is null.</exception>
    public SealingIssuer(ISigner signer, X509Certificate2 certificate, X509Certificate2Collection? chain = null, IssuerOptions? options = null, JadesOptions? jades = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(certificate);
        _signer = signer;
        _certificate = certificate;
        _chain = chain;
        Options = options ?? IssuerOptions.Default;
        Jades = jades ?? JadesOptions.Default;
        OrganizationIdentifier = Proofs.Jose.OrganizationIdentifier.TryFromCertificate(certificate, out var id) ? id : null;
    }

    /// <summary>How this issuer issues.</summary>
    public IssuerOptions Options { get; }

    /// <summary>How this issuer seals.</summary>
    public JadesOptions Jades { get; }

    /// <summary>The seal certificate's <c>organizationIdentifier</c>, or null when it has none (the seal then cannot be bound to the issuer).</summary>
    public OrganizationIdentifier? OrganizationIdentifier { get; }

    /// <summary>Validates the model, maps it with the profile (issuer = the sealing organisation) and seals it. An invalid model is reported, not thrown.</summary>
    /// <param name="model">The micro-credential.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The seal (JWS JSON whose payload is the credential), or the validation problems.</returns>
    public async ValueTask<IssuanceResult> IssueAsync(MicroCredential model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        var validation = model.Validate();
        if (!validation.IsValid)
        {
            return new IssuanceResult(null, validation);
        }

        var body = model.AwardingBody!;
        if (body.EidasIdentifier is null && OrganizationIdentifier is { } orgId)
        {
            body = body with { EidasIdentifier = orgId.Value };
        }

        var issuerId = body.Id ?? (OrganizationIdentifier is { } o ? "urn:epass:org:" + o.Value : null)
            ?? throw Error.InvalidOperation("The awarding body has no id and the seal certificate has no organizationIdentifier: give the awarding body an id.");
        var unsigned = Options.Profile.ToCredential(model with { AwardingBody = body }, new CredentialOptions
        {
            IssuerId = issuerId,
            IssuedAt = Now(),
            IncludeDataIntegrityContext = false,
        });
        return new IssuanceResult(await SealAsync(unsigned, cancellationToken).ConfigureAwait(false), validation);
    }

    /// <summary>Seals any credential document as it is (issuer untouched).</summary>
    /// <param name="document">The credential; not modified.</param>
    /// <returns>The seal.</returns>
    /// <exception cref="InvalidOperationException">This issuer seals through an <see cref="ISigner"/>: use <see cref="SealAsync"/>.</exception>
    public JsonObject Seal(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_signer is not null)
        {
            throw Error.InvalidOperation("This issuer seals through an ISigner: use SealAsync.");
        }

        return JadesSealer.Seal(document, _certificate, _chain, SealOptions());
    }

    /// <summary>Seals any credential document as it is (issuer untouched), through the signer when this issuer has one.</summary>
    /// <param name="document">The credential; not modified.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The seal.</returns>
    public ValueTask<JsonObject> SealAsync(JsonObject document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _signer is null
            ? ValueTask.FromResult(JadesSealer.Seal(document, _certificate, _chain, SealOptions()))
            : JadesSealer.SealAsync(document, _signer, _certificate, _chain, SealOptions(), cancellationToken);
    }

    private JadesOptions SealOptions() => Jades.SigningTime is null ? Jades with { SigningTime = Now() } : Jades;

    private DateTimeOffset Now()
    {
        var now = Options.Created ?? Options.TimeProvider.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
