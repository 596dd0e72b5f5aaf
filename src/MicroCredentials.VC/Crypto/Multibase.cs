using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Multibase encoding (draft-multiformats-multibase-08 §2, as profiled by W3C VC Data Integrity §2.4): a one
/// character prefix naming the base, then the encoded bytes. Supported: <c>z</c> base58btc (Bitcoin alphabet),
/// <c>u</c> base64url without padding, and <c>f</c> lowercase hexadecimal (decode only).
/// </summary>
public static class Multibase
{
    /// <summary>The prefix of base58btc.</summary>
    public const char Base58BtcPrefix = 'z';

    /// <summary>The prefix of base64url without padding.</summary>
    public const char Base64UrlPrefix = 'u';

    /// <summary>The prefix of lowercase base16.</summary>
    public const char Base16Prefix = 'f';

    /// <summary>Encodes bytes as <c>z</c> + base58btc.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The multibase text.</returns>
    public static string EncodeBase58Btc(ReadOnlySpan<byte> data) => Base58BtcPrefix + SimpleBase.Base58.Bitcoin.Encode(data);

    /// <summary>Encodes bytes as <c>u</c> + base64url without padding.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The multibase text.</returns>
    public static string EncodeBase64Url(ReadOnlySpan<byte> data) => Base64UrlPrefix + Base64Url.Encode(data);

    /// <summary>Decodes multibase text.</summary>
    /// <param name="value">The text, starting with its base prefix.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The prefix is missing or unsupported, or the text is not valid in that base.</exception>
    public static byte[] Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryDecodeCore(value, out var data, out var error) ? data : throw Error.Format(error);
    }

    /// <summary>Decodes multibase text without throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="data">The bytes, when the text is valid.</param>
    /// <returns>Whether the text was valid multibase in a supported base.</returns>
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

    internal static bool TryDecodeCore(string value, [NotNullWhen(true)] out byte[]? data, [NotNullWhen(false)] out string? error)
    {
        data = null;
        if (value.Length == 0)
        {
            error = "Invalid multibase: the value is empty.";
            return false;
        }

        var body = value.AsSpan(1);
        switch (value[0])
        {
            case Base58BtcPrefix:
                return TryDecodeBase58(body, out data, out error);
            case Base64UrlPrefix:
                if (!Base64Url.TryDecodeCore(body, out data, out var inner))
                {
                    error = "Invalid multibase 'u' (base64url): " + inner;
                    return false;
                }

                error = null;
                return true;
            case Base16Prefix:
                return TryDecodeHex(body, out data, out error);
            default:
                error = char.IsAscii(value[0]) && !char.IsControl(value[0])
                    ? "Invalid multibase: unsupported base prefix '" + value[0] + "' (supported: 'z' base58btc, 'u' base64url, 'f' base16)."
                    : "Invalid multibase: unsupported base prefix (supported: 'z' base58btc, 'u' base64url, 'f' base16).";
                return false;
        }
    }

    private static bool TryDecodeBase58(ReadOnlySpan<char> body, [NotNullWhen(true)] out byte[]? data, [NotNullWhen(false)] out string? error)
    {
        data = null;
        if (body.IsEmpty)
        {
            error = "Invalid multibase 'z' (base58btc): no data after the prefix.";
            return false;
        }

        foreach (var c in body)
        {
            if (!IsBase58Char(c))
            {
                error = "Invalid multibase 'z' (base58btc): a character outside the base58btc alphabet was found.";
                return false;
            }
        }

        var buffer = new byte[SimpleBase.Base58.Bitcoin.GetSafeByteCountForDecoding(body)];
        if (!SimpleBase.Base58.Bitcoin.TryDecode(body, buffer, out var written))
        {
            error = "Invalid multibase 'z' (base58btc).";
            return false;
        }

        data = written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
        if (!ReferenceEquals(data, buffer))
        {
            Array.Clear(buffer);
        }

        error = null;
        return true;
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> body, [NotNullWhen(true)] out byte[]? data, [NotNullWhen(false)] out string? error)
    {
        data = null;
        if (body.Length % 2 != 0)
        {
            error = "Invalid multibase 'f' (base16): odd number of digits.";
            return false;
        }

        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                error = "Invalid multibase 'f' (base16): only lowercase hexadecimal digits are allowed.";
                return false;
            }
        }

        data = Convert.FromHexString(body);
        error = null;
        return true;
    }

    private static bool IsBase58Char(char c) =>
        c is (>= '1' and <= '9') or (>= 'A' and <= 'H') or (>= 'J' and <= 'N') or (>= 'P' and <= 'Z')
            or (>= 'a' and <= 'k') or (>= 'm' and <= 'z');
}
