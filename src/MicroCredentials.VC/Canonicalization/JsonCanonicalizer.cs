using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace MicroCredentials.VC.Canonicalization;

/// <summary>
/// The JSON Canonicalization Scheme (JCS), RFC 8785: the transformation of eddsa-jcs-2022 (W3C VC Data Integrity
/// EdDSA Cryptosuites v1.0 §3.3). Output is UTF-8 without BOM, whitespace or trailing newline.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Object members are sorted by their names as arrays of UTF-16 code units (RFC 8785 §3.2.3), recursively.</item>
/// <item>Strings are written as in ECMAScript <c>JSON.stringify</c> (RFC 8785 §3.2.2.2): only <c>\b \t \n \f \r \" \\</c>
/// and <c>\u00xx</c> (lowercase hex) for the other control characters are escaped; everything else is literal
/// UTF-8. A string holding a lone surrogate has no canonical form and is rejected.</item>
/// <item>Numbers are IEEE 754 doubles written by ECMAScript's <c>Number::toString</c> (RFC 8785 §3.2.2.3, see
/// <see cref="Es6Number"/>); NaN and infinities are rejected.</item>
/// <item>Literals <c>true</c>, <c>false</c>, <c>null</c> are written as such.</item>
/// </list>
/// <para>
/// <see cref="JsonNode"/> input may be backed by parsed <see cref="JsonElement"/>s or by CLR values (numbers of any
/// primitive type, <see cref="string"/>, <see cref="bool"/>, <see cref="char"/>, and anything else the node can
/// serialize). Content that has no canonical form (lone surrogates, NaN, infinities, numbers out of double
/// range, duplicate member names, nesting deeper than <see cref="MaxDepth"/>) throws <see cref="FormatException"/>.
/// </para>
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>The deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = 256;

    /// <summary>Objects up to this many members are sorted on the stack by insertion sort.</summary>
    private const int StackSortLimit = 32;

    private static readonly SearchValues<char> CharsToEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\");

    private static readonly SearchValues<byte> BytesToEscape = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, (byte)'"', (byte)'\\']);

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = MaxDepth,

        // Duplicate names are detected after sorting (adjacent equal names), which is much cheaper than the
        // parser's own check and also covers caller-supplied elements and nodes.
        AllowDuplicateProperties = true,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Canonicalizes a JSON node.</summary>
    /// <param name="node">The node; <see langword="null"/> is the JSON literal <c>null</c>.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="FormatException">The node holds content with no canonical form.</exception>
    public static byte[] Canonicalize(JsonNode? node)
    {
        using var buffer = new PooledBufferWriter(4096);
        Canonicalize(node, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Canonicalizes a JSON node into a buffer writer.</summary>
    /// <param name="node">The node; <see langword="null"/> is the JSON literal <c>null</c>.</param>
    /// <param name="output">Receives the canonical UTF-8 bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The node holds content with no canonical form.</exception>
    public static void Canonicalize(JsonNode? node, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var o = new CanonicalOutput(output);
        WriteNode(node, ref o, 0);
        o.Flush();
    }

    /// <summary>
    /// Canonicalizes a JSON object as if one of its members were absent (e.g. a secured document without its
    /// <c>proof</c>), without copying it.
    /// </summary>
    /// <param name="obj">The object.</param>
    /// <param name="excludedMember">The member to leave out.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    internal static byte[] CanonicalizeWithout(JsonObject obj, string excludedMember)
    {
        using var buffer = new PooledBufferWriter(4096);
        var o = new CanonicalOutput(buffer);
        WriteObject(obj, ref o, 0, excludedMember);
        o.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// SHA-256 of the canonical form of a JSON object, leaving out one member when asked, without materializing the
    /// canonical bytes as an array (the hashing step of eddsa-jcs-2022).
    /// </summary>
    /// <param name="obj">The object.</param>
    /// <param name="excludedMember">A member to leave out, or null.</param>
    /// <param name="destination">Receives the 32-byte hash.</param>
    internal static void Sha256(JsonObject obj, string? excludedMember, Span<byte> destination)
    {
        using var buffer = new PooledBufferWriter(8192);
        var o = new CanonicalOutput(buffer);
        WriteObject(obj, ref o, 0, excludedMember);
        o.Flush();
        System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan, destination);
    }

    /// <summary>Canonicalizes a JSON node to a string (the UTF-16 form of the canonical bytes).</summary>
    /// <param name="node">The node; <see langword="null"/> is the JSON literal <c>null</c>.</param>
    /// <returns>The canonical JSON text.</returns>
    /// <exception cref="FormatException">The node holds content with no canonical form.</exception>
    public static string CanonicalizeToString(JsonNode? node)
    {
        using var buffer = new PooledBufferWriter(4096);
        Canonicalize(node, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Canonicalizes a parsed JSON element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="FormatException">The element holds content with no canonical form.</exception>
    public static byte[] Canonicalize(JsonElement element)
    {
        using var buffer = new PooledBufferWriter(4096);
        Canonicalize(element, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Canonicalizes a parsed JSON element into a buffer writer.</summary>
    /// <param name="element">The element.</param>
    /// <param name="output">Receives the canonical UTF-8 bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The element holds content with no canonical form.</exception>
    public static void Canonicalize(JsonElement element, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var o = new CanonicalOutput(output);
        WriteElement(element, ref o, 0);
        o.Flush();
    }

    /// <summary>
    /// Parses UTF-8 JSON text (RFC 8259, strictly: no comments, no trailing commas, no duplicate member names,
    /// nesting up to <see cref="MaxDepth"/>) and canonicalizes it.
    /// </summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="FormatException">The text is not valid JSON, or holds content with no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        using var buffer = new PooledBufferWriter(Math.Max(256, utf8Json.Length));
        Canonicalize(utf8Json, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses UTF-8 JSON text strictly (see <see cref="Canonicalize(ReadOnlySpan{byte})"/>) and canonicalizes it into a buffer writer.</summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <param name="output">Receives the canonical UTF-8 bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not valid JSON, or holds content with no canonical form.</exception>
    public static void Canonicalize(ReadOnlySpan<byte> utf8Json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var copy = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(copy);
            using var document = Parse(copy.AsMemory(0, utf8Json.Length));
            Canonicalize(document.RootElement, output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, ParseOptions);
        }
        catch (JsonException e)
        {
            throw Error.Format("The input is not valid JSON for canonicalization: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // Raised by the duplicate-name check for a member name holding a lone surrogate escape.
            throw Error.Format("The input holds a member name with an invalid escape or a lone surrogate; it has no canonical form (RFC 8785 §3.2.2.2).", e);
        }
    }

    private static void WriteNode(JsonNode? node, ref CanonicalOutput o, int depth)
    {
        switch (node)
        {
            case null:
                o.Write("null"u8);
                break;
            case JsonObject obj:
                WriteObject(obj, ref o, depth + 1);
                break;
            case JsonArray array:
                CheckDepth(depth + 1);
                o.WriteByte((byte)'[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        o.WriteByte((byte)',');
                    }

                    WriteNode(array[i], ref o, depth + 1);
                }

                o.WriteByte((byte)']');
                break;
            case JsonValue value:
                WriteValue(value, ref o, depth);
                break;
            default:
                throw Error.Format("Unsupported JsonNode type " + node.GetType().Name + ".");
        }
    }

    private static void WriteObject(JsonObject obj, ref CanonicalOutput o, int depth, string? excludedMember = null)
    {
        CheckDepth(depth);
        var count = obj.Count;
        if (count == 0 || (count == 1 && excludedMember is not null && obj.GetAt(0).Key == excludedMember))
        {
            o.Write("{}"u8);
            return;
        }

        int[]? rented = null;
        var order = count <= StackSortLimit ? stackalloc int[count] : (rented = ArrayPool<int>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            // Insertion sort of member positions by name (UTF-16 code units): objects are small, and this
            // allocates nothing. Large objects fall back to the introsort of MemoryExtensions.Sort.
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            if (count <= StackSortLimit)
            {
                for (var i = 1; i < count; i++)
                {
                    var current = order[i];
                    var name = obj.GetAt(current).Key;
                    var j = i - 1;
                    while (j >= 0 && string.CompareOrdinal(obj.GetAt(order[j]).Key, name) > 0)
                    {
                        order[j + 1] = order[j];
                        j--;
                    }

                    order[j + 1] = current;
                }
            }
            else
            {
                order.Sort((a, b) => string.CompareOrdinal(obj.GetAt(a).Key, obj.GetAt(b).Key));
            }

            o.WriteByte((byte)'{');
            string? previous = null;
            var written = 0;
            for (var i = 0; i < count; i++)
            {
                var member = obj.GetAt(order[i]);
                if (excludedMember is not null && string.Equals(member.Key, excludedMember, StringComparison.Ordinal))
                {
                    continue;
                }

                if (written++ > 0)
                {
                    if (string.Equals(member.Key, previous, StringComparison.Ordinal))
                    {
                        throw DuplicateName();
                    }

                    o.WriteByte((byte)',');
                }

                previous = member.Key;
                WriteString(member.Key, ref o);
                o.WriteByte((byte)':');
                WriteNode(member.Value, ref o, depth);
            }

            o.WriteByte((byte)'}');
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private static void WriteValue(JsonValue value, ref CanonicalOutput o, int depth)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            WriteElement(element, ref o, depth);
            return;
        }

        if (value.TryGetValue<string>(out var s))
        {
            WriteString(s, ref o);
        }
        else if (value.TryGetValue<bool>(out var b))
        {
            o.Write(b ? "true"u8 : "false"u8);
        }
        else if (value.TryGetValue<int>(out var i32))
        {
            WriteInteger(i32, ref o);
        }
        else if (value.TryGetValue<long>(out var i64))
        {
            WriteNumber(i64, ref o);
        }
        else if (value.TryGetValue<double>(out var d))
        {
            WriteNumber(d, ref o);
        }
        else if (value.TryGetValue<decimal>(out var m))
        {
            WriteNumber((double)m, ref o);
        }
        else if (value.TryGetValue<float>(out var f))
        {
            // A float converts to the double of the same value, as ECMAScript would hold it.
            WriteNumber(f, ref o);
        }
        else if (value.TryGetValue<uint>(out var u32))
        {
            WriteInteger(u32, ref o);
        }
        else if (value.TryGetValue<ulong>(out var u64))
        {
            WriteNumber(u64, ref o);
        }
        else if (value.TryGetValue<short>(out var i16))
        {
            WriteInteger(i16, ref o);
        }
        else if (value.TryGetValue<ushort>(out var u16))
        {
            WriteInteger(u16, ref o);
        }
        else if (value.TryGetValue<byte>(out var u8))
        {
            WriteInteger(u8, ref o);
        }
        else if (value.TryGetValue<sbyte>(out var i8))
        {
            WriteInteger(i8, ref o);
        }
        else if (value.TryGetValue<char>(out var c))
        {
            WriteString([c], ref o);
        }
        else
        {
            WriteSerializedValue(value, ref o, depth);
        }
    }

    /// <summary>Any other CLR value: let the node serialize itself, then canonicalize what it wrote.</summary>
    private static void WriteSerializedValue(JsonValue value, ref CanonicalOutput o, int depth)
    {
        using var buffer = new PooledBufferWriter(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            value.WriteTo(writer);
        }

        using var document = Parse(buffer.WrittenSpan.ToArray());
        WriteElement(document.RootElement, ref o, depth);
    }

    private static void WriteElement(JsonElement element, ref CanonicalOutput o, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteElementObject(element, ref o, depth + 1);
                break;
            case JsonValueKind.Array:
                CheckDepth(depth + 1);
                o.WriteByte((byte)'[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        o.WriteByte((byte)',');
                    }

                    first = false;
                    WriteElement(item, ref o, depth + 1);
                }

                o.WriteByte((byte)']');
                break;
            case JsonValueKind.String:
                WriteElementString(element, ref o);
                break;
            case JsonValueKind.Number:
                WriteElementNumber(element, ref o);
                break;
            case JsonValueKind.True:
                o.Write("true"u8);
                break;
            case JsonValueKind.False:
                o.Write("false"u8);
                break;
            case JsonValueKind.Null:
                o.Write("null"u8);
                break;
            default:
                throw Error.Format("The JSON element is undefined (default JsonElement).");
        }
    }

    private static void WriteElementObject(JsonElement element, ref CanonicalOutput o, int depth)
    {
        CheckDepth(depth);
        var count = element.GetPropertyCount();
        if (count == 0)
        {
            o.Write("{}"u8);
            return;
        }

        var members = ArrayPool<JsonProperty>.Shared.Rent(count);
        try
        {
            var n = 0;
            var escaped = false;
            foreach (var property in element.EnumerateObject())
            {
                members[n++] = property;
                escaped |= JsonMarshal.GetRawUtf8PropertyName(property).Contains((byte)'\\');
            }

            if (escaped)
            {
                WriteElementObjectUnescaped(members.AsSpan(0, n), ref o, depth);
                return;
            }

            // No escapes: the raw UTF-8 names are the names. Sort them in UTF-16 order and copy them verbatim.
            var span = members.AsSpan(0, n);
            if (n <= StackSortLimit)
            {
                for (var i = 1; i < n; i++)
                {
                    var current = span[i];
                    var name = JsonMarshal.GetRawUtf8PropertyName(current);
                    var k = i - 1;
                    while (k >= 0 && CompareUtf8AsUtf16(JsonMarshal.GetRawUtf8PropertyName(span[k]), name) > 0)
                    {
                        span[k + 1] = span[k];
                        k--;
                    }

                    span[k + 1] = current;
                }
            }
            else
            {
                span.Sort(static (a, b) => CompareUtf8AsUtf16(JsonMarshal.GetRawUtf8PropertyName(a), JsonMarshal.GetRawUtf8PropertyName(b)));
            }

            o.WriteByte((byte)'{');
            for (var i = 0; i < n; i++)
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(span[i]);
                if (i > 0)
                {
                    if (name.SequenceEqual(JsonMarshal.GetRawUtf8PropertyName(span[i - 1])))
                    {
                        throw DuplicateName();
                    }

                    o.WriteByte((byte)',');
                }

                if (!Utf8.IsValid(name))
                {
                    throw Error.Format("A member name is not valid UTF-8; it has no canonical form (RFC 8785 §3.2.2.2).");
                }

                var target = o.Reserve(name.Length + 3);
                target[0] = (byte)'"';
                name.CopyTo(target[1..]);
                target[name.Length + 1] = (byte)'"';
                target[name.Length + 2] = (byte)':';
                o.Advance(name.Length + 3);
                WriteElement(span[i].Value, ref o, depth);
            }

            o.WriteByte((byte)'}');
        }
        finally
        {
            ArrayPool<JsonProperty>.Shared.Return(members, clearArray: true);
        }
    }

    /// <summary>Objects whose member names use escapes: sort and write the unescaped names.</summary>
    private static void WriteElementObjectUnescaped(ReadOnlySpan<JsonProperty> properties, ref CanonicalOutput o, int depth)
    {
        var members = ArrayPool<KeyValuePair<string, JsonElement>>.Shared.Rent(properties.Length);
        try
        {
            var n = 0;
            foreach (var property in properties)
            {
                members[n++] = new(GetPropertyName(property), property.Value);
            }

            Array.Sort(members, 0, n, ElementMemberNameComparer.Instance);
            o.WriteByte((byte)'{');
            for (var i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    if (string.Equals(members[i].Key, members[i - 1].Key, StringComparison.Ordinal))
                    {
                        throw DuplicateName();
                    }

                    o.WriteByte((byte)',');
                }

                WriteString(members[i].Key, ref o);
                o.WriteByte((byte)':');
                WriteElement(members[i].Value, ref o, depth);
            }

            o.WriteByte((byte)'}');
        }
        finally
        {
            ArrayPool<KeyValuePair<string, JsonElement>>.Shared.Return(members, clearArray: true);
        }
    }

    /// <summary>
    /// Compares two UTF-8 strings in the order of their UTF-16 code units (RFC 8785 §3.2.3). Byte order of UTF-8
    /// is code point order, which differs from UTF-16 order only between supplementary characters (lead byte
    /// F0–F4, surrogates D800–DFFF in UTF-16) and characters U+E000–U+FFFF (lead byte EE or EF).
    /// </summary>
    internal static int CompareUtf8AsUtf16(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var i = x.CommonPrefixLength(y);
        if (i == x.Length || i == y.Length)
        {
            return x.Length - y.Length;
        }

        var a = x[i];
        var b = y[i];
        if (a >= 0xf0 && b is 0xee or 0xef)
        {
            return -1;
        }

        if (b >= 0xf0 && a is 0xee or 0xef)
        {
            return 1;
        }

        return a - b;
    }

    private static string GetPropertyName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw Error.Format("A member name holds an invalid escape or a lone surrogate; it has no canonical form (RFC 8785 §3.2.2.2).", e);
        }
    }

    private static void WriteElementString(JsonElement element, ref CanonicalOutput o)
    {
        // The raw token, quotes included. Without a backslash it is already canonical, provided it is valid UTF-8.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[1..^1].IndexOfAny(BytesToEscape) < 0)
        {
            if (!Utf8.IsValid(raw))
            {
                throw Error.Format("A string is not valid UTF-8; it has no canonical form (RFC 8785 §3.2.2.2).");
            }

            o.Write(raw);
            return;
        }

        string value;
        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw Error.Format("A string holds an invalid escape or a lone surrogate; it has no canonical form (RFC 8785 §3.2.2.2).", e);
        }

        WriteString(value, ref o);
    }

    private static void WriteElementNumber(JsonElement element, ref CanonicalOutput o)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);

        // Fast path: an integer literal of at most 15 digits is exactly representable and already canonical.
        var digitsStart = raw.Length > 0 && raw[0] == (byte)'-' ? 1 : 0;
        var digitCount = raw.Length - digitsStart;
        if (digitCount is > 0 and <= 15 && !raw[digitsStart..].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            if (digitsStart == 1 && digitCount == 1 && raw[1] == (byte)'0')
            {
                o.WriteByte((byte)'0'); // -0
            }
            else
            {
                o.Write(raw);
            }

            return;
        }

        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw Error.Format("A number is outside the range of IEEE 754 double precision; it has no canonical form (RFC 8785 §3.2.2.3).");
        }

        WriteNumber(value, ref o);
    }

    private static void WriteInteger(long value, ref CanonicalOutput o)
    {
        var span = o.Reserve(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        o.Advance(written);
    }

    private static void WriteNumber(double value, ref CanonicalOutput o)
    {
        if (!double.IsFinite(value))
        {
            throw Error.Format("NaN and infinities have no JSON representation (RFC 8785 §3.2.2.3).");
        }

        var span = o.Reserve(Es6Number.MaxLength);
        o.Advance(Es6Number.FormatUtf8(value, span));
    }

    /// <summary>Writes a quoted string escaped per RFC 8785 §3.2.2.2.</summary>
    private static void WriteString(scoped ReadOnlySpan<char> value, ref CanonicalOutput o)
    {
        o.WriteByte((byte)'"');
        while (!value.IsEmpty)
        {
            var next = value.IndexOfAny(CharsToEscape);
            var chunk = next < 0 ? value : value[..next];
            if (!chunk.IsEmpty)
            {
                var span = o.Reserve(checked(chunk.Length * 3));
                var status = Utf8.FromUtf16(chunk, span, out _, out var written, replaceInvalidSequences: false, isFinalBlock: true);
                if (status != OperationStatus.Done)
                {
                    throw Error.Format("A string holds a lone surrogate; it has no canonical form (RFC 8785 §3.2.2.2).");
                }

                o.Advance(written);
            }

            if (next < 0)
            {
                break;
            }

            WriteEscape(value[next], ref o);
            value = value[(next + 1)..];
        }

        o.WriteByte((byte)'"');
    }

    private static void WriteEscape(char c, ref CanonicalOutput o)
    {
        var span = o.Reserve(6);
        span[0] = (byte)'\\';
        var length = 2;
        switch (c)
        {
            case '\b': span[1] = (byte)'b'; break;
            case '\t': span[1] = (byte)'t'; break;
            case '\n': span[1] = (byte)'n'; break;
            case '\f': span[1] = (byte)'f'; break;
            case '\r': span[1] = (byte)'r'; break;
            case '"': span[1] = (byte)'"'; break;
            case '\\': span[1] = (byte)'\\'; break;
            default:
                span[1] = (byte)'u';
                span[2] = (byte)'0';
                span[3] = (byte)'0';
                span[4] = (byte)"0123456789abcdef"[c >> 4];
                span[5] = (byte)"0123456789abcdef"[c & 0xf];
                length = 6;
                break;
        }

        o.Advance(length);
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error.Format("The JSON nests deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels.");
        }
    }

    private static FormatException DuplicateName() =>
        Error.Format("An object has two members with the same name; it has no canonical form (RFC 8785 §3.1).");

    private sealed class ElementMemberNameComparer : IComparer<KeyValuePair<string, JsonElement>>
    {
        internal static readonly ElementMemberNameComparer Instance = new();

        public int Compare(KeyValuePair<string, JsonElement> x, KeyValuePair<string, JsonElement> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
