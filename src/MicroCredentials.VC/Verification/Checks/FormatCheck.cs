using MicroCredentials.VC.Credentials;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>The <c>format</c> check: the envelope's form first (a JWS <c>typ</c>, JWT claims), then the VC Data Model's structural rules (<see cref="CredentialFormat.Check"/>).</summary>
internal static class FormatCheck
{
    public static CheckResult Run(VerificationContext context)
    {
        var problems = CredentialFormat.Check(context.Document);
        var envelope = context.Evidence.EnvelopeProblems;
        if (envelope.Count > 0)
        {
            return CheckResult.Fail(VerificationCheck.Format, envelope[0].Code, string.Join(" ", [.. envelope.Select(p => p.Message), .. problems.Select(p => p.Message)]));
        }

        if (problems.Count > 0)
        {
            return CheckResult.Fail(VerificationCheck.Format, problems[0].Code, string.Join(" ", problems.Select(p => p.Message)));
        }

        var mechanism = context.Evidence.Mechanism;
        return CheckResult.Pass(VerificationCheck.Format, $"A well-formed VC {(CredentialFormat.VersionOf(context.Document) == VcVersion.V2 ? "2.0" : "1.1")} credential{(mechanism is "jades" or "vc+jwt" ? " (" + mechanism + ")" : string.Empty)}.");
    }
}
