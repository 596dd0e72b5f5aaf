using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// Merges the descriptions of a node that a JSON-LD document repeats under one <c>id</c> (EDC repeats the awarding
/// body under <c>issuer</c>, <c>awardedBy</c> and <c>provenBy</c>), as RDF does: every copy then shows the union of
/// the properties of all copies. A signature over the RDF dataset (eddsa-rdfc-2022) covers the union, not each JSON
/// copy, so a reader must not trust a single copy: removing a property from one copy leaves the signed data unchanged.
/// </summary>
internal static class NodeMerger
{
    /// <summary>A copy of the document with every repeated node merged; the document itself when nothing repeats.</summary>
    public static JsonObject Merge(JsonObject document)
    {
        var occurrences = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        Collect(document, occurrences, depth: 0);
        var repeated = occurrences.Where(p => p.Value.Count > 1).ToDictionary(p => p.Key, p => Union(p.Value), StringComparer.Ordinal);
        return repeated.Count == 0 ? document : (JsonObject)Rebuild(document, repeated, [], depth: 0)!;
    }

    private const int MaxDepth = 128;

    private static void Collect(JsonNode? node, Dictionary<string, List<JsonObject>> into, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                if (IdOf(o) is { } id && o.Count > 2)
                {
                    // Only descriptions count (more than id and type): a bare reference adds nothing.
                    (into.TryGetValue(id, out var list) ? list : into[id] = []).Add(o);
                }

                foreach (var (_, value) in o)
                {
                    Collect(value, into, depth + 1);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, into, depth + 1);
                }

                break;
        }
    }

    private static JsonObject Union(List<JsonObject> copies)
    {
        var merged = new JsonObject();
        foreach (var copy in copies)
        {
            foreach (var (key, value) in copy)
            {
                if (value is null)
                {
                    continue;
                }

                if (!merged.TryGetPropertyValue(key, out var existing) || existing is null)
                {
                    merged[key] = value.DeepClone();
                    continue;
                }

                var values = existing is JsonArray ea ? ea.ToList() : [existing];
                var added = value is JsonArray va ? va.ToList() : [value];
                var union = new JsonArray([.. values.Select(v => v?.DeepClone())]);
                foreach (var v in added)
                {
                    if (v is not null && !values.Any(x => JsonNode.DeepEquals(x, v)))
                    {
                        union.Add(v.DeepClone());
                    }
                }

                merged[key] = union.Count == 1 && existing is not JsonArray ? union[0]!.DeepClone() : union;
            }
        }

        return merged;
    }

    private static JsonNode? Rebuild(JsonNode? node, Dictionary<string, JsonObject> merged, HashSet<string> expanding, int depth)
    {
        if (node is null || depth > MaxDepth)
        {
            return node?.DeepClone();
        }

        switch (node)
        {
            case JsonObject o:
                var id = IdOf(o);
                var source = id is not null && o.Count > 2 && merged.TryGetValue(id, out var union) && !expanding.Contains(id) ? union : o;
                if (id is not null && ReferenceEquals(source, merged.GetValueOrDefault(id)))
                {
                    expanding.Add(id);
                }

                var copy = new JsonObject();
                foreach (var (key, value) in source)
                {
                    copy[key] = Rebuild(value, merged, expanding, depth + 1);
                }

                if (id is not null)
                {
                    expanding.Remove(id);
                }

                return copy;
            case JsonArray a:
                return new JsonArray([.. a.Select(item => Rebuild(item, merged, expanding, depth + 1))]);
            default:
                return node.DeepClone();
        }
    }

    private static string? IdOf(JsonObject o) =>
        o["id"] is JsonValue v && v.TryGetValue(out string? s) ? s : o["@id"] is JsonValue v2 && v2.TryGetValue(out string? s2) ? s2 : null;
}
