using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;

namespace MicroCredentials.VC.Securing;

/// <summary>The outcome of one thing a securing mechanism established (a signature, a certificate chain).</summary>
public enum FindingStatus
{
    /// <summary>Established.</summary>
    Passed,

    /// <summary>Checked, and not established.</summary>
    Failed,

    /// <summary>Could not be checked (the detail says why).</summary>
    NotChecked,
}

/// <summary>One thing a securing mechanism established, with a stable code (from the verification codes catalogue) when it did not.</summary>
public sealed record Finding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="status">Passed, failed or not checked.</param>
    /// <param name="code">The stable code; required unless passed (a report never carries a failure without one).</param>
    /// <param name="detail">A sentence a person understands; never personal data.</param>
    /// <exception cref="ArgumentException">A failed or unchecked finding without a code.</exception>
    public Finding(FindingStatus status, string? code, string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (status != FindingStatus.Passed && string.IsNullOrEmpty(code))
        {
            throw Error.Argument(nameof(code), "A failed or unchecked finding needs a stable code.");
        }

        Status = status;
        Code = code;
        Detail = detail;
    }

    /// <summary>Passed, failed or not checked.</summary>
    public FindingStatus Status { get; }

    /// <summary>The stable code; null when passed.</summary>
    public string? Code { get; }

    /// <summary>A sentence a person understands.</summary>
    public string Detail { get; }

    /// <summary>Whether it passed.</summary>
    public bool Succeeded => Status == FindingStatus.Passed;

    /// <summary>A finding that passed.</summary>
    /// <param name="detail">What was established.</param>
    /// <returns>The finding.</returns>
    public static Finding Pass(string detail) => new(FindingStatus.Passed, null, detail);

    /// <summary>A failed finding.</summary>
    /// <param name="code">The code.</param>
    /// <param name="detail">Why.</param>
    /// <returns>The finding.</returns>
    public static Finding Fail(string code, string detail) => new(FindingStatus.Failed, code, detail);

    /// <summary>A finding that could not be checked.</summary>
    /// <param name="code">The code.</param>
    /// <param name="detail">Why.</param>
    /// <returns>The finding.</returns>
    public static Finding NotChecked(string code, string detail) => new(FindingStatus.NotChecked, code, detail);
}

/// <summary>One signature (a proof, a JWS) and the key that made it, with what it is bound to.</summary>
/// <param name="Purpose">The proof purpose it signed for (<c>assertionMethod</c>, <c>authentication</c>).</param>
/// <param name="VerificationMethod">The verification method's id, when it resolved.</param>
/// <param name="Controller">The verification method's controller, when it resolved.</param>
/// <param name="AuthorizedForPurpose">Whether the controller document lists the method under <paramref name="Purpose"/>.</param>
public sealed record KeyEvidence(string? Purpose, string? VerificationMethod, string? Controller, bool AuthorizedForPurpose)
{
    /// <summary>Whether the key resolved (the method and its controller are known).</summary>
    public bool Resolved => VerificationMethod is not null;

    /// <summary>Whether this signature verifies.</summary>
    public bool Verified { get; init; } = true;

    /// <summary>Why it does not verify, when it does not.</summary>
    public Problem? Problem { get; init; }

    /// <summary>The cryptosuite or algorithm, e.g. <c>eddsa-rdfc-2022</c>, <c>ES256</c>.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The verification method the signature names (even when it did not resolve).</summary>
    public string? NamedMethod { get; init; }

    /// <summary>The proof's <c>challenge</c> (a presentation's binding to a request).</summary>
    public string? Challenge { get; init; }

    /// <summary>The proof's <c>domain</c> values.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>When the proof says it was made.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the proof stops being valid.</summary>
    public DateTimeOffset? Expires { get; init; }
}

/// <summary>
/// What a securing mechanism (Data Integrity, JAdES, VC-JOSE-COSE) established about a secured document: the credential
/// it secures and the view of it the checks read (built from what the signature covers), the signature, the keys and
/// their controllers, the certificate chain, the signed-at times, and problems with codes. The mechanism decides no
/// check: <c>Verification</c> turns evidence into the report.
/// </summary>
public sealed record SecuringEvidence
{
    /// <summary>How the document is secured, e.g. <c>eddsa-rdfc-2022</c>, <c>jades</c>, <c>vc+jwt</c>, or <c>none</c>.</summary>
    public required string Mechanism { get; init; }

    /// <summary>The secured credential (the payload of a JWS or seal), or null when it cannot be read.</summary>
    public JsonObject? Document { get; init; }

    /// <summary>The properties the checks read, taken from what the signature covers.</summary>
    public CredentialView? View { get; init; }

    /// <summary>Why the document could not be read at all (then only <see cref="Signature"/> says more).</summary>
    public Problem? Unreadable { get; init; }

    /// <summary>Whether every signature verifies (the first problem otherwise).</summary>
    public required Finding Signature { get; init; }

    /// <summary>The keys of the verified signatures (or the keys that were named, when a signature failed), for the issuer binding.</summary>
    public IReadOnlyList<KeyEvidence> Keys { get; init; } = [];

    /// <summary>The JWT <c>iss</c> claim of a token, when the mechanism has one (<see cref="HasIssuerClaim"/>).</summary>
    public string? IssuerClaim { get; init; }

    /// <summary>Whether the mechanism carries an issuer claim of its own that must name the credential's issuer.</summary>
    public bool HasIssuerClaim { get; init; }

    /// <summary>The seal's signing certificate (JAdES), when it names a usable one.</summary>
    public X509Certificate2? SealCertificate { get; init; }

    /// <summary>The signer's certificate chain, leaf first, for the trust registry.</summary>
    public X509Certificate2Collection? SignerCertificates { get; init; }

    /// <summary>
    /// For an e-seal: whether the seal certificate's organisation identifier is the issuer's legal identifier
    /// (eIDAS seals bind the organisation, not a key, to the credential).
    /// </summary>
    public Finding? IssuerBinding { get; init; }

    /// <summary>The chain of <see cref="SealCertificate"/> to the caller's trust anchors, when the caller gave any.</summary>
    public Finding? CertificateTrust { get; init; }

    /// <summary>When the signatures claim they were made (proof <c>created</c>, <c>sigT</c>, <c>iat</c>).</summary>
    public IReadOnlyList<DateTimeOffset> SignedAt { get; init; } = [];

    /// <summary>The envelope's own "not before" (a JWT <c>nbf</c>).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The envelope's own expiry (a JWT <c>exp</c>).</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Problems of the envelope's form (a JWS <c>typ</c>, JWT claims that contradict the credential): the <c>format</c> check reports them first.</summary>
    public IReadOnlyList<Problem> EnvelopeProblems { get; init; } = [];

    /// <summary>Where the JSON and the signed data disagree (an RDFC-secured property reached through a non-standard term): the <c>context</c> check fails on them.</summary>
    public IReadOnlyList<Problem> ViewProblems { get; init; } = [];

    /// <summary>
    /// Whether the mechanism already ran JSON-LD in safe mode over exactly what it verified, with success (an RDFC
    /// suite): the <c>context</c> check need not expand the document again.
    /// </summary>
    public bool ContextProcessed { get; init; }

    /// <summary>Whether the signature covers bytes (JAdES, JOSE) rather than the document's RDF meaning.</summary>
    public bool SignsBytes { get; init; }

    /// <summary>For a presentation secured as a token (vp+jwt): the credentials inside and the token's binding claims.</summary>
    public PresentationEvidence? Presentation { get; init; }

    /// <summary>A document that could not be read: every later check is skipped.</summary>
    /// <param name="mechanism">The mechanism.</param>
    /// <param name="code">The code.</param>
    /// <param name="detail">Why.</param>
    /// <returns>The evidence.</returns>
    public static SecuringEvidence Unreadably(string mechanism, string code, string detail) => new()
    {
        Mechanism = mechanism,
        Unreadable = new Problem(code, detail),
        Signature = Finding.Fail(code, detail),
    };
}

/// <summary>What a presentation token carries besides its signature: the credentials inside and what binds it to a verifier.</summary>
/// <param name="Credentials">The credentials inside: an enveloped vc+jwt as its compact JWS text, other entries as they are.</param>
/// <param name="Nonce">The token's <c>nonce</c> (the verifier's challenge).</param>
/// <param name="Audiences">The token's <c>aud</c> values (the verifier's domain).</param>
public sealed record PresentationEvidence(IReadOnlyList<System.Text.Json.Nodes.JsonNode> Credentials, string? Nonce, IReadOnlyList<string> Audiences);
