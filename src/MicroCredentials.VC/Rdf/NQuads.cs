using System.Diagnostics.CodeAnalysis;
using System.Buffers;
using System.Text;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// Reads and writes N-Quads: the reader accepts the full RDF 1.1 N-Quads grammar (W3C Recommendation 2014, "N-Quads Grammar"),
/// the writer produces the canonical N-Quads form of RDFC-1.0 Appendix A ("A Canonical form of N-Quads"): one
/// quad a line, single spaces between terms, each line ending in <c>" .\n"</c>, IRIs unescaped, literals escaped
/// with exactly the ECHAR and UCHAR sequences the canonical form requires.
/// </summary>
/// <example>
/// <code>
/// IReadOnlyList&lt;Quad&gt; quads = NQuads.Parse("_:b0 &lt;http://schema.org/name&gt; \"Ada\" .\n");
/// string text = NQuads.Serialize(quads); // "_:b0 &lt;http://schema.org/name&gt; \"Ada\" .\n"
/// </code>
/// </example>
public static class NQuads
{
    /// <summary>Parses an N-Quads document.</summary>
    /// <param name="nquads">The document: statements separated by line breaks; comments and blank lines allowed.</param>
    /// <returns>The quads in document order (duplicates kept, as written).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nquads"/> is <see langword="null"/>.</exception>
    /// <exception cref="NQuadsFormatException">The document is not valid N-Quads; the message names the line and column.</exception>
    public static IReadOnlyList<Quad> Parse(string nquads)
    {
        if (nquads is null)
        {
            throw Error.ArgumentNull(nameof(nquads));
        }

        var reader = new NQuadsReader(nquads);
        var quads = new List<Quad>();
        if (!reader.TryRead(quads))
        {
            throw NQuadsFormatException.Syntax(reader.ErrorLine, reader.ErrorColumn, reader.ErrorMessage!);
        }

        return quads;
    }

    /// <summary>The code of a <see cref="TryParse"/> failure: the document is not valid N-Quads.</summary>
    public const string SyntaxErrorCode = "nquads.syntax";

    /// <summary>Parses an N-Quads document without throwing on bad input.</summary>
    /// <param name="nquads">The document.</param>
    /// <param name="quads">The quads in document order, or <see langword="null"/> when the document is invalid.</param>
    /// <param name="problem">
    /// <see langword="null"/> on success; otherwise code <see cref="SyntaxErrorCode"/> and a message naming the line
    /// and column of the first error, e.g. <c>Invalid N-Quads at line 3, column 17: expected '.'</c>.
    /// </param>
    /// <returns><see langword="true"/> when the document is valid N-Quads.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nquads"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string nquads, [NotNullWhen(true)] out IReadOnlyList<Quad>? quads, [NotNullWhen(false)] out Problem? problem)
    {
        if (nquads is null)
        {
            throw Error.ArgumentNull(nameof(nquads));
        }

        var reader = new NQuadsReader(nquads);
        var list = new List<Quad>();
        if (!reader.TryRead(list))
        {
            quads = null;
            problem = new Problem(SyntaxErrorCode, NQuadsFormatException.Syntax(reader.ErrorLine, reader.ErrorColumn, reader.ErrorMessage!).Message);
            return false;
        }

        quads = list;
        problem = null;
        return true;
    }

    /// <summary>
    /// Serializes quads in canonical N-Quads form, one line per quad in the order given (neither sorted nor
    /// deduplicated; <see cref="Rdfc10.Canonicalize"/> does both).
    /// </summary>
    /// <param name="quads">The quads.</param>
    /// <returns>The document; every line, the last included, ends in <c>"\n"</c>. Empty for no quads.</returns>
    /// <remarks>
    /// As the canonical form requires, IRIs and blank node labels are written as they are, never escaped: an IRI
    /// holding characters N-Quads does not allow in one (space, <c>&lt;</c>, <c>&gt;</c>, …) yields a line that
    /// <see cref="Parse"/> rejects.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="quads"/> or one of its quads is <see langword="null"/>.</exception>
    public static string Serialize(IEnumerable<Quad> quads)
    {
        if (quads is null)
        {
            throw Error.ArgumentNull(nameof(quads));
        }

        var sb = new StringBuilder();
        foreach (var quad in quads)
        {
            WriteQuad(quad, sb);
        }

        return sb.ToString();
    }

    /// <summary>Appends one quad in canonical N-Quads form, ending in <c>" .\n"</c>.</summary>
    /// <param name="quad">The quad.</param>
    /// <param name="output">Where to append the line.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteQuad(Quad quad, StringBuilder output)
    {
        if (quad is null)
        {
            throw Error.ArgumentNull(nameof(quad));
        }

        if (output is null)
        {
            throw Error.ArgumentNull(nameof(output));
        }

        NQuadsTermWriter.WriteQuad(quad, output);
    }

    /// <summary>Writes one quad in canonical N-Quads form, UTF-8 encoded, ending in <c>" .\n"</c>.</summary>
    /// <param name="quad">The quad.</param>
    /// <param name="output">Where to write the UTF-8 bytes. Unpaired surrogates are written as U+FFFD.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteQuad(Quad quad, IBufferWriter<byte> output)
    {
        if (quad is null)
        {
            throw Error.ArgumentNull(nameof(quad));
        }

        if (output is null)
        {
            throw Error.ArgumentNull(nameof(output));
        }

        if (output is ByteBuffer own)
        {
            NQuadsTermWriter.WriteQuad(quad, own);
            return;
        }

        using var buffer = new ByteBuffer(256);
        NQuadsTermWriter.WriteQuad(quad, buffer);
        var written = buffer.WrittenSpan;
        written.CopyTo(output.GetSpan(written.Length));
        output.Advance(written.Length);
    }
}
