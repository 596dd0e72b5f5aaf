using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Base64url without padding (RFC 4648 §5, as used by JOSE: RFC 7515 §2 and RFC 7518 §6.2). Decoding is strict:
/// only the alphabet <c>A–Z a–z 0–9 - _</c>, no <c>=</c> padding, no whitespace, and the unused bits of the last
/// character must be zero, so every byte string has exactly one accepted encoding.
/// </summary>
public static class Base64Url
{
    /// <summary>Encodes bytes as base64url without padding.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    /// <summary>Decodes strict unpadded base64url.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not strict unpadded base64url.</exception>
    public static byte[] Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryDecodeCore(value, out var data, out var error) ? data : throw Error.Format(error);
    }

    /// <summary>Decodes strict unpadded base64url without throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="data">The bytes, when the text is valid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryDecode([NotNullWhen(true)] string? value, [NotNullWhen(true)] out byte[]? data)
    {
        if (value is not null && TryDecodeCore(value, out var d, out _))
        {
            data = d;
            return true;
        }

        data = null;
        return false;
    }

    internal static bool TryDecodeCore(ReadOnlySpan<char> value, [NotNullWhen(true)] out byte[]? data, [NotNullWhen(false)] out string? error)
    {
        data = null;
        if (value.Length % 4 == 1)
        {
            error = "Invalid base64url: the length is not possible for unpadded base64url.";
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                error = c == '='
                    ? "Invalid base64url: padding ('=') is not allowed."
                    : "Invalid base64url: a character outside the base64url alphabet was found.";
                return false;
            }
        }

        var bytes = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(value.Length)];
        var status = System.Buffers.Text.Base64Url.DecodeFromChars(value, bytes, out _, out var written, isFinalBlock: true);
        if (status != System.Buffers.OperationStatus.Done || written != bytes.Length)
        {
            error = "Invalid base64url: the unused bits of the last character are not zero, or the text is malformed.";
            return false;
        }

        // Reject encodings whose last character carries non-zero unused bits (non-canonical).
        Span<char> last = stackalloc char[4];
        var tail = value.Length % 4;
        if (tail != 0)
        {
            var tailBytes = tail - 1;
            System.Buffers.Text.Base64Url.TryEncodeToChars(bytes.AsSpan(bytes.Length - tailBytes), last, out var charsWritten);
            if (!last[..charsWritten].SequenceEqual(value[^tail..]))
            {
                error = "Invalid base64url: the unused bits of the last character are not zero.";
                return false;
            }
        }

        data = bytes;
        error = null;
        return true;
    }
}
