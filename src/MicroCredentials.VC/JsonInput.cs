using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC;

/// <summary>Parses untrusted JSON with size and depth limits and without duplicate property names.</summary>
/// <remarks>Problem codes: <c>json.tooLarge</c>, <c>json.invalidUtf8</c>, <c>json.invalidString</c> (a lone surrogate escape), <c>json.nonFiniteNumber</c> (outside the double range), <c>json.malformed</c> (not JSON, too deep, a duplicate name, or null).
/// Every JSON file or document the library and <c>mcred</c> read goes through here (credentials, key files, models, trust
/// lists, DID documents, status lists...), so each is refused for the same reasons with the same sentence.
/// </remarks>
internal static class JsonInput
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, int maxBytes, int maxDepth, [NotNullWhen(true)] out JsonNode? node, [NotNullWhen(false)] out Problem? problem) =>
        TryParse(utf8, maxBytes, maxDepth, allowComments: false, out node, out problem);

    /// <summary>As <see cref="TryParse(ReadOnlySpan{byte}, int, int, out JsonNode?, out Problem?)"/>; <paramref name="allowComments"/> also skips comments and allows trailing commas (hand-written files such as models).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, int maxBytes, int maxDepth, bool allowComments, [NotNullWhen(true)] out JsonNode? node, [NotNullWhen(false)] out Problem? problem)
    {
        node = null;
        if (utf8.Length > maxBytes)
        {
            problem = new Problem("json.tooLarge", string.Create(CultureInfo.InvariantCulture, $"The document is {utf8.Length} bytes, over the limit of {maxBytes} bytes."));
            return false;
        }

        // JsonNode transcodes string values lazily: invalid UTF-8 inside a string would only throw when it is read.
        if (StrictText.FindInvalidUtf8(utf8) is { } invalid)
        {
            problem = new Problem("json.invalidUtf8", "The document is " + StrictText.NotUtf8(invalid));
            return false;
        }

        // A UTF-8 byte-order mark is accepted (and skipped) as by every other reader of this library.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        // Text and numbers JsonNode would only fail on when they are read: a \u escape of a lone UTF-16 surrogate (no
        // string can hold it), a number outside the double range (no single reading: see JsonNumbers).
        var readerOptions = new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow, AllowTrailingCommas = allowComments };
        if (FirstUnreadable(utf8, readerOptions) is { } bad)
        {
            problem = bad.Number
                ? new Problem("json.nonFiniteNumber", string.Create(CultureInfo.InvariantCulture, $"The document has a number outside the range of IEEE 754 double precision (about ±1.8e308) at byte {bad.At + 1}: it has no single reading, so it cannot be signed or verified."))
                : new Problem("json.invalidString", string.Create(CultureInfo.InvariantCulture, $"The document has a string with an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF) at byte {bad.At + 1}: it is not text."));
            return false;
        }

        try
        {
            node = JsonNode.Parse(utf8, null, new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false, CommentHandling = readerOptions.CommentHandling, AllowTrailingCommas = allowComments });
            if (node is null)
            {
                problem = new Problem("json.malformed", "The document is JSON null.");
                return false;
            }

            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            problem = FirstDuplicateName(utf8, readerOptions) is { } duplicate
                ? new Problem("json.malformed", DuplicateName(duplicate.Name, duplicate.Line, duplicate.Byte))
                : new Problem("json.malformed", "The document is not well-formed JSON: " + Trim(ex));
            return false;
        }
    }

    /// <summary>Whether a problem of <see cref="TryParse(ReadOnlySpan{byte}, int, int, out JsonNode?, out Problem?)"/> is a member name given twice (its message names the member, never a value).</summary>
    public static bool IsDuplicateName(Problem problem) => problem.Message.StartsWith(DuplicatePrefix, StringComparison.Ordinal);

    private const string DuplicatePrefix = "The document has the member ";

    private static string DuplicateName(string name, long line, long at)
    {
        var shown = name.Length > 64 ? name[..64] + "…" : name;
        shown = string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
        return string.Create(CultureInfo.InvariantCulture, $"{DuplicatePrefix}\"{shown}\" twice in one object (line {line}, byte {at}): a duplicate name has no single reading.");
    }

    /// <summary>The first member name repeated in its object, with its line and byte in the line (1-based); only run once the parser refused the document.</summary>
    private static (string Name, long Line, long Byte)? FirstDuplicateName(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var open = new Stack<HashSet<string>?>();
        long line = 1;
        long lineStart = 0;
        long counted = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        open.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case JsonTokenType.PropertyName when open.Peek() is { } names && !names.Add(reader.GetString()!):
                        for (; counted < reader.TokenStartIndex; counted++)
                        {
                            if (utf8[(int)counted] == (byte)'\n')
                            {
                                line++;
                                lineStart = counted + 1;
                            }
                        }

                        return (reader.GetString()!, line, reader.TokenStartIndex - lineStart + 1);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    /// <summary>
    /// The first string or name whose escapes do not decode to text, or number without a finite double value; null when
    /// there is none (or the JSON is malformed, which the parser then reports).
    /// </summary>
    private static (long At, bool Number)? FirstUnreadable(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.String or JsonTokenType.PropertyName when reader.ValueIsEscaped:
                        try
                        {
                            _ = reader.GetString();
                        }
                        catch (InvalidOperationException)
                        {
                            return (reader.TokenStartIndex, false);
                        }

                        break;
                    case JsonTokenType.Number when !reader.TryGetDouble(out var number) || !double.IsFinite(number):
                        return (reader.TokenStartIndex, true);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string Trim(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var text = cut > 0 ? message[..cut] : message;
        return ex.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{text} (line {line + 1}, byte {ex.BytePositionInLine + 1})")
            : text;
    }
}
