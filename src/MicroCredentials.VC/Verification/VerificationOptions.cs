using MicroCredentials.VC.Dids;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Verification;

/// <summary>
/// The environment and the expectations of a verification. Immutable; every check is on by default and each
/// opt-out is explicit. Nothing here reaches the network unless the caller supplies a loader or resolver that does.
/// </summary>
public sealed record VerificationOptions
{
    private readonly IDidResolver? _didResolver;
    private readonly IVerificationMethodResolver? _verificationMethodResolver;
    private readonly SecuringRegistry? _securing;

    /// <summary>The default: system clock, five minutes of skew, embedded contexts, did:key and did:jwk, every suite of this library.</summary>
    public static VerificationOptions Default { get; } = new();

    /// <summary>The clock. Use a fixed <see cref="TimeProvider"/> to verify as of another time (audits, tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Tolerated clock difference between issuer and verifier (default five minutes).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where JSON-LD contexts come from; the embedded contexts by default (never the network).</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary>
    /// Resolves DIDs to DID documents (W3C DID Core 1.0 §7.1). Unless set: <c>did:key</c> and <c>did:jwk</c> (offline),
    /// plus <c>did:web</c> through <see cref="ResourceResolver"/> when one is given (<see cref="DidResolverRegistry.Create"/>).
    /// </summary>
    public IDidResolver DidResolver
    {
        get => _didResolver ?? DidResolverRegistry.Create(ResourceResolver);
        init => _didResolver = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Resolves the keys named by proofs. Unless set: through the DID documents of <see cref="DidResolver"/> (so did:key
    /// and did:jwk offline, and did:web when a <see cref="ResourceResolver"/> is given), and through https controller
    /// documents (W3C Controlled Identifiers 1.0) fetched by <see cref="ResourceResolver"/>.
    /// </summary>
    public IVerificationMethodResolver VerificationMethodResolver
    {
        get => _verificationMethodResolver ?? (_didResolver is null && ResourceResolver is NoResourceResolver
            ? DidVerificationMethodResolver.Default
            : new DidVerificationMethodResolver(DidResolver, ResourceResolver is NoResourceResolver ? null : ResourceResolver));
        init => _verificationMethodResolver = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The Data Integrity cryptosuites accepted; all of this library's by default.</summary>
    public CryptosuiteRegistry Cryptosuites { get; init; } = CryptosuiteRegistry.Default;

    /// <summary>
    /// The securing mechanisms accepted, asked in order; unless set: JAdES seals, VC-JOSE-COSE (compact JWS and
    /// enveloped credentials), and Data Integrity with <see cref="Cryptosuites"/>.
    /// </summary>
    public SecuringRegistry SecuringMechanisms
    {
        get => _securing ?? (ReferenceEquals(Cryptosuites, CryptosuiteRegistry.Default) ? DefaultMechanisms : MechanismsFor(Cryptosuites));
        init => _securing = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>What is being verified: a credential, or a status list fetched for another credential's <c>status</c> check (whose own status is not followed).</summary>
    internal VerificationMode Mode { get; init; }

    private static readonly SecuringRegistry DefaultMechanisms = MechanismsFor(CryptosuiteRegistry.Default);

    private static SecuringRegistry MechanismsFor(CryptosuiteRegistry suites) =>
        new([Proofs.Jose.JadesMechanism.Instance, Proofs.Jose.JoseMechanism.Instance, suites == CryptosuiteRegistry.Default ? DataIntegrityMechanism.Default : new DataIntegrityMechanism(suites)]);

    /// <summary>The environment the securing mechanisms see.</summary>
    internal SecuringEnvironment Environment => new()
    {
        DocumentLoader = DocumentLoader,
        VerificationMethodResolver = VerificationMethodResolver,
        TrustAnchors = TrustAnchors,
        TimeProvider = TimeProvider,
        Limits = Limits,
    };

    /// <summary>When set, the learner must be this one: a DID, or an identifier (national ID, student number) of the credential subject.</summary>
    public string? ExpectedLearner { get; init; }

    /// <summary>
    /// When true, a credential subject with no id, no other identifier and no name fails the <c>learner</c> check
    /// (<c>learner.notIdentified</c>). Off by default: Open Badges 3.0 allows such a subject (the badge is about
    /// whoever holds it), and the check then says that nothing identifies the learner. Setting
    /// <see cref="ExpectedLearner"/> requires an identified learner anyway.
    /// </summary>
    public bool RequireIdentifiedLearner { get; init; }

    /// <summary>When true, a missing mandatory Council Recommendation element fails the <c>elements</c> check (and the verification).</summary>
    public bool RequireMicroCredentialElements { get; init; }

    /// <summary>
    /// Fetches DID documents (did:web) and status lists; resolves nothing by default (offline). Give an
    /// <see cref="OfflineResourceResolver"/> to serve files, or an <see cref="HttpResourceResolver"/> to opt in to HTTPS.
    /// </summary>
    public IResourceResolver ResourceResolver { get; init; } = NoResourceResolver.Instance;

    /// <summary>
    /// The caller's register of trusted issuers (e.g. a <see cref="Trust.TrustList"/>); the <c>accreditation</c> check is
    /// skipped when null. Accreditation is decided at the verification time (<see cref="TimeProvider"/>), and the issuer
    /// must also have been accredited when the proof says it was signed.
    /// </summary>
    public Trust.ITrustRegistry? TrustRegistry { get; init; }

    /// <summary>Trust anchors (root or intermediate CA certificates) for e-seal certificate chains.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection TrustAnchors { get; init; } = [];

    /// <summary>
    /// For presentations: the challenge the verifier gave (the proof's <c>challenge</c>, or a JWT's <c>nonce</c>), which
    /// the presentation must carry. Required: a presentation verified without one fails <c>signature</c>
    /// (<c>signature.challengeRequired</c>) unless <see cref="AllowPresentationWithoutChallenge"/> says the caller binds
    /// the presentation to its request otherwise.
    /// </summary>
    public string? Challenge { get; init; }

    /// <summary>
    /// Opt-out: accept a presentation although no <see cref="Challenge"/> is given. Without a challenge nothing stops the
    /// replay of a presentation recorded elsewhere; set this only when the presentation is bound to the request in
    /// another way (e.g. a transport that authenticates the holder). Default false.
    /// </summary>
    public bool AllowPresentationWithoutChallenge { get; init; }

    /// <summary>For presentations: the domain the proof must be bound to (<c>domain</c>, or a JWT's <c>aud</c>) — required to match when set.</summary>
    public string? Domain { get; init; }

    /// <summary>
    /// The limits on what one verification may cost (size, nesting, JSON-LD work, time); <see cref="InputLimits.Default"/>
    /// unless set, the same defaults signing and issuing use, so that nothing is signed that verification refuses.
    /// </summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
}

/// <summary>What a verification is for.</summary>
internal enum VerificationMode
{
    /// <summary>A credential or presentation.</summary>
    Credential,

    /// <summary>A status list credential fetched for another credential's <c>status</c> check: its own status is not followed.</summary>
    StatusList,
}
