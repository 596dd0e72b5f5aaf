using System.Globalization;
using System.Text;

namespace MicroCredentials.VC.Canonicalization;

/// <summary>
/// Serializes an IEEE 754 double exactly like ECMAScript's <c>Number::toString</c> (ECMA-262 §6.1.6.1.20, radix
/// 10), the number format RFC 8785 §3.2.2.3 requires for JSON canonicalization.
/// </summary>
/// <remarks>
/// The shortest round-trip digits come from .NET's own formatter (<c>"R"</c>, which since .NET Core 3.0 yields
/// the shortest string that parses back to the same double); this class only lays those digits out the way
/// ECMAScript does: plain integers up to 21 digits, plain decimals down to 1e-6, exponent form (<c>1e+21</c>,
/// <c>1.5e-7</c>) otherwise. Negative zero gives <c>"0"</c>.
/// </remarks>
public static class Es6Number
{
    /// <summary>The longest output: sign, 17 digits, point, <c>e</c>, exponent sign, three exponent digits.</summary>
    internal const int MaxLength = 32;

    /// <summary>2^53: below it every integral double prints as its exact integer digits.</summary>
    private const double ExactIntegerLimit = 9007199254740992.0;

    /// <summary>Formats a double as ECMAScript's <c>String(value)</c> does.</summary>
    /// <param name="value">A finite double.</param>
    /// <returns>The ECMAScript text, for example <c>"1e+21"</c>, <c>"0.000001"</c>, <c>"1.5e-7"</c>, <c>"-3.14"</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite: JSON cannot represent it.</exception>
    public static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = FormatUtf8(value, buffer);
        return Encoding.ASCII.GetString(buffer[..length]);
    }

    /// <summary>Formats into ASCII bytes; <paramref name="destination"/> must hold <see cref="MaxLength"/> bytes.</summary>
    internal static int FormatUtf8(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw Error.ArgumentOutOfRange(nameof(value), "NaN and infinities have no JSON representation (RFC 8785 §3.2.2.3).");
        }

        if (value == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        int written;
        if (Math.Abs(value) < ExactIntegerLimit && Math.Floor(value) == value)
        {
            ((long)value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
            return written;
        }

        Span<byte> r = stackalloc byte[MaxLength];
        value.TryFormat(r, out var rLength, "R", CultureInfo.InvariantCulture);
        r = r[..rLength];

        // Split "R" output ([-]d[.ddd][E[+|-]xx]) into significant digits and the decimal exponent n such that
        // |value| = 0.d1d2…dk × 10^n.
        var pos = 0;
        var negative = r[0] == (byte)'-';
        if (negative)
        {
            pos++;
        }

        Span<byte> digits = stackalloc byte[MaxLength];
        var k = 0;
        var pointAt = -1;
        for (; pos < r.Length && r[pos] != (byte)'E'; pos++)
        {
            if (r[pos] == (byte)'.')
            {
                pointAt = k;
            }
            else
            {
                digits[k++] = r[pos];
            }
        }

        if (pointAt < 0)
        {
            pointAt = k;
        }

        var exponent = 0;
        if (pos < r.Length)
        {
            pos++; // 'E'
            var expNegative = r[pos] == (byte)'-';
            if (r[pos] is (byte)'-' or (byte)'+')
            {
                pos++;
            }

            for (; pos < r.Length; pos++)
            {
                exponent = (exponent * 10) + (r[pos] - '0');
            }

            if (expNegative)
            {
                exponent = -exponent;
            }
        }

        var n = pointAt + exponent;
        var start = 0;
        while (start < k - 1 && digits[start] == (byte)'0')
        {
            start++;
            n--;
        }

        while (k - 1 > start && digits[k - 1] == (byte)'0')
        {
            k--;
        }

        ReadOnlySpan<byte> d = digits[start..k];
        k = d.Length;

        written = 0;
        if (negative)
        {
            destination[written++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            // Integer: the digits followed by n − k zeros.
            d.CopyTo(destination[written..]);
            written += k;
            destination.Slice(written, n - k).Fill((byte)'0');
            written += n - k;
        }
        else if (0 < n && n <= 21)
        {
            // Decimal point inside the digits.
            d[..n].CopyTo(destination[written..]);
            written += n;
            destination[written++] = (byte)'.';
            d[n..].CopyTo(destination[written..]);
            written += k - n;
        }
        else if (-6 < n && n <= 0)
        {
            // 0.000ddd
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            destination.Slice(written, -n).Fill((byte)'0');
            written += -n;
            d.CopyTo(destination[written..]);
            written += k;
        }
        else
        {
            // Exponent form: d[.ddd]e±x
            destination[written++] = d[0];
            if (k > 1)
            {
                destination[written++] = (byte)'.';
                d[1..].CopyTo(destination[written..]);
                written += k - 1;
            }

            destination[written++] = (byte)'e';
            var e = n - 1;
            destination[written++] = e < 0 ? (byte)'-' : (byte)'+';
            Math.Abs(e).TryFormat(destination[written..], out var expWritten, default, CultureInfo.InvariantCulture);
            written += expWritten;
        }

        return written;
    }
}
