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
}
