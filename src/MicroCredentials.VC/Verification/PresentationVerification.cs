using MicroCredentials.VC.Credentials;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Verification;

/// <summary>What verifying a presentation's own securing (a Data Integrity proof or a vp+jwt) established.</summary>
/// <param name="Presentation">The presentation (a JWT's <c>vp</c> payload for vp+jwt).</param>
/// <param name="Mechanism">E.g. <c>eddsa-rdfc-2022</c>, <c>vp+jwt</c>.</param>
/// <param name="Signature">The holder's proof: verified with the key it names, purpose <c>authentication</c>, challenge and domain as asked.</param>
/// <param name="HolderController">The controller (DID) of the key that signed the presentation, when it verified.</param>
/// <param name="Credentials">The credentials inside: JSON objects (Data Integrity, JAdES) or strings (compact JWS, enveloped).</param>
/// <param name="SignedAt">When the holder's proof says it was made (<c>created</c>, a JWT's <c>iat</c>); null when it does not say.</param>
/// <param name="ExpiresAt">When the holder's proof stops being valid (<c>expires</c>, a JWT's <c>exp</c>); null when never.</param>
internal sealed record PresentationProofOutcome(JsonObject Presentation, string Mechanism, CheckResult Signature, string? HolderController, IReadOnlyList<JsonNode> Credentials, DateTimeOffset? SignedAt = null, DateTimeOffset? ExpiresAt = null);

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
    /// <summary>Verifies a presentation secured with Data Integrity. Never throws for a bad presentation.</summary>
    /// <param name="presentation">The presentation (not modified).</param>
    /// <param name="verifier">The verifier whose options apply (challenge, domain, clock, resolvers), also used for every credential inside.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The presentation's report, with one report per credential in <see cref="VerificationReport.Credentials"/>.</returns>
    public static async ValueTask<VerificationReport> VerifyAsync(JsonObject presentation, CredentialVerifier verifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        ArgumentNullException.ThrowIfNull(verifier);
        var options = verifier.Options;
        var proofs = await DataIntegrity.VerifyAsync(presentation, options.Cryptosuites, options.VerificationMethodResolver, new CryptosuiteContext { DocumentLoader = options.DocumentLoader }, cancellationToken).ConfigureAwait(false);
        var mechanism = proofs.Count == 0 ? "none" : string.Join("+", proofs.Select(p => p.Cryptosuite ?? "unknown").Distinct());
        var (signature, holderProof) = HolderProofResult(proofs, options);
        var controller = signature.Status == CheckStatus.Passed ? holderProof?.Method?.Method?.Controller : null;
        var outcome = new PresentationProofOutcome(
            presentation,
            mechanism,
            signature,
            controller,
            PresentationFormat.CredentialsOf(presentation),
            DateOf(holderProof?.Proof, "created"),
            DateOf(holderProof?.Proof, "expires"));
        return await AssembleAsync(outcome, verifier, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The holder's securing of a presentation token (vp+jwt): its signature, that the key is listed under
    /// <c>authentication</c>, that <c>iss</c> is the holder, the <c>nonce</c> and <c>aud</c> the verifier asked for, and
    /// the token's lifetime — together the presentation's <c>signature</c> check.
    /// </summary>
    /// <param name="evidence">The token's evidence (readable).</param>
    /// <param name="options">The verifier's options.</param>
    /// <returns>The outcome.</returns>
    public static PresentationProofOutcome FromToken(SecuringEvidence evidence, VerificationOptions options)
    {
        var problems = new List<Problem>(evidence.EnvelopeProblems);
        var presentation = evidence.Document!;
        var holder = PresentationFormat.HolderOf(presentation);
        var key = evidence.Keys.FirstOrDefault();
        if (!evidence.Signature.Succeeded)
        {
            problems.Add(new Problem(evidence.Signature.Code!, evidence.Signature.Detail));
        }
        else if (key is not null && !key.AuthorizedForPurpose)
        {
            problems.Add(new Problem("signature.notAuthenticationMethod", "The holder's controller document does not list the signing key under authentication."));
        }

        if (evidence.IssuerClaim is { } iss && holder is not null && !string.Equals(iss, holder, StringComparison.Ordinal))
        {
            problems.Add(new Problem("signature.holderMismatch", "The token's iss is not the presentation's holder."));
        }

        var binding = evidence.Presentation!;
        if (options.Challenge is { } challenge)
        {
            if (binding.Nonce is null)
            {
                problems.Add(new Problem("signature.challengeMissing", "The verifier asked for a challenge, but the presentation has no nonce."));
            }
            else if (!string.Equals(binding.Nonce, challenge, StringComparison.Ordinal))
            {
                problems.Add(new Problem("signature.challengeMismatch", "The presentation's nonce is not the challenge the verifier gave (a replayed or foreign presentation)."));
            }
        }

        if (options.Domain is { } domain)
        {
            if (binding.Audiences.Count == 0)
            {
                problems.Add(new Problem("signature.domainMissing", "The verifier asked for a domain, but the presentation has no aud."));
            }
            else if (!binding.Audiences.Contains(domain, StringComparer.Ordinal))
            {
                problems.Add(new Problem("signature.domainMismatch", "The presentation's aud does not name the verifier's domain."));
            }
        }

        var now = options.TimeProvider.GetUtcNow();
        if (evidence.NotAfter is { } exp && exp < now - options.ClockSkew)
        {
            problems.Add(new Problem("signature.presentationExpired", $"The presentation expired on {XsdDateTime.Format(exp)} (exp)."));
        }

        if ((evidence.NotBefore is { } nbf && nbf > now + options.ClockSkew) || evidence.SignedAt.Any(iat => iat > now + options.ClockSkew))
        {
            problems.Add(new Problem("signature.presentationNotYetValid", "The presentation's nbf or iat is in the future."));
        }

        var check = problems.Count == 0
            ? CheckResult.Pass(VerificationCheck.Signature, evidence.Signature.Detail)
            : CheckResult.Fail(VerificationCheck.Signature, problems[0].Code, string.Join(" ", problems.Select(p => p.Message)));
        var controller = check.Status == CheckStatus.Passed ? key?.Controller : null;
        return new PresentationProofOutcome(presentation, evidence.Mechanism, check, controller, binding.Credentials);
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
        checks.Add(await Checks.ContextCheck.CheckAsync(presentation, options.DocumentLoader, alreadyExpanded: false, cancellationToken).ConfigureAwait(false));

        // signature
        checks.Add(outcome.Signature);

        // issuer: the holder's key is the holder's
        checks.Add(HolderResult(holder, controller, outcome.Signature));

        // accreditation
        checks.Add(CheckResult.Skip(VerificationCheck.Accreditation, "accreditation.notApplicable", "Accreditation concerns the issuers of the credentials inside; see each credential's report."));

        // learner: the holder controls every credential subject
        checks.Add(LearnerResult(controller, reports, outcome.Credentials, options));

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

    /// <summary>
    /// The <c>signature</c> check of a presentation: every proof verifies; one has purpose <c>authentication</c>, with a
    /// key its controller lists under <c>authentication</c>; its <c>challenge</c> and <c>domain</c> are those the
    /// verifier asked for (present when asked).
    /// </summary>
    private static (CheckResult Result, ProofCheck? HolderProof) HolderProofResult(IReadOnlyList<ProofCheck> proofs, VerificationOptions options)
    {
        if (proofs.Count == 0)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, "signature.missing", "The presentation has no proof: the holder did not sign it."), null);
        }

        var failed = proofs.FirstOrDefault(p => !p.Verified);
        if (failed is not null)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, failed.Code ?? "signature.invalid", Redact(failed.Message ?? "A proof of the presentation does not verify.", failed.Proof)), failed);
        }

        var holderProof = proofs.FirstOrDefault(p => Text(p.Proof, "proofPurpose") == Presentations.AuthenticationPurpose);
        if (holderProof is null)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, "signature.wrongPurpose", $"No proof of the presentation has purpose authentication (found: {string.Join(", ", proofs.Select(p => Text(p.Proof, "proofPurpose") ?? "none").Distinct())})."), proofs[0]);
        }

        var method = holderProof.Method?.Method;
        if (method is null || !holderProof.Method!.AuthorizedForPurpose)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, "signature.notAuthenticationMethod", "The key that signed the presentation is not listed under authentication by its controller, so it cannot authenticate the holder."), holderProof);
        }

        var proof = holderProof.Proof!;
        if (options.Challenge is { } challenge)
        {
            var given = Text(proof, "challenge");
            if (given is null)
            {
                return (CheckResult.Fail(VerificationCheck.Signature, "signature.missingChallenge", "The verifier asked for a challenge, but the presentation's proof has none: it may be replayed."), holderProof);
            }

            if (!string.Equals(given, challenge, StringComparison.Ordinal))
            {
                return (CheckResult.Fail(VerificationCheck.Signature, "signature.challengeMismatch", "The proof's challenge is not the one the verifier gave: the presentation was made for another request (or replayed)."), holderProof);
            }
        }

        if (options.Domain is { } domain)
        {
            var domains = proof["domain"] switch
            {
                JsonValue v when v.TryGetValue(out string? one) => [one],
                JsonArray a => a.OfType<JsonValue>().Select(x => x.TryGetValue(out string? s) ? s : null).OfType<string>().ToList(),
                _ => new List<string>(),
            };
            if (domains.Count == 0)
            {
                return (CheckResult.Fail(VerificationCheck.Signature, "signature.missingDomain", "The verifier asked for a domain, but the presentation's proof names none."), holderProof);
            }

            if (!domains.Contains(domain, StringComparer.Ordinal))
            {
                return (CheckResult.Fail(VerificationCheck.Signature, "signature.domainMismatch", "The proof's domain is not the verifier's: the presentation was made for another verifier."), holderProof);
            }
        }

        var bound = (options.Challenge, options.Domain) switch
        {
            (not null, not null) => ", challenge and domain as asked",
            (not null, null) => ", challenge as asked (no domain was asked)",
            (null, not null) => ", domain as asked (no challenge was asked: replay is not prevented)",
            _ => " (no challenge or domain was asked: replay is not prevented)",
        };
        return (CheckResult.Pass(VerificationCheck.Signature, $"The holder's {holderProof.Cryptosuite} proof verifies, purpose authentication with a key listed under authentication{bound}."), holderProof);
    }

    private static CheckResult HolderResult(string? holder, string? controller, CheckResult signature)
    {
        if (controller is null)
        {
            return CheckResult.Fail(VerificationCheck.Issuer, "issuer.holderNotProved", signature.Status == CheckStatus.Passed
                ? "The key that signed the presentation has no known controller."
                : "The holder's proof did not verify, so no key is bound to the holder.");
        }

        if (holder is null)
        {
            return CheckResult.Pass(VerificationCheck.Issuer, "The presentation names no holder; the controller of the signing key is taken as the holder.");
        }

        return string.Equals(holder, controller, StringComparison.Ordinal)
            ? CheckResult.Pass(VerificationCheck.Issuer, "The signing key is controlled by the presentation's holder.")
            : CheckResult.Fail(VerificationCheck.Issuer, "issuer.holderMismatch", "The signing key is not controlled by the presentation's holder.");
    }

    /// <summary>
    /// The <c>learner</c> check of a presentation: the holder (the controller of the key that made the verified
    /// proof) is the subject of every credential inside, i.e. each credential subject's <c>id</c> is the holder's DID.
    /// A subject without an id cannot be bound to the holder and fails. With <see cref="VerificationOptions.ExpectedLearner"/>,
    /// the holder must also be that learner.
    /// </summary>
    private static CheckResult LearnerResult(string? controller, List<VerificationReport> reports, IReadOnlyList<JsonNode> entries, VerificationOptions options)
    {
        if (controller is null)
        {
            return CheckResult.Fail(VerificationCheck.Learner, "learner.holderNotProved", "The holder's proof did not verify, so control of the credential subjects' identifiers is not proved.");
        }

        if (options.ExpectedLearner is { } expected && !string.Equals(expected, controller, StringComparison.Ordinal))
        {
            return CheckResult.Fail(VerificationCheck.Learner, "learner.mismatch", "The holder who signed the presentation is not the expected learner.");
        }

        if (reports.Count == 0)
        {
            return CheckResult.Pass(VerificationCheck.Learner, "The holder proved control of its key; the presentation holds no credential.");
        }

        for (var i = 0; i < reports.Count; i++)
        {
            var credential = reports[i].Document ?? entries[i] as JsonObject;
            if (credential is null)
            {
                return CheckResult.Fail(VerificationCheck.Learner, "learner.unreadableCredential", $"Credential {i} could not be read, so its subject cannot be bound to the holder.");
            }

            var subjects = credential["credentialSubject"] switch
            {
                JsonObject o => [o],
                JsonArray a => a.OfType<JsonObject>().ToList(),
                _ => new List<JsonObject>(),
            };
            if (subjects.Count == 0)
            {
                return CheckResult.Fail(VerificationCheck.Learner, "learner.missing", $"Credential {i} has no credential subject.");
            }

            foreach (var subject in subjects)
            {
                if (subject["id"] is not JsonValue idv || !idv.TryGetValue(out string? id))
                {
                    return CheckResult.Fail(VerificationCheck.Learner, "learner.subjectWithoutId", $"A subject of credential {i} has no id (DID), so the holder cannot prove to be that learner.");
                }

                if (!string.Equals(id, controller, StringComparison.Ordinal))
                {
                    return CheckResult.Fail(VerificationCheck.Learner, "learner.notHolder", $"A subject of credential {i} is not the holder: the presentation was signed by someone other than the learner it was issued to.");
                }
            }
        }

        return CheckResult.Pass(VerificationCheck.Learner, $"The holder proved control of the key of every credential subject ({Plural(reports.Count, "credential")}).");
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

    /// <summary>Keeps the holder's identifiers (personal data: the learner's DID) out of a proof failure's message.</summary>
    private static string Redact(string message, JsonObject? proof)
    {
        if (Text(proof, "verificationMethod") is { Length: > 0 } vm)
        {
            message = message.Replace(vm, "(the holder's key)", StringComparison.Ordinal);
            var hash = vm.IndexOf('#', StringComparison.Ordinal);
            if (hash > 0)
            {
                message = message.Replace(vm[..hash], "(the holder)", StringComparison.Ordinal);
            }
        }

        return message;
    }

    private static string? Text(JsonObject? node, string name) => node?[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static DateTimeOffset? DateOf(JsonObject? proof, string name) => Text(proof, name) is { } text && XsdDateTime.TryParse(text, out var date) ? date : null;

    private static string Plural(int count, string noun) => count == 1 ? "1 " + noun : $"{count} {noun}s";
}
