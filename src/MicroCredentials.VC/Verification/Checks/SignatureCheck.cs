using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>The <c>signature</c> check: what the securing mechanism found of its proofs, seal or JWS; for a presentation, the holder's proof bound to the verifier's challenge and domain.</summary>
internal static class SignatureCheck
{
    public static CheckResult Run(VerificationContext context) => From(context.Evidence.Signature, VerificationCheck.Signature);

    /// <summary>A mechanism's finding as a check result.</summary>
    public static CheckResult From(Finding finding, VerificationCheck check) => finding.Status switch
    {
        FindingStatus.Passed => CheckResult.Pass(check, finding.Detail),
        FindingStatus.Failed => CheckResult.Fail(check, finding.Code!, finding.Detail),
        _ => CheckResult.Skip(check, finding.Code!, finding.Detail),
    };

    /// <summary>
    /// The <c>signature</c> check of a presentation secured with Data Integrity: every proof verifies; one has purpose
    /// <c>authentication</c>, with a key its controller lists under <c>authentication</c>; its <c>challenge</c> and
    /// <c>domain</c> are those the verifier asked for (present when asked).
    /// </summary>
    /// <param name="evidence">The presentation's evidence.</param>
    /// <param name="options">The verifier's options.</param>
    /// <returns>The check and the holder's proof.</returns>
    public static (CheckResult Result, KeyEvidence? HolderProof) HolderProof(SecuringEvidence evidence, VerificationOptions options)
    {
        var proofs = evidence.Keys;
        if (proofs.Count == 0)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, "signature.missing", "The presentation has no proof: the holder did not sign it."), null);
        }

        var failed = proofs.FirstOrDefault(p => !p.Verified);
        if (failed is not null)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, failed.Problem?.Code ?? "signature.invalid", Redact(failed.Problem?.Message ?? "A proof of the presentation does not verify.", failed.NamedMethod)), failed);
        }

        var holderProof = proofs.FirstOrDefault(p => p.Purpose == Presentations.AuthenticationPurpose);
        if (holderProof is null)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, "signature.wrongPurpose", $"No proof of the presentation has purpose authentication (found: {string.Join(", ", proofs.Select(p => p.Purpose ?? "none").Distinct())})."), proofs[0]);
        }

        if (!holderProof.Resolved || !holderProof.AuthorizedForPurpose)
        {
            return (CheckResult.Fail(VerificationCheck.Signature, "signature.notAuthenticationMethod", "The key that signed the presentation is not listed under authentication by its controller, so it cannot authenticate the holder."), holderProof);
        }

        if (ChallengeRequired(options) is { } required)
        {
            return (required, holderProof);
        }

        if (options.Challenge is { } challenge)
        {
            if (holderProof.Challenge is not { } given)
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
            if (holderProof.Domains.Count == 0)
            {
                return (CheckResult.Fail(VerificationCheck.Signature, "signature.missingDomain", "The verifier asked for a domain, but the presentation's proof names none."), holderProof);
            }

            if (!holderProof.Domains.Contains(domain, StringComparer.Ordinal))
            {
                return (CheckResult.Fail(VerificationCheck.Signature, "signature.domainMismatch", "The proof's domain is not the verifier's: the presentation was made for another verifier."), holderProof);
            }
        }

        var bound = (options.Challenge, options.Domain) switch
        {
            (not null, not null) => ", challenge and domain as asked",
            (not null, null) => ", challenge as asked (no domain was asked)",
            (null, not null) => ", domain as asked (no challenge was asked: replay is not prevented; the caller opted out)",
            _ => " (no challenge or domain was asked: replay is not prevented; the caller opted out)",
        };
        return (CheckResult.Pass(VerificationCheck.Signature, $"The holder's {holderProof.Algorithm} proof verifies, purpose authentication with a key listed under authentication{bound}."), holderProof);
    }

    /// <summary>
    /// The holder's securing of a presentation token (vp+jwt): its signature, that the key is listed under
    /// <c>authentication</c>, that <c>iss</c> is the holder, the <c>nonce</c> and <c>aud</c> the verifier asked for, and
    /// the token's lifetime — together the presentation's <c>signature</c> check.
    /// </summary>
    /// <param name="evidence">The token's evidence (readable).</param>
    /// <param name="options">The verifier's options.</param>
    /// <returns>The presentation's <c>signature</c> check.</returns>
    public static CheckResult HolderToken(SecuringEvidence evidence, VerificationOptions options)
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
        if (ChallengeRequired(options) is { } required)
        {
            problems.Add(new Problem(required.Code!, required.Detail));
        }

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

        return problems.Count == 0
            ? CheckResult.Pass(VerificationCheck.Signature, evidence.Signature.Detail)
            : CheckResult.Fail(VerificationCheck.Signature, problems[0].Code, string.Join(" ", problems.Select(p => p.Message)));
    }

    /// <summary>A presentation needs the verifier's challenge unless the caller opted out: without one, a recorded presentation can be replayed.</summary>
    private static CheckResult? ChallengeRequired(VerificationOptions options) =>
        options.Challenge is null && !options.AllowPresentationWithoutChallenge
            ? CheckResult.Fail(VerificationCheck.Signature, "signature.challengeRequired", "No challenge was given to check the presentation against, so it could be a replay of one made for someone else: give the challenge you sent the holder (or opt out with AllowPresentationWithoutChallenge when the presentation is bound to the request otherwise).")
            : null;

    /// <summary>Keeps the holder's identifiers (personal data: the learner's DID) out of a proof failure's message.</summary>
    private static string Redact(string message, string? verificationMethod)
    {
        if (verificationMethod is { Length: > 0 } vm)
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

}
