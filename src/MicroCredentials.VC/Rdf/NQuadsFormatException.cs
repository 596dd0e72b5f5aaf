using System.Globalization;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// Thrown by <see cref="NQuads.Parse"/> when a document is not valid N-Quads (the grammar of RDF 1.1 N-Quads). The
/// message and the <see cref="Line"/> and <see cref="Column"/> properties locate the first error.
/// </summary>
public sealed class NQuadsFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">The 1-based line of the error.</param>
    /// <param name="column">The 1-based column of the error, in UTF-16 code units.</param>
    /// <param name="message">The message, which names the line and column.</param>
    public NQuadsFormatException(int line, int column, string message)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line of the first error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the first error, counted in UTF-16 code units.</summary>
    public int Column { get; }

    internal static NQuadsFormatException Syntax(int line, int column, string message) =>
        new(line, column, string.Format(CultureInfo.InvariantCulture, "Invalid N-Quads at line {0}, column {1}: {2}", line, column, message));
}
