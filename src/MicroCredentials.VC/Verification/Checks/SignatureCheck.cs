using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>The <c>signature</c> check: what the securing mechanism found of its proofs, seal or JWS.</summary>
internal static class SignatureCheck
{
    public static CheckResult Run(VerificationContext context) => From(context.Evidence.Signature, VerificationCheck.Signature);

    /// <summary>A mechanism's finding as a check result.</summary>
    public static CheckResult From(Finding finding, VerificationCheck check) => finding.Status switch
    {
        FindingStatus.Passed => CheckResult.Pass(check, finding.Detail),
        FindingStatus.Failed => CheckResult.Fail(check, finding.Code ?? check.ToString().ToLowerInvariant() + ".failed", finding.Detail),
        _ => CheckResult.Skip(check, finding.Code ?? "notChecked", finding.Detail),
    };
}
