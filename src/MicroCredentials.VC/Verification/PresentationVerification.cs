using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Securing;
using MicroCredentials.VC.Verification.Checks;

namespace MicroCredentials.VC.Verification;

/// <summary>What verifying a presentation's own securing (a Data Integrity proof or a vp+jwt) established.</summary>
/// <param name="Presentation">The presentation (a JWT's <c>vp</c> payload for vp+jwt).</param>
/// <param name="Mechanism">E.g. <c>eddsa-rdfc-2022</c>, <c>vp+jwt</c>.</param>
/// <param name="Signature">The holder's proof: verified with the key it names, purpose <c>authentication</c>, challenge and domain as asked.</param>
/// <param name="HolderController">The controller (DID) of the key that signed the presentation, when it verified.</param>
/// <param name="Credentials">The credentials inside: JSON objects (Data Integrity, JAdES) or strings (compact JWS, enveloped).</param>
/// <param name="SignedAt">When the holder's proof says it was made (<c>created</c>, a JWT's <c>iat</c>); null when it does not say.</param>
/// <param name="ExpiresAt">When the holder's proof stops being valid (<c>expires</c>, a JWT's <c>exp</c>); null when never.</param>
internal sealed record PresentationProofOutcome(JsonObject Presentation, string Mechanism, CheckResult Signature, string? HolderController, IReadOnlyList<JsonNode> Credentials, DateTimeOffset? SignedAt = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>The securing mechanism's evidence, when the outcome came from one (the context check reuses its safe-mode processing and view problems).</summary>
    public SecuringEvidence? Evidence { get; init; }
}

/// <summary>
/// Verifiable presentations (W3C VC Data Model 2.0 §4.13): the holder's proof (VC Data Integrity §2.1, purpose
/// <c>authentication</c>, <c>challenge</c> and <c>domain</c> as the verifier asked), that the holder controls each
/// credential subject's identifier, then every credential inside with its own report.
/// </summary>
/// <remarks>
/// The presentation's report uses the credential checks where they apply: <c>format</c> (a well-formed presentation),
/// <c>context</c> (safe-mode JSON-LD), <c>signature</c> (the holder's proof), <c>issuer</c> (the signing key is
/// controlled by <c>holder</c>), <c>learner</c> (the holder controls every credential subject's id),
/// <c>issuanceDate</c>/<c>expiry</c> (the proof's <c>created</c>/<c>expires</c>); <c>accreditation</c>,
/// <c>status</c> and <c>elements</c> are skipped (they belong to the credentials). A presentation is verified only when
/// none of its checks failed and every credential's report is verified (see <see cref="VerificationReport.Verified"/>).
/// </remarks>
internal static class PresentationVerification
{
    /// <summary>What a Data Integrity presentation's evidence establishes, judged against the verifier's options.</summary>
    /// <param name="evidence">The presentation's evidence (readable).</param>
    /// <param name="options">The verifier's options.</param>
    /// <returns>The outcome.</returns>
    public static PresentationProofOutcome FromProofs(SecuringEvidence evidence, VerificationOptions options)
    {
        var presentation = evidence.Document!;
        var (signature, holderProof) = SignatureCheck.HolderProof(evidence, options);
        var controller = signature.Status == CheckStatus.Passed ? holderProof?.Controller : null;
        return new PresentationProofOutcome(presentation, evidence.Mechanism, signature, controller, PresentationFormat.CredentialsOf(presentation), holderProof?.Created, holderProof?.Expires) { Evidence = evidence };
    }

    /// <summary>What a presentation token's evidence establishes, judged against the verifier's options.</summary>
    /// <param name="evidence">The token's evidence (readable).</param>
    /// <param name="options">The verifier's options.</param>
    /// <returns>The outcome.</returns>
    public static PresentationProofOutcome FromToken(SecuringEvidence evidence, VerificationOptions options)
    {
        var check = SignatureCheck.HolderToken(evidence, options);
        var controller = check.Status == CheckStatus.Passed ? evidence.Keys.FirstOrDefault()?.Controller : null;
        return new PresentationProofOutcome(evidence.Document!, evidence.Mechanism, check, controller, evidence.Presentation!.Credentials) { Evidence = evidence };
    }

    /// <summary>
    /// Builds the presentation's report from its verified securing (shared by Data Integrity and vp+jwt presentations):
    /// the presentation's checks (format, context, signature, issuer: the key is the holder's, learner: the holder
    /// controls each subject, the proof's dates) and one full report per credential (objects verified as they are,
    /// strings through the byte overload, so a compact JWS goes to vc+jwt).
    /// </summary>
    /// <param name="outcome">What the presentation's securing established; <see cref="PresentationProofOutcome.HolderController"/> must be null unless <see cref="PresentationProofOutcome.Signature"/> passed.</param>
    /// <param name="verifier">The verifier whose options apply.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    public static async ValueTask<VerificationReport> AssembleAsync(PresentationProofOutcome outcome, CredentialVerifier verifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(verifier);
        var options = verifier.Options;
        var presentation = outcome.Presentation;
        var holder = PresentationFormat.HolderOf(presentation);
        var controller = outcome.Signature.Status == CheckStatus.Passed ? outcome.HolderController : null;

        // Every credential inside, with its own full report.
        var reports = new List<VerificationReport>(outcome.Credentials.Count);
        foreach (var entry in outcome.Credentials)
        {
            var report = await VerifyInnerAsync(entry, verifier, cancellationToken).ConfigureAwait(false);
            reports.Add(SelfAsserted(report, holder, controller, outcome.Mechanism));
        }

        var checks = new List<CheckResult>(10);
        var now = options.TimeProvider.GetUtcNow();

        // format
        var problems = PresentationFormat.Check(presentation);
        checks.Add(problems.Count == 0
            ? CheckResult.Pass(VerificationCheck.Format, $"A well-formed VC {(CredentialFormat.VersionOf(presentation) == VcVersion.V1 ? "1.1" : "2.0")} presentation with {Plural(outcome.Credentials.Count, "credential")}{(outcome.Mechanism is "vp+jwt" ? " (vp+jwt)" : string.Empty)}.")
            : CheckResult.Fail(VerificationCheck.Format, problems[0].Code, string.Join(" ", problems.Select(p => p.Message))));

        // context
        checks.Add(await ContextCheck.RunAsync(presentation, outcome.Evidence, options, cancellationToken).ConfigureAwait(false));

        // signature
        checks.Add(outcome.Signature);

        // issuer: the holder's key is the holder's
        checks.Add(IssuerCheck.Holder(holder, controller, outcome.Signature));

        // accreditation
        checks.Add(CheckResult.Skip(VerificationCheck.Accreditation, "accreditation.notApplicable", "Accreditation concerns the issuers of the credentials inside; see each credential's report."));

        // learner: the holder controls every credential subject
        checks.Add(LearnerCheck.Holder(controller, reports, outcome.Credentials, options));

        // issuanceDate and expiry of the holder's proof
        checks.Add(outcome.SignedAt is { } created
            ? created > now + options.ClockSkew
                ? CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.proofInFuture", $"The presentation's proof was created {XsdDateTime.Format(created)}, later than now ({XsdDateTime.Format(now)}).")
                : CheckResult.Pass(VerificationCheck.IssuanceDate, $"The presentation was signed at {XsdDateTime.Format(created)}.")
            : CheckResult.Skip(VerificationCheck.IssuanceDate, "issuanceDate.notDated", "The presentation's proof does not say when it was made."));
        checks.Add(outcome.ExpiresAt is { } expires
            ? expires < now - options.ClockSkew
                ? CheckResult.Fail(VerificationCheck.Expiry, "expiry.proofExpired", $"The presentation's proof expired on {XsdDateTime.Format(expires)}.")
                : CheckResult.Pass(VerificationCheck.Expiry, $"The presentation's proof is valid until {XsdDateTime.Format(expires)}.")
            : CheckResult.Pass(VerificationCheck.Expiry, "The presentation's proof does not expire."));

        // status, elements
        checks.Add(CheckResult.Skip(VerificationCheck.Status, "status.notApplicable", "A presentation has no status; each credential's status is in its report."));
        checks.Add(CheckResult.Skip(VerificationCheck.Elements, "elements.notApplicable", "The Council Recommendation elements belong to the credentials; see each credential's report."));

        return new VerificationReport
        {
            Checks = checks,
            SecuringMechanism = outcome.Mechanism,
            Document = presentation,
            Credentials = reports,
        };
    }

    private static async ValueTask<VerificationReport> VerifyInnerAsync(JsonNode entry, CredentialVerifier verifier, CancellationToken cancellationToken)
    {
        switch (entry)
        {
            case JsonObject credential:
                // A detached copy: the entry may belong to the presentation's tree.
                return await verifier.VerifyAsync((JsonObject)credential.DeepClone(), cancellationToken).ConfigureAwait(false);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return await verifier.VerifyAsync(Encoding.UTF8.GetBytes(v.GetValue<string>()), cancellationToken).ConfigureAwait(false);
            default:
                return CredentialVerifier.Unreadable("format.notAnObject", "The entry of verifiableCredential is neither a credential object nor an enveloped or compact JWS credential.");
        }
    }

    /// <summary>
    /// VC Data Model 2.0 §4.13, "Presentations Including Holder Claims": a credential whose issuer is the holder
    /// may be secured by the presentation's own proof. Such a credential, without a proof of its own, gets its
    /// <c>signature</c> and <c>issuer</c> checks from the verified holder proof.
    /// </summary>
    private static VerificationReport SelfAsserted(VerificationReport report, string? holder, string? controller, string mechanism)
    {
        if (controller is null || holder is null || !string.Equals(holder, controller, StringComparison.Ordinal)
            || report.Document is not { } credential || credential["proof"] is not null
            || !string.Equals(CredentialFormat.IssuerOf(credential), holder, StringComparison.Ordinal)
            || report[VerificationCheck.Signature].Code != "signature.missing")
        {
            return report;
        }

        var checks = report.Checks.Select(c => c.Check switch
        {
            VerificationCheck.Signature => CheckResult.Pass(VerificationCheck.Signature, "A self-asserted credential (its issuer is the holder), secured by the presentation's proof."),
            VerificationCheck.Issuer => CheckResult.Pass(VerificationCheck.Issuer, "The issuer is the presentation's holder, who signed the presentation."),
            _ => c,
        }).ToList();
        return report with { Checks = checks, SecuringMechanism = mechanism + " (presentation)" };
    }

    private static string Plural(int count, string noun) => count == 1 ? "1 " + noun : $"{count} {noun}s";
}
