using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Verification;

/// <summary>
/// What verifying a credential's securing mechanism (Data Integrity proof, JAdES seal, VC-JOSE-COSE JWS) established:
/// the credential it secures, the <c>signature</c> and <c>issuer</c> checks, and what the later checks need.
/// </summary>
/// <param name="Credential">The secured credential (a JWS or seal payload), or null when it cannot be read.</param>
/// <param name="Mechanism">E.g. <c>eddsa-rdfc-2022</c>, <c>jades</c>, <c>vc+jwt</c>, <c>none</c>.</param>
/// <param name="Signature">The <c>signature</c> check.</param>
/// <param name="Issuer">The <c>issuer</c> check.</param>
/// <param name="Accreditation">The <c>accreditation</c> check when the mechanism decides it itself (a seal's certificate chain); null to ask the trust registry.</param>
/// <param name="SignedAt">When the signatures claim they were made (proof <c>created</c>, <c>sigT</c>, <c>iat</c>).</param>
/// <param name="SignerCertificates">The signer's certificate chain (leaf first) for seals, for the trust registry.</param>
internal sealed record SecuringOutcome(
    JsonObject? Credential,
    string Mechanism,
    CheckResult Signature,
    CheckResult Issuer,
    CheckResult? Accreditation,
    IReadOnlyList<DateTimeOffset> SignedAt,
    X509Certificate2Collection? SignerCertificates = null)
{
    /// <summary>
    /// A failed <c>format</c> check the mechanism found in its envelope (a JWS <c>typ</c> or <c>cty</c> that is not a
    /// credential's, JWT claims a vc+jwt must not carry); it is reported before the credential's own format problems.
    /// </summary>
    public CheckResult? EnvelopeFormat { get; init; }

    /// <summary>The envelope's own "not before" (a JWT <c>nbf</c>): the <c>issuanceDate</c> check fails while it is in the future.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The envelope's own expiry (a JWT <c>exp</c>): the <c>expiry</c> check fails once it has passed.</summary>
    public DateTimeOffset? NotAfter { get; init; }
}
