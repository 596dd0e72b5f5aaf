using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>The <c>expiry</c> check: the envelope's <c>exp</c> and the credential's <c>validUntil</c> / <c>expirationDate</c> (from the signed view) have not passed.</summary>
internal static class ExpiryCheck
{
    public static CheckResult Run(VerificationContext context)
    {
        var now = context.Now;
        var skew = context.Skew;
        if (context.Evidence.NotAfter is { } exp && exp < now - skew)
        {
            return CheckResult.Fail(VerificationCheck.Expiry, "expiry.expired", $"The token expired on {XsdDateTime.Format(exp)} (exp).");
        }

        var view = context.View;
        var (field, text) = view.ValidUntil is not null ? ("validUntil", view.ValidUntil) : view.ExpirationDate is not null ? ("expirationDate", view.ExpirationDate) : (null, null);
        if (field is null)
        {
            return CheckResult.Pass(VerificationCheck.Expiry, "The credential does not expire.");
        }

        if (!XsdDateTime.TryParse(text, out var until))
        {
            return CheckResult.Fail(VerificationCheck.Expiry, "expiry.invalid", $"{field} is not an XML Schema dateTime with a time zone.");
        }

        return until < now - skew
            ? CheckResult.Fail(VerificationCheck.Expiry, "expiry.expired", $"The credential expired on {XsdDateTime.Format(until)}.")
            : CheckResult.Pass(VerificationCheck.Expiry, $"Valid until {XsdDateTime.Format(until)}.");
    }

    /// <summary>When the credential expires, by its signed view.</summary>
    public static DateTimeOffset? Until(CredentialView view) =>
        XsdDateTime.TryParse(view.ValidUntil, out var u) ? u : XsdDateTime.TryParse(view.ExpirationDate, out var e) ? e : null;
}
