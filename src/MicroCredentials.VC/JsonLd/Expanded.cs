using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>The value of a JSON literal (<c>@type: @json</c>): the original JSON, read only.</summary>
internal sealed class JsonLiteral(JsonNode? node)
{
    public JsonNode? Node { get; } = node;
}

/// <summary>JSON <c>null</c> as an <c>@value</c> while a value object is being built (dropped before it is returned).</summary>
internal sealed class NullValue
{
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }
}

/// <summary>
/// The internal expanded form: maps are <see cref="Dictionary{TKey,TValue}"/> of string to object, arrays are
/// <see cref="List{T}"/> of object, scalars are <see cref="string"/>, <see cref="double"/> and <see cref="bool"/>,
/// and JSON literals <see cref="JsonLiteral"/>. It is walked directly by toRdf and only converted to
/// <see cref="JsonNode"/> for <c>ExpandAsync</c>.
/// </summary>
internal static class Expanded
{
    public static object? FromScalar(JsonValue v)
    {
        switch (v.GetValueKind())
        {
            case JsonValueKind.String:
                return v.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return ToDouble(v);
            default:
                return null;
        }
    }

    /// <summary>The number as a double (<see cref="JsonNumbers"/>); one outside the double range has no RDF literal and is refused.</summary>
    public static double ToDouble(JsonValue v) =>
        JsonNumbers.TryRead(v, out var d)
            ? d
            : throw new JsonLdException(JsonLdErrorCode.NonFiniteNumber, "The number at " + v.GetPath() + " is outside the range of IEEE 754 double precision: it has no RDF literal.");

    public static bool IsValueObject(object? o) => o is JMap m && m.ContainsKey("@value");

    public static bool IsListObject(object? o) => o is JMap m && m.ContainsKey("@list");

    public static bool IsGraphObject(object? o)
    {
        if (o is not JMap m || !m.ContainsKey("@graph"))
        {
            return false;
        }

        foreach (var k in m.Keys)
        {
            if (k is not ("@graph" or "@id" or "@index" or "@context"))
            {
                return false;
            }
        }

        return true;
    }

    public static List<object> AsList(object value) => value as List<object> ?? new List<object>(1) { value };

    /// <summary>Appends <paramref name="value"/> (or its items, for an array) to the array under <paramref name="key"/>.</summary>
    public static void Add(JMap map, string key, object value)
    {
        if (!map.TryGetValue(key, out var existing))
        {
            map[key] = value is List<object> l ? l : new List<object>(1) { value };
            return;
        }

        var list = existing as List<object>;
        if (list is null)
        {
            list = new List<object>(2) { existing };
            map[key] = list;
        }

        if (value is List<object> items)
        {
            list.AddRange(items);
        }
        else
        {
            list.Add(value);
        }
    }

    public static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case string s:
                return b is string t && s == t;
            case double d:
                return b is double e && d.Equals(e);
            case bool x:
                return b is bool y && x == y;
            case JsonLiteral j:
                return b is JsonLiteral k && JsonNode.DeepEquals(j.Node, k.Node);
            case List<object> la:
                {
                    if (b is not List<object> lb || la.Count != lb.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < la.Count; i++)
                    {
                        if (!DeepEquals(la[i], lb[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JMap ma:
                {
                    if (b is not JMap mb || ma.Count != mb.Count)
                    {
                        return false;
                    }

                    foreach (var kv in ma)
                    {
                        if (!mb.TryGetValue(kv.Key, out var other) || !DeepEquals(kv.Value, other))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                return false;
        }
    }

    /// <summary>A hash consistent with <see cref="DeepEquals"/>: equal values hash alike, map member order aside.</summary>
    public static int DeepHash(object? o, int depth = 0)
    {
        if (depth > 64)
        {
            // Deeper structure only refines the hash; equality still decides.
            return 0;
        }

        switch (o)
        {
            case null:
                return 0;
            case string s:
                return StringComparer.Ordinal.GetHashCode(s);
            case double d:
                return d.GetHashCode();
            case bool b:
                return b ? 1 : 2;
            case JsonLiteral j:
                return JsonHash(j.Node, depth + 1);
            case List<object> l:
                {
                    var h = new HashCode();
                    h.Add(l.Count);
                    foreach (var item in l)
                    {
                        h.Add(DeepHash(item, depth + 1));
                    }

                    return h.ToHashCode();
                }

            case JMap m:
                {
                    // Order-independent: a sum of per-member hashes.
                    var sum = m.Count;
                    foreach (var kv in m)
                    {
                        sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(kv.Key), DeepHash(kv.Value, depth + 1)));
                    }

                    return sum;
                }

            default:
                return o.GetHashCode();
        }
    }

    private static int JsonHash(JsonNode? node, int depth)
    {
        if (node is null || depth > 64)
        {
            return 0;
        }

        switch (node)
        {
            case JsonObject obj:
                {
                    var sum = obj.Count;
                    foreach (var kv in obj)
                    {
                        sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(kv.Key), JsonHash(kv.Value, depth + 1)));
                    }

                    return sum;
                }

            case JsonArray arr:
                {
                    var h = new HashCode();
                    h.Add(arr.Count);
                    foreach (var item in arr)
                    {
                        h.Add(JsonHash(item, depth + 1));
                    }

                    return h.ToHashCode();
                }

            default:
                {
                    var v = node.AsValue();
                    return v.GetValueKind() switch
                    {
                        JsonValueKind.String => StringComparer.Ordinal.GetHashCode(v.GetValue<string>()),
                        // Numbers equal as JSON are equal as doubles (the converse need not hold: a collision only).
                        JsonValueKind.Number => ToDouble(v).GetHashCode(),
                        var kind => (int)kind,
                    };
                }
        }
    }

    /// <summary><see cref="DeepEquals"/> and <see cref="DeepHash"/> as an equality comparer.</summary>
    public sealed class DeepComparer : IEqualityComparer<object>
    {
        public static readonly DeepComparer Instance = new();

        public new bool Equals(object? x, object? y) => DeepEquals(x, y);

        public int GetHashCode(object obj) => DeepHash(obj);
    }

    /// <summary>Materializes the expanded form as JSON.</summary>
    public static JsonNode? ToJson(object? o)
    {
        switch (o)
        {
            case null:
            case NullValue:
                return null;
            case string s:
                return JsonValue.Create(s);
            case double d:
                return JsonValue.Create(d);
            case bool b:
                return JsonValue.Create(b);
            case JsonLiteral j:
                return j.Node?.DeepClone();
            case List<object> l:
                {
                    var a = new JsonArray();
                    foreach (var item in l)
                    {
                        a.Add(ToJson(item));
                    }

                    return a;
                }

            case JMap m:
                {
                    var obj = new JsonObject();
                    foreach (var kv in m)
                    {
                        obj[kv.Key] = ToJson(kv.Value);
                    }

                    return obj;
                }

            default:
                throw new InvalidOperationException("Unexpected expanded value " + o.GetType().Name);
        }
    }
}
