using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Status;

/// <summary>
/// A status bitstring of W3C Bitstring Status List v1.0: one bit per credential, bit 0 the left-most (most
/// significant) bit of the first byte (§2.2 <c>encodedList</c>, Appendix "Bitstring Encoding"). Immutable: the
/// <c>With…</c> methods return a new list.
/// </summary>
/// <remarks>
/// <para>
/// Encoding (§3.3 Bitstring Generation Algorithm): the bytes are GZIP-compressed (RFC 1952) and written as multibase
/// base64url without padding, i.e. <c>u</c> + base64url (RFC 4648 §5). Decoding (§3.4 Bitstring Expansion Algorithm)
/// is the reverse, strict and bounded: the decompressed size is capped (<see cref="DefaultMaxDecodedBytes"/> unless the
/// caller says otherwise), so a GZIP bomb is refused with <see cref="StatusCodes.ListTooLarge"/> before it fills memory.
/// </para>
/// <para>
/// Only <c>statusSize</c> 1 (one bit per entry: revocation, suspension) is supported. Multi-bit entries (§2.1
/// <c>statusSize</c> &gt; 1, <c>statusMessage</c>) are at risk in the specification and are not implemented; the
/// <c>status</c> check fails such revocation/suspension entries with <see cref="StatusCodes.UnsupportedStatusSize"/>.
/// </para>
/// </remarks>
public sealed class BitstringStatusList : IEquatable<BitstringStatusList>
{
    /// <summary>The smallest list, 131,072 entries (16 KiB): §2.2 "at least 16KB", §3.2 step 2 <c>minimumNumberOfEntries</c>.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>The default cap on a decoded bitstring, 16 MiB (134,217,728 entries); also the largest list <see cref="Create"/> makes.</summary>
    public const int DefaultMaxDecodedBytes = 16 * 1024 * 1024;

    private readonly byte[] _bytes;

    private BitstringStatusList(byte[] bytes) => _bytes = bytes;

    /// <summary>The number of entries (bits).</summary>
    public int Length => _bytes.Length * 8;

    /// <summary>The bitstring's bytes, bit 0 being the most significant bit of byte 0.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>Whether the bit at an index is set (revoked or suspended, by the list's purpose).</summary>
    /// <param name="index">The entry, 0 to <see cref="Length"/> − 1.</param>
    /// <returns>Whether the bit is 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public bool this[int index] => IsSet(index);

    /// <summary>Creates a list of zero bits (no credential revoked or suspended).</summary>
    /// <param name="length">The number of entries: at least <see cref="MinimumLength"/>, a multiple of 8, at most 8 × <see cref="DefaultMaxDecodedBytes"/>.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The length is too small, too large, or not a multiple of 8.</exception>
    public static BitstringStatusList Create(int length = MinimumLength)
    {
        if (length < MinimumLength || length % 8 != 0 || length / 8 > DefaultMaxDecodedBytes)
        {
            throw Error.ArgumentOutOfRange(nameof(length), length, string.Create(CultureInfo.InvariantCulture, $"A status list has at least {MinimumLength} entries (16 KiB), a multiple of 8, and at most {DefaultMaxDecodedBytes * 8L} entries."));
        }

        return new BitstringStatusList(new byte[length / 8]);
    }

    /// <summary>Creates a list from its bytes (copied), bit 0 being the most significant bit of byte 0.</summary>
    /// <param name="bytes">At least 16,384 bytes.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentException">Fewer than 16,384 bytes.</exception>
    public static BitstringStatusList FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < MinimumLength / 8)
        {
            throw Error.Argument(nameof(bytes), string.Create(CultureInfo.InvariantCulture, $"A status list has at least {MinimumLength / 8} bytes; got {bytes.Length}."));
        }

        return new BitstringStatusList(bytes.ToArray());
    }

    /// <summary>Whether the bit at an index is set.</summary>
    /// <param name="index">The entry, 0 to <see cref="Length"/> − 1.</param>
    /// <returns>Whether the bit is 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public bool IsSet(int index)
    {
        CheckIndex(index);
        return (_bytes[index >> 3] & Mask(index)) != 0;
    }

    /// <summary>A copy of this list with one bit set or cleared.</summary>
    /// <param name="index">The entry.</param>
    /// <param name="value">True to set (revoke, suspend), false to clear.</param>
    /// <returns>The new list (this one is unchanged).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public BitstringStatusList WithBit(int index, bool value) => WithBits([index], value);

    /// <summary>A copy of this list with several bits set or cleared.</summary>
    /// <param name="indexes">The entries.</param>
    /// <param name="value">True to set, false to clear.</param>
    /// <returns>The new list (this one is unchanged).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indexes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the list.</exception>
    public BitstringStatusList WithBits(IEnumerable<int> indexes, bool value)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var copy = (byte[])_bytes.Clone();
        foreach (var index in indexes)
        {
            CheckIndex(index);
            if (value)
            {
                copy[index >> 3] |= Mask(index);
            }
            else
            {
                copy[index >> 3] &= unchecked((byte)~Mask(index));
            }
        }

        return new BitstringStatusList(copy);
    }

    /// <summary>The number of set bits.</summary>
    /// <returns>How many entries are revoked or suspended.</returns>
    public int CountSet()
    {
        var count = 0;
        foreach (var b in _bytes)
        {
            count += BitOperations.PopCount(b);
        }

        return count;
    }

    /// <summary>The <c>encodedList</c> value: <c>u</c> + base64url (no padding) of the GZIP of the bitstring (§3.3).</summary>
    /// <returns>The multibase text.</returns>
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(_bytes);
        }

        return Multibase.EncodeBase64Url(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Decodes an <c>encodedList</c> value (§3.4), refusing anything malformed, too short or too large.</summary>
    /// <param name="encodedList">The multibase text.</param>
    /// <param name="maxDecodedBytes">The largest accepted bitstring, in bytes.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encodedList"/> is null.</exception>
    /// <exception cref="FormatException">The value cannot be decoded; the message says why (see <see cref="TryDecode"/>).</exception>
    public static BitstringStatusList Decode(string encodedList, int maxDecodedBytes = DefaultMaxDecodedBytes)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        return TryDecode(encodedList, out var list, out var problem, maxDecodedBytes) ? list : throw Error.Format(problem.ToString());
    }

    /// <summary>
    /// Decodes an <c>encodedList</c> value without throwing. Fails with <see cref="StatusCodes.NotMultibase"/> (no <c>u</c>
    /// prefix), <see cref="StatusCodes.NotBase64Url"/>, <see cref="StatusCodes.NotGzip"/>, <see cref="StatusCodes.ListTooLarge"/>
    /// (decompresses past <paramref name="maxDecodedBytes"/>) or <see cref="StatusCodes.ListTooShort"/> (fewer than
    /// <see cref="MinimumLength"/> entries: STATUS_LIST_LENGTH_ERROR).
    /// </summary>
    /// <param name="encodedList">The multibase text.</param>
    /// <param name="list">The list, when decoded.</param>
    /// <param name="problem">Why not, otherwise: a code of <see cref="StatusCodes"/> and a sentence.</param>
    /// <param name="maxDecodedBytes">The largest accepted bitstring, in bytes (at least 16,384).</param>
    /// <returns>Whether the value decoded to an acceptable list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDecodedBytes"/> is below 16,384.</exception>
    public static bool TryDecode([NotNullWhen(true)] string? encodedList, [NotNullWhen(true)] out BitstringStatusList? list, [NotNullWhen(false)] out Problem? problem, int maxDecodedBytes = DefaultMaxDecodedBytes)
    {
        if (maxDecodedBytes < MinimumLength / 8)
        {
            throw Error.ArgumentOutOfRange(nameof(maxDecodedBytes), maxDecodedBytes, "The cap must allow at least a minimum-size list (16,384 bytes).");
        }

        list = null;
        if (string.IsNullOrEmpty(encodedList) || encodedList[0] != Multibase.Base64UrlPrefix)
        {
            problem = new Problem(StatusCodes.NotMultibase, "encodedList must be multibase base64url: the character 'u' followed by base64url without padding.");
            return false;
        }

        // GZIP adds at most a few bytes per 16 KiB block to incompressible input; anything much longer than that cannot
        // decompress to an acceptable size, so it is refused before decoding.
        if (encodedList.Length > ((long)maxDecodedBytes * 4 / 3) + 4096)
        {
            problem = new Problem(StatusCodes.ListTooLarge, string.Create(CultureInfo.InvariantCulture, $"encodedList is {encodedList.Length} characters, more than any list of at most {maxDecodedBytes} bytes needs."));
            return false;
        }

        if (!Base64Url.TryDecodeCore(encodedList.AsSpan(1), out var compressed, out var base64Error))
        {
            problem = new Problem(StatusCodes.NotBase64Url, "encodedList after its 'u' prefix is not base64url without padding. " + base64Error);
            return false;
        }

        if (compressed.Length < 18 || compressed[0] != 0x1F || compressed[1] != 0x8B)
        {
            problem = new Problem(StatusCodes.NotGzip, "encodedList does not hold GZIP data (RFC 1952): the GZIP header is missing.");
            return false;
        }

        byte[] bits;
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxDecodedBytes)
                {
                    problem = new Problem(StatusCodes.ListTooLarge, string.Create(CultureInfo.InvariantCulture, $"encodedList decompresses to more than {maxDecodedBytes} bytes: refused (a GZIP bomb, or a list far larger than any issuer needs)."));
                    return false;
                }

                output.Write(buffer, 0, read);
            }

            bits = output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            problem = new Problem(StatusCodes.NotGzip, "encodedList holds corrupt GZIP data: " + ex.Message);
            return false;
        }

        if (bits.Length < MinimumLength / 8)
        {
            problem = new Problem(StatusCodes.ListTooShort, string.Create(CultureInfo.InvariantCulture, $"The status list has {bits.Length * 8L} entries, fewer than the minimum of {MinimumLength} (STATUS_LIST_LENGTH_ERROR): a short list gives credential holders too small a crowd to hide in."));
            return false;
        }

        list = new BitstringStatusList(bits);
        problem = null;
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(BitstringStatusList? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BitstringStatusList);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>A short description: length and number of set bits (never the bits).</summary>
    /// <returns>One line.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"BitstringStatusList({Length} entries, {CountSet()} set)");

    private static byte Mask(int index) => (byte)(0x80 >> (index & 7));

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Length)
        {
            throw Error.ArgumentOutOfRange(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"The index must be between 0 and {Length - 1}."));
        }
    }
}
