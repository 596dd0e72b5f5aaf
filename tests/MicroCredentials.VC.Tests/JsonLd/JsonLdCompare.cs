using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>
/// "JSON-LD object comparison" of the json-ld-api test README: arrays are unordered except @list values; numbers
/// compare by value; language tags case-insensitively.
/// </summary>
internal static class JsonLdCompare
{
    public static bool Equal(JsonNode? a, JsonNode? b, bool ordered = false, string? key = null)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case JsonObject oa:
                {
                    if (b is not JsonObject ob || oa.Count != ob.Count)
                    {
                        return false;
                    }

                    foreach (var p in oa)
                    {
                        if (!ob.TryGetPropertyValue(p.Key, out var other))
                        {
                            return false;
                        }

                        if (!Equal(p.Value, other, p.Key == "@list", p.Key))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JsonArray aa:
                {
                    if (b is not JsonArray ab || aa.Count != ab.Count)
                    {
                        return false;
                    }

                    if (ordered)
                    {
                        for (var i = 0; i < aa.Count; i++)
                        {
                            if (!Equal(aa[i], ab[i]))
                            {
                                return false;
                            }
                        }

                        return true;
                    }

                    var used = new bool[ab.Count];
                    foreach (var item in aa)
                    {
                        var found = false;
                        for (var j = 0; j < ab.Count; j++)
                        {
                            if (!used[j] && Equal(item, ab[j]))
                            {
                                used[j] = true;
                                found = true;
                                break;
                            }
                        }

                        if (!found)
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                {
                    if (b is not JsonValue)
                    {
                        return false;
                    }

                    var ka = a.GetValueKind();
                    var kb = b.GetValueKind();
                    if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
                    {
                        return a.GetValue<double>() == b.GetValue<double>();
                    }

                    if (ka == JsonValueKind.String && kb == JsonValueKind.String && key == "@language")
                    {
                        return string.Equals(a.GetValue<string>(), b.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
                    }

                    return JsonNode.DeepEquals(a, b);
                }
        }
    }
}
