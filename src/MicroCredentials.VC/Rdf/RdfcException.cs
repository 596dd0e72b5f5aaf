using System.Globalization;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// Thrown when RDFC-1.0 canonicalization (W3C Recommendation, 21 May 2024) has to give up on a dataset. The only
/// case is the resource limit that §4.8 ("Hash N-Degree Quads") asks implementations to enforce against poison
/// graphs: <see cref="Code"/> is then <see cref="WorkLimitExceededCode"/>.
/// </summary>
public sealed class RdfcException : Exception
{
    /// <summary>The code of the work-limit failure: <c>"work limit exceeded"</c>.</summary>
    public const string WorkLimitExceededCode = "work limit exceeded";

    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable code, e.g. <see cref="WorkLimitExceededCode"/>.</param>
    /// <param name="message">A message a person understands.</param>
    public RdfcException(string code, string message)
        : base(message) => Code = code;

    /// <summary>A stable code naming why canonicalization stopped, e.g. <see cref="WorkLimitExceededCode"/>.</summary>
    public string Code { get; }

    internal static RdfcException WorkLimitExceeded(long limit) =>
        new(WorkLimitExceededCode, string.Format(CultureInfo.InvariantCulture,
            "RDFC-1.0 canonicalization exceeded its work limit of {0} steps (Hash N-Degree Quads calls and permutations); the dataset is too complex or deliberately hostile (poison graph).", limit));
}
