using System.Text.Json.Nodes;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Trust;

/// <summary>The <c>accreditation</c> check: the issuer in the caller's trust registry.</summary>
internal static class AccreditationCheck
{
    /// <summary>Checks the issuer against the trust registry. No registry can be given yet: skipped with a reason.</summary>
    public static ValueTask<CheckResult> CheckAsync(JsonObject credential, string? issuer, SecuringOutcome outcome, VerificationOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.Skip(VerificationCheck.Accreditation, "accreditation.noTrustRegistry", "No trust registry was given, so the issuer's accreditation was not checked."));
}
