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
        if (context.Options.ExpectedLearner is { } expected)
        {
            return identifiers.Contains(expected, StringComparer.Ordinal)
                ? CheckResult.Pass(VerificationCheck.Learner, "The credential subject is the expected learner.")
                : CheckResult.Fail(VerificationCheck.Learner, "learner.mismatch", identifiers.Count == 0
                    ? "The credential subject has no identifier, so it cannot be the expected learner."
                    : "The credential subject is not the expected learner (neither its id nor any of its identifiers match).");
        }

        if (identifiers.Count == 0 && !named && context.Options.RequireIdentifiedLearner)
        {
            return CheckResult.Fail(VerificationCheck.Learner, "learner.notIdentified", "The credential subject has no identifier and no name: the learner is not identified.");
        }

        return CheckResult.Pass(VerificationCheck.Learner, Describe(subjects) + " No expected learner was given to compare with.");
    }

    /// <summary>What identifies the learner, in words (never the identifiers themselves: they are personal data).</summary>
    private static string Describe(IReadOnlyList<SubjectView> subjects)
    {
        var ids = subjects.Where(s => s.Id is not null).Select(s => s.Id!).ToList();
        var others = subjects.Sum(s => s.Identifiers.Count);
        var parts = new List<string>();
        if (ids.Count > 0)
        {
            parts.Add(ids.All(i => i.StartsWith("did:", StringComparison.Ordinal)) ? "its id, a DID" : "its id");
        }

        if (others > 0)
        {
            parts.Add(others == 1 ? "an identifier (such as an identity hash or a national ID)" : $"{others} identifiers (such as identity hashes or national IDs)");
        }

        if (subjects.Any(s => s.Named))
        {
            parts.Add("a name");
        }

        return parts.Count == 0
            ? "Nothing identifies the learner (no id, identifier or name, as Open Badges 3.0 allows): the credential is about whoever holds it."
            : "The learner is identified by " + string.Join(" and ", parts) + ".";
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
