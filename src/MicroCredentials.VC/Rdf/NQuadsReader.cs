using System.Buffers;
using System.Text;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// A single-pass N-Quads reader for the grammar of RDF 1.1 N-Quads ("N-Quads Grammar", W3C Recommendation 2014): statements of
/// subject, predicate, object and optional graph label, <c>#</c> comments, blank lines, ECHAR and UCHAR escapes.
/// IRIs must be absolute (carry a scheme). Reports the first error with its 1-based line and column (column in
/// UTF-16 code units).
/// </summary>
internal sealed class NQuadsReader
{
    /// <summary>ASCII characters that end an IRIREF or are not allowed in one.</summary>
    private static readonly SearchValues<char> IriStops = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        " <>\"{}|^`\\");

    /// <summary>Characters that end or interrupt the plain run of a string literal.</summary>
    private static readonly SearchValues<char> LiteralStops = SearchValues.Create("\"\\\n\r");

    private readonly string _text;
    private readonly Dictionary<string, RdfTerm> _iris = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdfTerm>.AlternateLookup<ReadOnlySpan<char>> _irisBySpan;
    private readonly Dictionary<string, RdfTerm> _blanks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdfTerm>.AlternateLookup<ReadOnlySpan<char>> _blanksBySpan;
    private StringBuilder? _scratch;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public NQuadsReader(string text)
    {
        _text = text;
        _irisBySpan = _iris.GetAlternateLookup<ReadOnlySpan<char>>();
        _blanksBySpan = _blanks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string? ErrorMessage { get; private set; }

    public int ErrorLine { get; private set; }

    public int ErrorColumn { get; private set; }

    /// <summary>Reads the whole document; on failure returns false with <see cref="ErrorMessage"/> set.</summary>
    public bool TryRead(List<Quad> quads)
    {
        var text = _text;
        while (true)
        {
            SkipSpaces();
            if (_pos >= text.Length)
            {
                return true;
            }

            var c = text[_pos];
            if (c is '\n' or '\r')
            {
                NewLine();
                continue;
            }

            if (c == '#')
            {
                SkipComment();
                continue;
            }

            if (!TryReadStatement(out var quad))
            {
                return false;
            }

            quads.Add(quad);
            SkipSpaces();
            if (_pos < text.Length && text[_pos] == '#')
            {
                SkipComment();
            }

            if (_pos < text.Length && text[_pos] is not ('\n' or '\r'))
            {
                return Fail("expected the end of the line after '.'");
            }
        }
    }

    private bool TryReadStatement(out Quad quad)
    {
        quad = null!;
        if (!TryReadTerm(allowLiteral: false, "expected a subject (an IRI or a blank node)", out var subject))
        {
            return false;
        }

        SkipSpaces();
        if (Peek() != '<')
        {
            return Fail("expected a predicate (an IRI)");
        }

        if (!TryReadIri(out var predicate))
        {
            return false;
        }

        SkipSpaces();
        if (!TryReadTerm(allowLiteral: true, "expected an object (an IRI, a blank node or a literal)", out var obj))
        {
            return false;
        }

        SkipSpaces();
        RdfTerm? graph = null;
        if (Peek() is '<' or '_')
        {
            if (!TryReadTerm(allowLiteral: false, string.Empty, out graph))
            {
                return false;
            }

            SkipSpaces();
        }

        if (Peek() != '.')
        {
            return Fail(graph is null ? "expected a graph label or '.'" : "expected '.'");
        }

        _pos++;
        quad = new Quad(subject, predicate, obj, graph);
        return true;
    }

    /// <summary>Reads an IRI, a blank node or (when allowed) a literal at the current position.</summary>
    private bool TryReadTerm(bool allowLiteral, string expected, out RdfTerm term)
    {
        switch (Peek())
        {
            case '<':
                return TryReadIri(out term);
            case '_':
                return TryReadBlank(out term);
            case '"' when allowLiteral:
                return TryReadLiteral(out term);
            default:
                term = null!;
                return Fail(expected);
        }
    }

    private bool TryReadIri(out RdfTerm term)
    {
        term = null!;
        var text = _text;
        var start = ++_pos; // after '<'
        var i = start;
        var escaped = false;

        // Fast path: jump to the first ASCII character that ends or breaks the IRI, then check for surrogates.
        var stop = text.AsSpan(start).IndexOfAny(IriStops);
        if (stop >= 0 && text[start + stop] == '>' && !text.AsSpan(start, stop).ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            i = start + stop;
        }

        while (true)
        {
            if (i >= text.Length)
            {
                _pos = i;
                return Fail("unterminated IRI");
            }

            var c = text[i];
            if (c == '>')
            {
                break;
            }

            if (c == '\\')
            {
                escaped = true;
                break;
            }

            if (!IsIriChar(c))
            {
                _pos = i;
                return Fail(IriCharMessage(c));
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    _pos = i;
                    return Fail("unpaired surrogate in IRI");
                }

                i++;
            }

            i++;
        }

        string value;
        if (!escaped)
        {
            var span = text.AsSpan(start, i - start);
            _pos = i + 1;
            if (_irisBySpan.TryGetValue(span, out var cached))
            {
                term = cached;
                return true;
            }

            value = span.ToString();
        }
        else
        {
            var sb = Scratch();
            sb.Append(text, start, i - start);
            _pos = i;
            while (true)
            {
                if (_pos >= text.Length)
                {
                    return Fail("unterminated IRI");
                }

                var c = text[_pos];
                if (c == '>')
                {
                    _pos++;
                    break;
                }

                if (c == '\\')
                {
                    var escapeStart = _pos;
                    if (!TryReadUchar(sb, allowEchar: false))
                    {
                        return false;
                    }

                    // The unescaped IRI must still be a valid IRIREF character sequence.
                    var last = sb[^1];
                    if (!char.IsSurrogate(last) && !IsIriChar(last))
                    {
                        _pos = escapeStart;
                        return Fail("the escape sequence encodes a character not allowed in an IRI");
                    }

                    continue;
                }

                if (!IsIriChar(c))
                {
                    return Fail(IriCharMessage(c));
                }

                if (char.IsSurrogate(c))
                {
                    if (!char.IsHighSurrogate(c) || _pos + 1 >= text.Length || !char.IsLowSurrogate(text[_pos + 1]))
                    {
                        return Fail("unpaired surrogate in IRI");
                    }

                    sb.Append(c);
                    _pos++;
                    c = text[_pos];
                }

                sb.Append(c);
                _pos++;
            }

            value = sb.ToString();
            if (_iris.TryGetValue(value, out var cached))
            {
                term = cached;
                return true;
            }
        }

        if (!HasScheme(value))
        {
            _pos = start - 1;
            return Fail("relative IRI: N-Quads requires absolute IRIs");
        }

        term = RdfTerm.Iri(value);
        _iris[value] = term;
        return true;
    }

    private bool TryReadBlank(out RdfTerm term)
    {
        term = null!;
        var text = _text;
        if (_pos + 1 >= text.Length || text[_pos + 1] != ':')
        {
            return Fail("expected '_:' to start a blank node label");
        }

        var start = _pos + 2;
        var i = start;
        var first = true;
        var lastNonDot = start;
        while (i < text.Length)
        {
            var c = text[i];
            int cp;
            var width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(c, text[i + 1]);
                width = 2;
            }
            else
            {
                cp = c;
            }

            if (first)
            {
                if (!IsPnCharsU(cp) && cp is not (>= '0' and <= '9'))
                {
                    break;
                }

                first = false;
            }
            else if (cp != '.' && !IsPnChars(cp))
            {
                break;
            }

            i += width;
            if (cp != '.')
            {
                lastNonDot = i;
            }
        }

        if (first)
        {
            _pos = start;
            return Fail("empty or invalid blank node label");
        }

        // A label never ends with '.': a trailing dot ends the statement instead.
        _pos = lastNonDot;
        var span = text.AsSpan(start, lastNonDot - start);
        if (!_blanksBySpan.TryGetValue(span, out var cached))
        {
            var label = span.ToString();
            cached = RdfTerm.Blank(label);
            _blanks[label] = cached;
        }

        term = cached;
        return true;
    }

    private bool TryReadLiteral(out RdfTerm term)
    {
        term = null!;
        var text = _text;
        var start = ++_pos; // after '"'
        var i = start;
        string lexical;
        var stop = text.AsSpan(start).IndexOfAny(LiteralStops);
        i = stop < 0 ? text.Length : start + stop;
        if (text.AsSpan(start, i - start).ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            i = start; // let the careful loop below check the surrogate pairs
        }

        if (i < text.Length && text[i] == '"')
        {
            lexical = text.Substring(start, i - start);
            _pos = i + 1;
        }
        else
        {
            var sb = Scratch();
            sb.Append(text, start, i - start);
            _pos = i;
            while (true)
            {
                if (_pos >= text.Length)
                {
                    return Fail("unterminated string literal");
                }

                var c = text[_pos];
                if (c == '"')
                {
                    _pos++;
                    break;
                }

                if (c is '\n' or '\r')
                {
                    return Fail("line break inside a string literal (write it as \\n or \\r)");
                }

                if (c == '\\')
                {
                    if (!TryReadUchar(sb, allowEchar: true))
                    {
                        return false;
                    }

                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    if (!char.IsHighSurrogate(c) || _pos + 1 >= text.Length || !char.IsLowSurrogate(text[_pos + 1]))
                    {
                        return Fail("unpaired surrogate in string literal");
                    }

                    sb.Append(c);
                    _pos++;
                    c = text[_pos];
                }

                sb.Append(c);
                _pos++;
            }

            lexical = sb.ToString();
        }

        var next = Peek();
        if (next == '@')
        {
            var tagStart = ++_pos;
            var n = 0;
            while (_pos < text.Length && char.IsAsciiLetter(text[_pos]))
            {
                _pos++;
                n++;
            }

            if (n == 0)
            {
                return Fail("empty language tag");
            }

            while (_pos < text.Length && text[_pos] == '-')
            {
                _pos++;
                n = 0;
                while (_pos < text.Length && char.IsAsciiLetterOrDigit(text[_pos]))
                {
                    _pos++;
                    n++;
                }

                if (n == 0)
                {
                    return Fail("empty language tag subtag");
                }
            }

            term = RdfTerm.Literal(lexical, language: text.Substring(tagStart, _pos - tagStart));
            return true;
        }

        if (next == '^')
        {
            if (_pos + 1 >= text.Length || text[_pos + 1] != '^')
            {
                return Fail("expected '^^' before a datatype IRI");
            }

            _pos += 2;
            if (Peek() != '<')
            {
                return Fail("expected a datatype IRI after '^^'");
            }

            if (!TryReadIri(out var datatype))
            {
                return false;
            }

            term = RdfTerm.Literal(lexical, datatype.Value);
            return true;
        }

        term = RdfTerm.Literal(lexical);
        return true;
    }

    /// <summary>Reads an escape sequence at <see cref="_pos"/> (a backslash) and appends what it encodes.</summary>
    private bool TryReadUchar(StringBuilder sb, bool allowEchar)
    {
        var text = _text;
        if (_pos + 1 >= text.Length)
        {
            return Fail("incomplete escape sequence");
        }

        var kind = text[_pos + 1];
        int digits;
        switch (kind)
        {
            case 'u':
                digits = 4;
                break;
            case 'U':
                digits = 8;
                break;
            default:
                if (allowEchar)
                {
                    char? decoded = kind switch
                    {
                        't' => '\t',
                        'b' => '\b',
                        'n' => '\n',
                        'r' => '\r',
                        'f' => '\f',
                        '"' => '"',
                        '\'' => '\'',
                        '\\' => '\\',
                        _ => null,
                    };
                    if (decoded is { } d)
                    {
                        sb.Append(d);
                        _pos += 2;
                        return true;
                    }
                }

                return Fail(allowEchar ? "invalid escape sequence" : "only \\u and \\U escapes are allowed in IRIs");
        }

        if (_pos + 2 + digits > text.Length)
        {
            return Fail("incomplete \\" + kind + " escape sequence");
        }

        var value = 0;
        for (var k = 0; k < digits; k++)
        {
            var h = text[_pos + 2 + k];
            int v = h switch
            {
                >= '0' and <= '9' => h - '0',
                >= 'a' and <= 'f' => h - 'a' + 10,
                >= 'A' and <= 'F' => h - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                return Fail("invalid hex digit in \\" + kind + " escape sequence");
            }

            value = unchecked((value << 4) | v);
        }

        if (!Rune.IsValid(value))
        {
            return Fail("the escape sequence does not encode a Unicode scalar value");
        }

        var rune = new Rune(value);
        Span<char> chars = stackalloc char[2];
        var n = rune.EncodeToUtf16(chars);
        sb.Append(chars[..n]);
        _pos += 2 + digits;
        return true;
    }

    private static bool HasScheme(string iri)
    {
        if (iri.Length == 0 || !char.IsAsciiLetter(iri[0]))
        {
            return false;
        }

        for (var i = 1; i < iri.Length; i++)
        {
            var c = iri[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsIriChar(char c) =>
        c > ' ' && c is not ('<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\');

    private static string IriCharMessage(char c) =>
        c <= ' ' ? "space or control character in IRI" : "character '" + c + "' is not allowed in an IRI";

    private static bool IsPnCharsBase(int c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z')
            or (>= 0x00C0 and <= 0x00D6) or (>= 0x00D8 and <= 0x00F6) or (>= 0x00F8 and <= 0x02FF)
            or (>= 0x0370 and <= 0x037D) or (>= 0x037F and <= 0x1FFF) or (>= 0x200C and <= 0x200D)
            or (>= 0x2070 and <= 0x218F) or (>= 0x2C00 and <= 0x2FEF) or (>= 0x3001 and <= 0xD7FF)
            or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD) or (>= 0x10000 and <= 0xEFFFF);

    private static bool IsPnCharsU(int c) => IsPnCharsBase(c) || c is '_' or ':';

    private static bool IsPnChars(int c) =>
        IsPnCharsU(c) || c is '-' or (>= '0' and <= '9') or 0x00B7 or (>= 0x0300 and <= 0x036F) or (>= 0x203F and <= 0x2040);

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpaces()
    {
        var text = _text;
        while (_pos < text.Length && text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void SkipComment()
    {
        var text = _text;
        while (_pos < text.Length && text[_pos] is not ('\n' or '\r'))
        {
            _pos++;
        }
    }

    private void NewLine()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos++;
        }

        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private StringBuilder Scratch()
    {
        _scratch ??= new StringBuilder(64);
        _scratch.Clear();
        return _scratch;
    }

    private bool Fail(string message)
    {
        ErrorMessage = message;
        ErrorLine = _line;
        ErrorColumn = _pos - _lineStart + 1;
        return false;
    }
}
