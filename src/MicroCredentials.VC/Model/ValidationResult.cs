namespace MicroCredentials.VC.Model;

/// <summary>How serious a validation problem is.</summary>
public enum ValidationSeverity
{
    /// <summary>The model cannot be issued as a micro-credential.</summary>
    Error,

    /// <summary>Doubtful but allowed (e.g. a workload that is no longer "micro").</summary>
    Warning,
}

/// <summary>One problem with a model element.</summary>
/// <param name="Element">The element's path in the model's JSON form, e.g. <c>learningOutcomes</c> or <c>workload.ects</c>.</param>
/// <param name="Code">A stable code, e.g. <c>MC1001</c>.</param>
/// <param name="Message">What is wrong, for a person; never contains the learner's personal data.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record ValidationProblem(string Element, string Code, string Message, ValidationSeverity Severity = ValidationSeverity.Error)
{
    /// <summary><c>element: message</c>.</summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString() => Element + ": " + Message;
}

/// <summary>The outcome of <see cref="MicroCredential.Validate"/>: every problem found.</summary>
/// <param name="Problems">Errors and warnings, in element order.</param>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>True when no problem is an error.</summary>
    public bool IsValid => !Problems.Any(p => p.Severity == ValidationSeverity.Error);

    /// <summary>The errors.</summary>
    public IEnumerable<ValidationProblem> Errors => Problems.Where(p => p.Severity == ValidationSeverity.Error);

    /// <summary>The warnings.</summary>
    public IEnumerable<ValidationProblem> Warnings => Problems.Where(p => p.Severity == ValidationSeverity.Warning);

    /// <summary>Every problem, one a line.</summary>
    /// <returns>The problems.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Problems);
}

/// <summary>Stable codes of model validation problems (MC1xxx).</summary>
public static class ModelCodes
{
    /// <summary>A mandatory element is missing.</summary>
    public const string Missing = "MC1001";

    /// <summary>A value is malformed or out of range.</summary>
    public const string Invalid = "MC1002";

    /// <summary>A value is allowed but doubtful.</summary>
    public const string Doubtful = "MC1003";

    /// <summary>Dates contradict each other.</summary>
    public const string DateOrder = "MC1004";
}
