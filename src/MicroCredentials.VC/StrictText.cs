using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace MicroCredentials.VC;

/// <summary>Where in a text file something is: 1-based line, column (in characters) and byte.</summary>
internal readonly record struct TextPosition(long Line, long Column, long Byte)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column} (byte {Byte})");
}

/// <summary>
/// The one reader of text input: strict UTF-8 (a byte-order mark is accepted and skipped), never replacing a byte it cannot
/// decode with U+FFFD, and saying where the first such byte is. <see cref="TextValidator"/> does the same for a stream.
/// </summary>
internal static class StrictText
{
    /// <summary>UTF-8 that throws on invalid bytes instead of replacing them.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The position of the first byte that is not part of a valid UTF-8 character, or null when there is none.</summary>
    public static TextPosition? FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var validator = TextValidator.ForUtf8();
        _ = validator.Feed(bytes) && validator.Finish();
        return validator.Error;
    }

    /// <summary>Decodes strict UTF-8 text, skipping a byte-order mark.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out TextPosition? invalidAt)
    {
        invalidAt = FindInvalidUtf8(bytes);
        if (invalidAt is not null)
        {
            text = null;
            return false;
        }

        text = Utf8.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
        return true;
    }

    /// <summary>The sentence for text that is not valid UTF-8.</summary>
    public static string NotUtf8(TextPosition at) => "not valid UTF-8 at " + at + ".";
}

/// <summary>
/// Checks text fed in pieces, in strict UTF-8 or in a single-byte encoding (only the bytes it defines), and keeps the
/// line and column for the message: lines end at LF; columns count characters, from 1.
/// </summary>
internal sealed class TextValidator
{
    private readonly bool[]? _undefined; // single-byte encodings: the bytes that are no character
    private long _line = 1;
    private long _column = 1;
    private long _offset;
    private int _need;
    private byte _low = 0x80;
    private byte _high = 0xBF;
    private int _codePoint;
    private TextPosition _start;

    private TextValidator(bool[]? undefined) => _undefined = undefined;

    /// <summary>The first byte that is not text, once found.</summary>
    public TextPosition? Error { get; private set; }

    /// <summary>Strict UTF-8 (a leading byte-order mark does not count as a column).</summary>
    public static TextValidator ForUtf8() => new(null);

    /// <summary>A single-byte encoding that encodes ASCII as ASCII; the bytes it does not define are refused.</summary>
    public static TextValidator ForSingleByte(bool[] undefinedBytes) => new(undefinedBytes);

    /// <summary>Checks the next bytes; false (and <see cref="Error"/>) at the first that is not text.</summary>
    public bool Feed(ReadOnlySpan<byte> bytes)
    {
        if (Error is not null)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (_need == 0)
            {
                _start = new TextPosition(_line, _column, _offset + 1);
                if (b < 0x80)
                {
                    if (b == (byte)'\n')
                    {
                        _line++;
                        _column = 1;
                    }
                    else
                    {
                        _column++;
                    }
                }
                else if (_undefined is not null)
                {
                    if (_undefined[b])
                    {
                        return Fail();
                    }

                    _column++;
                }
                else if (!Lead(b))
                {
                    return Fail();
                }
            }
            else
            {
                if (b < _low || b > _high)
                {
                    return Fail();
                }

                _low = 0x80;
                _high = 0xBF;
                _codePoint = (_codePoint << 6) | (b & 0x3F);
                if (--_need == 0 && !(_codePoint == 0xFEFF && _start.Byte == 1))
                {
                    _column++;
                }
            }

            _offset++;
        }

        return true;
    }

    /// <summary>Ends the input: false when it stops inside a character.</summary>
    public bool Finish() => Error is null && (_need == 0 || Fail());

    private bool Lead(byte b)
    {
        (_need, _low, _high, _codePoint) = b switch
        {
            >= 0xC2 and <= 0xDF => (1, (byte)0x80, (byte)0xBF, b & 0x1F),
            0xE0 => (2, (byte)0xA0, (byte)0xBF, b & 0x0F),
            0xED => (2, (byte)0x80, (byte)0x9F, b & 0x0F),
            >= 0xE1 and <= 0xEF => (2, (byte)0x80, (byte)0xBF, b & 0x0F),
            0xF0 => (3, (byte)0x90, (byte)0xBF, b & 0x07),
            >= 0xF1 and <= 0xF3 => (3, (byte)0x80, (byte)0xBF, b & 0x07),
            0xF4 => (3, (byte)0x80, (byte)0x8F, b & 0x07),
            _ => (0, (byte)0x80, (byte)0xBF, 0),
        };
        return _need > 0;
    }

    private bool Fail()
    {
        Error = _start;
        return false;
    }
}
