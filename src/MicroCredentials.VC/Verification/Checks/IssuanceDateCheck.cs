using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>
/// The <c>issuanceDate</c> check: the envelope's <c>nbf</c> and the credential's <c>validFrom</c> / <c>issuanceDate</c>
/// (from the signed view) are not later than now plus the clock skew, and no signature claims to be made in the future
/// or after the credential expired.
/// </summary>
internal static class IssuanceDateCheck
{
    public static CheckResult Run(VerificationContext context)
    {
        var now = context.Now;
        var skew = context.Skew;
        if (context.Evidence.NotBefore is { } nbf && nbf > now + skew)
        {
            return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.notYetValid", $"The token is not valid before {XsdDateTime.Format(nbf)} (nbf), later than now ({XsdDateTime.Format(now)}).");
        }

        var view = context.View;
        var (field, text) = view.ValidFrom is not null ? ("validFrom", view.ValidFrom) : view.IssuanceDate is not null ? ("issuanceDate", view.IssuanceDate) : (null, null);
        DateTimeOffset? issued = null;
        if (field is null)
        {
            // VC 2.0 makes validFrom optional (§4.9); VC 1.1 requires issuanceDate.
            if (CredentialFormat.VersionOf(context.Document) != VcVersion.V2)
            {
                return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.missing", "The credential has neither validFrom nor issuanceDate (VC 1.1 requires issuanceDate).");
            }
        }
        else if (!XsdDateTime.TryParse(text, out var parsed))
        {
            return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.invalid", $"{field} is not an XML Schema dateTime with a time zone.");
        }
        else if (parsed > now + skew)
        {
            return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.future", $"{field} {XsdDateTime.Format(parsed)} is later than now ({XsdDateTime.Format(now)}): the credential is not valid yet.");
        }
        else
        {
            issued = parsed;
        }

        var until = ExpiryCheck.Until(view);
        foreach (var created in context.Evidence.SignedAt)
        {
            if (created > now + skew)
            {
                return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.proofInFuture", $"The proof was created {XsdDateTime.Format(created)}, later than now ({XsdDateTime.Format(now)}).");
            }

            if (until is { } u && created > u + skew)
            {
                return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.proofAfterExpiry", $"The proof was created {XsdDateTime.Format(created)}, after the credential expired ({XsdDateTime.Format(u)}).");
            }
        }

        return CheckResult.Pass(VerificationCheck.IssuanceDate, issued is { } from
            ? $"Valid from {XsdDateTime.Format(from)}."
            : "The credential states no validFrom (optional in VC 2.0), so it is valid from when it was issued.");
    }
}
