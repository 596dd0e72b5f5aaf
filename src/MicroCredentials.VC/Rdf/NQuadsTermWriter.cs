using System.Buffers;
using System.Text;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// Writes RDF terms in canonical N-Quads form (RDFC-1.0 §4.3 "Canonical N-Quads", after RDF 1.2 N-Triples §4.1
/// canonical form): IRIs between angle brackets, unescaped; in literals BS, HT, LF, FF, CR, <c>"</c> and
/// <c>\</c> as ECHAR (<c>\b \t \n \f \r \" \\</c>), U+0000–U+0007, U+000B, U+000E–U+001F and U+007F as UCHAR with
/// upper-case hex (<c>\u000B</c>), every other character as itself; <c>^^&lt;datatype&gt;</c> omitted for
/// <c>xsd:string</c>; language tags written as given.
/// </summary>
internal static class NQuadsTermWriter
{
    /// <summary>Characters that a canonical literal never holds unescaped.</summary>
    private static readonly SearchValues<char> LiteralSpecials = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\"\\\u007F");

    private const string UpperHex = "0123456789ABCDEF";

    /// <summary>Writes a whole quad line, ending in <c>" .\n"</c>.</summary>
    public static void WriteQuad(Quad quad, ByteBuffer output)
    {
        WriteTerm(quad.Subject, output);
        output.Add((byte)' ');
        WriteTerm(quad.Predicate, output);
        output.Add((byte)' ');
        WriteTerm(quad.Object, output);
        if (quad.Graph is { } graph)
        {
            output.Add((byte)' ');
            WriteTerm(graph, output);
        }

        output.Add(" .\n"u8);
    }

    /// <summary>Writes a whole quad line, ending in <c>" .\n"</c>.</summary>
    public static void WriteQuad(Quad quad, StringBuilder output)
    {
        WriteTerm(quad.Subject, output);
        output.Append(' ');
        WriteTerm(quad.Predicate, output);
        output.Append(' ');
        WriteTerm(quad.Object, output);
        if (quad.Graph is { } graph)
        {
            output.Append(' ');
            WriteTerm(graph, output);
        }

        output.Append(" .\n");
    }

    public static void WriteTerm(RdfTerm term, ByteBuffer output)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                output.Add((byte)'<');
                output.AddUtf16(term.Value);
                output.Add((byte)'>');
                break;
            case RdfTermKind.BlankNode:
                output.Add("_:"u8);
                output.AddUtf16(term.Value);
                break;
            default:
                WriteLiteral(term, output);
                break;
        }
    }

    public static void WriteTerm(RdfTerm term, StringBuilder output)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                output.Append('<').Append(term.Value).Append('>');
                break;
            case RdfTermKind.BlankNode:
                output.Append("_:").Append(term.Value);
                break;
            default:
                WriteLiteral(term, output);
                break;
        }
    }

    private static void WriteLiteral(RdfTerm term, ByteBuffer output)
    {
        output.Add((byte)'"');
        ReadOnlySpan<char> rest = term.Value;
        while (true)
        {
            var i = rest.IndexOfAny(LiteralSpecials);
            if (i < 0)
            {
                output.AddUtf16(rest);
                break;
            }

            output.AddUtf16(rest[..i]);
            var span = output.GetSpan(6);
            output.Advance(Escape(rest[i], span));
            rest = rest[(i + 1)..];
        }

        output.Add((byte)'"');
        if (term.Language is { } language)
        {
            output.Add((byte)'@');
            output.AddUtf16(language);
        }
        else if (term.Datatype is { } datatype && datatype != RdfTerm.XsdString)
        {
            output.Add("^^<"u8);
            output.AddUtf16(datatype);
            output.Add((byte)'>');
        }
    }

    private static void WriteLiteral(RdfTerm term, StringBuilder output)
    {
        output.Append('"');
        ReadOnlySpan<char> rest = term.Value;
        Span<byte> escape = stackalloc byte[6];
        while (true)
        {
            var i = rest.IndexOfAny(LiteralSpecials);
            if (i < 0)
            {
                output.Append(rest);
                break;
            }

            output.Append(rest[..i]);
            var n = Escape(rest[i], escape);
            for (var k = 0; k < n; k++)
            {
                output.Append((char)escape[k]);
            }

            rest = rest[(i + 1)..];
        }

        output.Append('"');
        if (term.Language is { } language)
        {
            output.Append('@').Append(language);
        }
        else if (term.Datatype is { } datatype && datatype != RdfTerm.XsdString)
        {
            output.Append("^^<").Append(datatype).Append('>');
        }
    }

    /// <summary>Writes the escape sequence of one special literal character (ASCII) and returns its length.</summary>
    private static int Escape(char c, Span<byte> dest)
    {
        dest[0] = (byte)'\\';
        byte echar = c switch
        {
            '\b' => (byte)'b',
            '\t' => (byte)'t',
            '\n' => (byte)'n',
            '\f' => (byte)'f',
            '\r' => (byte)'r',
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            _ => 0,
        };
        if (echar != 0)
        {
            dest[1] = echar;
            return 2;
        }

        dest[1] = (byte)'u';
        dest[2] = (byte)'0';
        dest[3] = (byte)'0';
        dest[4] = (byte)UpperHex[(c >> 4) & 0xF];
        dest[5] = (byte)UpperHex[c & 0xF];
        return 6;
    }
}
