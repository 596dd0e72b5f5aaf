namespace MicroCredentials.VC.Verification.Checks;

/// <summary>
/// The <c>issuer</c> check: the signing key is bound to the credential's issuer — the verification method's
/// controller is the issuer and lists it under <c>assertionMethod</c>; a token's <c>iss</c> names the issuer; an
/// e-seal's certificate vouches for the issuer's legal identifier.
/// </summary>
internal static class IssuerCheck
{
    private const string AssertionMethod = "assertionMethod";

    public static CheckResult Run(VerificationContext context)
    {
        var evidence = context.Evidence;
        var issuer = context.Issuer;
        if (evidence.IssuerBinding is { } seal)
        {
            return SignatureCheck.From(seal, VerificationCheck.Issuer);
        }

        if (issuer is null)
        {
            return CheckResult.Fail(VerificationCheck.Issuer, "issuer.missing", "The credential names no issuer.");
        }

        // VC-JOSE-COSE §3.1.1 / §7.1.1: iss, when present, must be the issuer (or issuer.id).
        if (evidence.HasIssuerClaim && !string.Equals(evidence.IssuerClaim, issuer, StringComparison.Ordinal))
        {
            return CheckResult.Fail(VerificationCheck.Issuer, "issuer.issMismatch", $"The token's iss claim is not the credential's issuer {issuer}.");
        }

        var assertions = evidence.Keys.Where(k => k.Purpose == AssertionMethod).ToList();
        if (assertions.Count == 0)
        {
            return evidence.SignsBytes
                ? CheckResult.Fail(VerificationCheck.Issuer, "issuer.keyUnresolved", "The signing key could not be resolved, so it cannot be bound to the issuer.")
                : CheckResult.Fail(VerificationCheck.Issuer, "issuer.noAssertionProof", "No proof with purpose assertionMethod binds a key to the issuer.");
        }

        foreach (var key in assertions)
        {
            if (!key.Resolved)
            {
                return CheckResult.Fail(VerificationCheck.Issuer, "issuer.keyUnresolved", evidence.SignsBytes
                    ? "The signing key could not be resolved, so it cannot be bound to the issuer."
                    : "The proof's verification method could not be resolved, so it cannot be bound to the issuer.");
            }

            if (!string.Equals(key.Controller, issuer, StringComparison.Ordinal))
            {
                return CheckResult.Fail(VerificationCheck.Issuer, "issuer.controllerMismatch", $"The key {key.VerificationMethod} is controlled by {key.Controller}, not by the issuer {issuer}.");
            }

            if (!key.AuthorizedForPurpose)
            {
                return CheckResult.Fail(VerificationCheck.Issuer, "issuer.notAssertionMethod", evidence.SignsBytes
                    ? $"The issuer's controller document does not list {key.VerificationMethod} under assertionMethod."
                    : $"The issuer's DID document does not list {key.VerificationMethod} under assertionMethod.");
            }
        }

        return CheckResult.Pass(VerificationCheck.Issuer, $"The signing key is the issuer's ({issuer}), listed under assertionMethod.");
    }

    /// <summary>The <c>issuer</c> check of a presentation: the key that signed it is controlled by its holder.</summary>
    public static CheckResult Holder(string? holder, string? controller, CheckResult signature)
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

}
