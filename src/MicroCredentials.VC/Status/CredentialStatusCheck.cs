using System.Text.Json.Nodes;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Status;

/// <summary>The <c>status</c> check: revocation and suspension through the credential's status entries.</summary>
internal static class CredentialStatusCheck
{
    /// <summary>Checks the credential's status. Status lists are not read yet: a status entry makes the check skipped with a reason.</summary>
    public static ValueTask<CheckResult> CheckAsync(JsonObject credential, string? issuer, VerificationOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult(credential["credentialStatus"] is null
            ? CheckResult.Pass(VerificationCheck.Status, "The credential has no status entry: it cannot be revoked or suspended.")
            : CheckResult.Skip(VerificationCheck.Status, "status.notChecked", "The credential has a credentialStatus entry; status lists are not checked by this version yet."));
}
