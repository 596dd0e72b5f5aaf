using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Proofs;

namespace MicroCredentials.VC.Issuance;

/// <summary>How <see cref="Presentations"/> builds and secures a verifiable presentation. Immutable.</summary>
public sealed record PresentationOptions
{
    /// <summary>The defaults: no challenge or domain, holder = the key's controller, eddsa-rdfc-2022, system clock.</summary>
    public static PresentationOptions Default { get; } = new();

    /// <summary>
    /// The challenge the verifier gave (VC Data Integrity §2.1 <c>challenge</c>): binds the proof to one request so it
    /// cannot be replayed. Leave it out only when the verifier asked for none.
    /// </summary>
    public string? Challenge { get; init; }

    /// <summary>The domain the proof is meant for (VC Data Integrity §2.1 <c>domain</c>), e.g. the verifier's origin.</summary>
    public string? Domain { get; init; }

    /// <summary>
    /// The presentation's <c>holder</c> (VC Data Model 2.0 §4.13). Null: the controller of the verification method,
    /// i.e. the DID before <c>#</c> (for a did:key, the key's own DID).
    /// </summary>
    public string? Holder { get; init; }

    /// <summary>An optional <c>id</c> (a URL) for the presentation.</summary>
    public string? Id { get; init; }

    /// <summary>The cryptosuite of the holder's proof (eddsa-rdfc-2022 by default; eddsa-jcs-2022 also works).</summary>
    public ICryptosuite Cryptosuite { get; init; } = Cryptosuites.EdDsaRdfc2022;

    /// <summary>A fixed proof creation time; null takes the time from <see cref="TimeProvider"/> (whole seconds, UTC).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the holder's proof stops being valid (<c>expires</c>), if ever.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The clock that dates the proof when <see cref="Created"/> is not given.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where JSON-LD contexts come from (the embedded ones by default; eddsa-rdfc-2022 needs them).</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary>The limits on the presentation signed (size, nesting, JSON-LD work, time): those of verification by default.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
}

/// <summary>
/// Builds verifiable presentations (W3C VC Data Model 2.0 §4.13 "Verifiable Presentations") for a learner's wallet:
/// the credentials the learner chose, the learner as <c>holder</c>, secured with a Data Integrity proof
/// (VC Data Integrity 1.0 §2.1) of purpose <c>authentication</c> that carries the verifier's <c>challenge</c> and
/// <c>domain</c>. The presentation is always VC 2.0; VC 1.1 credentials (such as Europass EDC) can be inside it.
/// Never modifies the caller's documents.
/// </summary>
public static class Presentations
{
    /// <summary>The proof purpose of a holder's proof (VC Data Integrity §2.1, proof purposes).</summary>
    public const string AuthenticationPurpose = "authentication";

    /// <summary>The type of an enveloped credential entry (VC Data Model 2.0 §4.13, enveloped verifiable credentials).</summary>
    public const string EnvelopedCredentialType = "EnvelopedVerifiableCredential";

    /// <summary>
    /// Builds and secures a presentation of <paramref name="credentials"/>: an unsigned presentation from
    /// <see cref="Create"/>, then the holder's proof from <see cref="SignAsync(JsonObject, ISigner, PresentationOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="credentials">The credentials (secured credential objects, or <see cref="Envelope"/> entries); copied, not modified.</param>
    /// <param name="holderKey">The holder's signing key (owned by the caller).</param>
    /// <param name="verificationMethodId">The key's verification method URL, e.g. <c>did:key:z6Mk…#z6Mk…</c>; it must be listed under <c>authentication</c> in its controller's DID document.</param>
    /// <param name="options">Challenge, domain, holder, suite and time; <see cref="PresentationOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The secured presentation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a credential is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="verificationMethodId"/> is empty.</exception>
    /// <exception cref="ProofException">The presentation cannot be secured with the suite (e.g. a credential uses an undefined term under eddsa-rdfc-2022).</exception>
    public static ValueTask<JsonObject> CreateAsync(IEnumerable<JsonObject> credentials, Ed25519SigningKey holderKey, string verificationMethodId, PresentationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holderKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationMethodId);
        return CreateAsync(credentials, new Ed25519Signer(holderKey, verificationMethodId), options, cancellationToken);
    }

    /// <summary>
    /// Builds and secures a presentation of <paramref name="credentials"/> with the holder's signer (its
    /// <see cref="ISigner.KeyId"/> is the verification method, listed under <c>authentication</c> in its controller's
    /// DID document; its algorithm must be the suite's).
    /// </summary>
    /// <param name="credentials">The credentials (secured credential objects, or <see cref="Envelope"/> entries); copied, not modified.</param>
    /// <param name="holder">The holder's signer.</param>
    /// <param name="options">Challenge, domain, holder, suite and time; <see cref="PresentationOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The secured presentation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a credential is null.</exception>
    /// <exception cref="ArgumentException">The signer's algorithm is not the suite's.</exception>
    /// <exception cref="ProofException">The presentation cannot be secured with the suite.</exception>
    public static ValueTask<JsonObject> CreateAsync(IEnumerable<JsonObject> credentials, ISigner holder, PresentationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(holder);
        options ??= PresentationOptions.Default;
        var unsigned = Create(credentials, options.Holder ?? ControllerOf(holder.KeyId), options.Id);
        return SignAsync(unsigned, holder, options, cancellationToken);
    }

    /// <summary>
    /// An unsigned VC 2.0 presentation: <c>@context</c> <c>["https://www.w3.org/ns/credentials/v2"]</c>, <c>type</c>
    /// <c>VerifiablePresentation</c>, the optional <c>id</c> and <c>holder</c>, and <c>verifiableCredential</c> (an array,
    /// left out when there is no credential).
    /// </summary>
    /// <param name="credentials">The credentials; deep-copied.</param>
    /// <param name="holder">The holder's identifier (a URL, typically a DID), or null for none.</param>
    /// <param name="id">The presentation's id (a URL), or null for none.</param>
    /// <returns>The presentation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> or one of its entries is null.</exception>
    public static JsonObject Create(IEnumerable<JsonObject> credentials, string? holder = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var list = new JsonArray();
        foreach (var credential in credentials)
        {
            ArgumentNullException.ThrowIfNull(credential, nameof(credentials));
            list.Add(credential.DeepClone());
        }

        var presentation = new JsonObject { ["@context"] = new JsonArray(CredentialFormat.V2Context) };
        if (id is not null)
        {
            presentation["id"] = id;
        }

        presentation["type"] = new JsonArray("VerifiablePresentation");
        if (holder is not null)
        {
            presentation["holder"] = holder;
        }

        if (list.Count > 0)
        {
            presentation["verifiableCredential"] = list;
        }

        return presentation;
    }

    /// <summary>
    /// Adds the holder's Data Integrity proof to a copy of a presentation as it is: purpose <c>authentication</c>,
    /// with <see cref="PresentationOptions.Challenge"/> and <see cref="PresentationOptions.Domain"/> when given.
    /// <see cref="PresentationOptions.Holder"/> is not applied here (the document's own <c>holder</c> is kept).
    /// </summary>
    /// <param name="presentation">The presentation (not modified).</param>
    /// <param name="holderKey">The holder's signing key.</param>
    /// <param name="verificationMethodId">The key's verification method URL.</param>
    /// <param name="options">Challenge, domain, suite and time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The secured copy.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="verificationMethodId"/> is empty.</exception>
    /// <exception cref="ProofException">The presentation cannot be secured with the suite.</exception>
    public static ValueTask<JsonObject> SignAsync(JsonObject presentation, Ed25519SigningKey holderKey, string verificationMethodId, PresentationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holderKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationMethodId);
        return SignAsync(presentation, new Ed25519Signer(holderKey, verificationMethodId), options, cancellationToken);
    }

    /// <summary>
    /// Adds the holder's Data Integrity proof to a copy of a presentation as it is, signed through
    /// <paramref name="holder"/> (see <see cref="SignAsync(JsonObject, Ed25519SigningKey, string, PresentationOptions?, CancellationToken)"/>).
    /// </summary>
    /// <param name="presentation">The presentation (not modified).</param>
    /// <param name="holder">The holder's signer; its key id is the verification method.</param>
    /// <param name="options">Challenge, domain, suite and time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The secured copy.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The signer's algorithm is not the suite's.</exception>
    /// <exception cref="ProofException">The presentation cannot be secured with the suite.</exception>
    public static ValueTask<JsonObject> SignAsync(JsonObject presentation, ISigner holder, PresentationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder.KeyId, nameof(holder));
        options ??= PresentationOptions.Default;
        var now = options.Created ?? options.TimeProvider.GetUtcNow();
        var created = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return DataIntegrity.AddProofAsync(
            presentation,
            options.Cryptosuite,
            holder,
            new ProofOptions
            {
                VerificationMethod = holder.KeyId,
                ProofPurpose = AuthenticationPurpose,
                Challenge = options.Challenge,
                Domain = options.Domain,
                Created = created,
                Expires = options.Expires,
            },
            new CryptosuiteContext { DocumentLoader = options.DocumentLoader, Limits = options.Limits },
            cancellationToken);
    }

    /// <summary>
    /// An enveloped credential entry for a credential secured as a compact JWS (VC-JOSE-COSE <c>vc+jwt</c>):
    /// <c>{"@context": "https://www.w3.org/ns/credentials/v2", "id": "data:application/vc+jwt,…", "type": "EnvelopedVerifiableCredential"}</c>.
    /// </summary>
    /// <param name="compactJws">The compact JWS.</param>
    /// <param name="mediaType">Its media type (<c>application/vc+jwt</c> by default).</param>
    /// <returns>The entry, to put in <c>verifiableCredential</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="compactJws"/> or <paramref name="mediaType"/> is empty.</exception>
    public static JsonObject Envelope(string compactJws, string mediaType = "application/vc+jwt")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(compactJws);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        return new JsonObject
        {
            ["@context"] = CredentialFormat.V2Context,
            ["id"] = "data:" + mediaType + "," + compactJws.Trim(),
            ["type"] = EnvelopedCredentialType,
        };
    }

    private static string ControllerOf(string verificationMethodId)
    {
        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        return hash > 0 ? verificationMethodId[..hash] : verificationMethodId;
    }
}
