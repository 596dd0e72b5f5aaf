using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme, as JSON-LD 1.1 §8.1.3 step 8 requires for <c>@json</c> literals: object
/// members sorted by UTF-16 code units, no whitespace, ECMAScript number serialization, minimal string escaping.
/// </summary>
internal static class JsonCanonical
{
    public static string Serialize(JsonNode? node, int maxDepth)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0, maxDepth);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, int depth, int maxDepth)
    {
        if (depth > maxDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonLdException(JsonLdErrorCode.MaxDepthExceeded, "A JSON literal nests too deeply.");
        }

        switch (node)
        {
            case null:
                sb.Append("null");
                return;
            case JsonObject o:
                {
                    var keys = new List<string>(o.Count);
                    foreach (var p in o)
                    {
                        keys.Add(p.Key);
                    }

                    keys.Sort(StringComparer.Ordinal);
                    sb.Append('{');
                    var first = true;
                    foreach (var k in keys)
                    {
                        if (!first)
                        {
                            sb.Append(',');
                        }

                        first = false;
                        WriteString(sb, k);
                        sb.Append(':');
                        Write(sb, o[k], depth + 1, maxDepth);
                    }

                    sb.Append('}');
                    return;
                }

            case JsonArray a:
                {
                    sb.Append('[');
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        Write(sb, a[i], depth + 1, maxDepth);
                    }

                    sb.Append(']');
                    return;
                }

            case JsonValue v:
                switch (v.GetValueKind())
                {
                    case JsonValueKind.String:
                        WriteString(sb, v.GetValue<string>());
                        return;
                    case JsonValueKind.True:
                        sb.Append("true");
                        return;
                    case JsonValueKind.False:
                        sb.Append("false");
                        return;
                    case JsonValueKind.Number:
                        sb.Append(Number(Expanded.ToDouble(v)));
                        return;
                    default:
                        sb.Append("null");
                        return;
                }
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>ECMAScript Number::toString for a finite double (RFC 8785 §3.2.2.3).</summary>
    internal static string Number(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJsonLiteral, "JSON literals cannot hold NaN or Infinity.");
        }

        if (d == 0)
        {
            return "0";
        }

        // Shortest round-trip digits and decimal exponent.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        var body = negative ? shortest[1..] : shortest;
        string digits;
        int exp; // value = 0.digits * 10^exp  (ECMAScript's n)
        var ePos = body.IndexOfAny(['E', 'e']);
        var mant = ePos >= 0 ? body[..ePos] : body;
        var e10 = ePos >= 0 ? int.Parse(body.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mant.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mant[..dot] : mant;
        var fracPart = dot >= 0 ? mant[(dot + 1)..] : string.Empty;
        var all = intPart + fracPart;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        exp = intPart.Length + e10 - lead;
        digits = all[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var k = digits.Length;
        var n = exp;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
