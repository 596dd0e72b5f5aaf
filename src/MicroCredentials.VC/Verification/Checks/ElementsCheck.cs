using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>The <c>elements</c> check: every mandatory Council Recommendation element is present (counted only when the caller requires it).</summary>
internal static class ElementsCheck
{
    public static (CheckResult Result, MicroCredential? Model) Run(VerificationContext context)
    {
        var credential = context.Document;
        var require = context.Options.RequireMicroCredentialElements;
        if (!CredentialProfiles.TryDetect(credential, out var profile))
        {
            var detail = "The credential is not in a micro-credential profile this library reads (Europass EDC, Open Badges 3.0), so the Council Recommendation elements were not checked.";
            return (require
                ? CheckResult.Fail(VerificationCheck.Elements, "elements.unknownProfile", detail)
                : CheckResult.Skip(VerificationCheck.Elements, "elements.unknownProfile", detail), null);
        }

        var read = profile.FromCredential(credential);
        var missing = read.Model.Validate().Errors.Select(e => e.Element).ToList();
        if (missing.Count == 0)
        {
            return (CheckResult.Pass(VerificationCheck.Elements, $"Every mandatory element of the Council Recommendation is present ({profile.Name} profile)."), read.Model);
        }

        var text = "Missing or malformed: " + string.Join(", ", missing) + ".";
        return (require
            ? CheckResult.Fail(VerificationCheck.Elements, "elements.missing", text)
            : CheckResult.Skip(VerificationCheck.Elements, "elements.notRequired", text + " Not required by the caller."), read.Model);
    }
}
