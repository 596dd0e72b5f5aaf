using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC;

/// <summary>
/// The one reading of JSON numbers used everywhere (JSON-LD, the checks, signing): an IEEE 754 double. A number
/// outside the double range (<c>1e400</c>) has no such reading (JSON-LD would make it <c>"INF"</c>, so that
/// <c>1e400</c> and <c>1e999</c> sign alike; JCS cannot serialize it), so it is refused wherever a document is read
/// or signed, with code <c>format.nonFiniteNumber</c>.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>Reads a JSON number as a finite double; false when it is not a number or out of range.</summary>
    public static bool TryRead(JsonValue value, out double result)
    {
        if (value.TryGetValue(out result) || TryOther(value, out result))
        {
            return double.IsFinite(result);
        }

        result = 0;
        return false;
    }

    /// <summary>The JSONPath of the first number in <paramref name="node"/> without a finite double reading; null when there is none.</summary>
    public static string? FirstNonFinite(JsonNode? node, int maxDepth = 256)
    {
        if (node is null || maxDepth < 0)
        {
            return null;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    if (FirstNonFinite(member.Value, maxDepth - 1) is { } path)
                    {
                        return path;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (FirstNonFinite(item, maxDepth - 1) is { } path)
                    {
                        return path;
                    }
                }

                return null;
            default:
                var value = node.AsValue();
                return value.GetValueKind() == JsonValueKind.Number && !TryRead(value, out _) ? node.GetPath() : null;
        }
    }

    /// <summary>The problem for a number found by <see cref="FirstNonFinite"/>.</summary>
    public static Problem NonFinite(string path) =>
        new("format.nonFiniteNumber", "The number at " + path + " is outside the range of IEEE 754 double precision (about ±1.8e308), so it has no single reading (JSON-LD and JCS cannot sign it).");

    private static bool TryOther(JsonValue value, out double result)
    {
        if (value.TryGetValue<long>(out var l))
        {
            result = l;
            return true;
        }

        if (value.TryGetValue<ulong>(out var ul))
        {
            result = ul;
            return true;
        }

        if (value.TryGetValue<int>(out var i))
        {
            result = i;
            return true;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            result = (double)m;
            return true;
        }

        if (value.TryGetValue<float>(out var f))
        {
            result = f;
            return true;
        }

        // Any other numeric CLR type a caller built the node from: its JSON text (never out of range unless non-finite).
        return double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out result);
    }
}
