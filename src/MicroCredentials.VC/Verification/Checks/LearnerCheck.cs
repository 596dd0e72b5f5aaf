using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>The <c>learner</c> check: the credential subject is identified (from the signed view) and, when the caller names one, is the expected learner.</summary>
internal static class LearnerCheck
{
    public static CheckResult Run(VerificationContext context)
    {
        var subjects = context.View.Subjects;
        if (subjects.Count == 0)
        {
            return CheckResult.Fail(VerificationCheck.Learner, "learner.missing", "The credential has no credential subject.");
        }

        var identifiers = subjects.SelectMany(s => s.AllIdentifiers).ToList();
        var named = subjects.Any(s => s.Named);
        if (identifiers.Count == 0 && !named)
        {
            return CheckResult.Fail(VerificationCheck.Learner, "learner.notIdentified", "The credential subject has no identifier and no name: the learner is not identified.");
        }

        if (context.Options.ExpectedLearner is { } expected)
        {
            return identifiers.Contains(expected, StringComparer.Ordinal)
                ? CheckResult.Pass(VerificationCheck.Learner, "The credential subject is the expected learner.")
                : CheckResult.Fail(VerificationCheck.Learner, "learner.mismatch", "The credential subject is not the expected learner (neither its id nor any of its identifiers match).");
        }

        return CheckResult.Pass(VerificationCheck.Learner, identifiers.Count > 0
            ? "The learner is identified by an identifier; no expected learner was given to compare with."
            : "The learner is identified by name only; no expected learner was given to compare with.");
    }

    /// <summary>
    /// The <c>learner</c> check of a presentation: the holder (the controller of the key that made the verified
    /// proof) is the subject of every credential inside, i.e. each credential subject's <c>id</c> is the holder's DID.
    /// A subject without an id cannot be bound to the holder and fails. With <see cref="VerificationOptions.ExpectedLearner"/>,
    /// the holder must also be that learner.
    /// </summary>
    public static CheckResult Holder(string? controller, List<VerificationReport> reports, IReadOnlyList<JsonNode> entries, VerificationOptions options)
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
            var view = reports[i].View ?? (entries[i] is JsonObject entry ? CredentialView.FromJson(entry) : null);
            if (view is null)
            {
                return CheckResult.Fail(VerificationCheck.Learner, "learner.unreadableCredential", $"Credential {i} could not be read, so its subject cannot be bound to the holder.");
            }

            if (view.Subjects.Count == 0)
            {
                return CheckResult.Fail(VerificationCheck.Learner, "learner.missing", $"Credential {i} has no credential subject.");
            }

            foreach (var subject in view.Subjects)
            {
                if (subject.Id is not { } id)
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

    private static string Plural(int count, string noun) => count == 1 ? "1 " + noun : $"{count} {noun}s";
}
