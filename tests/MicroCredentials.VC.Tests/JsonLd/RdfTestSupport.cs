using System.Globalization;
using System.Text;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>
/// Test-only N-Quads line serializer/parser and an RDF dataset isomorphism check (blank-node bijection found by
/// colour refinement plus backtracking), used until the RDFC-1.0 branch provides canonical comparison.
/// </summary>
internal static class RdfTestSupport
{
    public static string Term(RdfTerm t) => t.Kind switch
    {
        RdfTermKind.Iri => "<" + t.Value + ">",
        RdfTermKind.BlankNode => "_:" + t.Value,
        _ => "\"" + Escape(t.Value) + "\"" + (t.Language is not null ? "@" + t.Language : t.Datatype == RdfTerm.XsdString ? string.Empty : "^^<" + t.Datatype + ">"),
    };

    public static string Line(Quad q) =>
        Term(q.Subject) + " " + Term(q.Predicate) + " " + Term(q.Object) + (q.Graph is null ? string.Empty : " " + Term(q.Graph)) + " .";

    public static string ToNQuads(IEnumerable<Quad> quads)
    {
        var sb = new StringBuilder();
        foreach (var q in quads)
        {
            sb.Append(Line(q)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Parses N-Quads into tuples of canonical term strings (4th is "" for the default graph).</summary>
    public static List<string[]> Parse(string text)
    {
        var result = new List<string[]>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var i = 0;
            var terms = new List<string>();
            while (i < line.Length)
            {
                var c = line[i];
                if (c == ' ' || c == '\t')
                {
                    i++;
                }
                else if (c == '.')
                {
                    break;
                }
                else if (c == '<')
                {
                    var end = line.IndexOf('>', i);
                    terms.Add("<" + Unescape(line[(i + 1)..end]) + ">");
                    i = end + 1;
                }
                else if (c == '_')
                {
                    var end = i;
                    while (end < line.Length && line[end] != ' ' && line[end] != '\t')
                    {
                        end++;
                    }

                    terms.Add(line[i..end]);
                    i = end;
                }
                else if (c == '"')
                {
                    var sb = new StringBuilder();
                    i++;
                    while (line[i] != '"')
                    {
                        if (line[i] == '\\')
                        {
                            var e = line[i + 1];
                            switch (e)
                            {
                                case 'u':
                                    sb.Append((char)int.Parse(line.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                                    i += 6;
                                    continue;
                                case 'U':
                                    sb.Append(char.ConvertFromUtf32(int.Parse(line.AsSpan(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                                    i += 10;
                                    continue;
                                case 'n': sb.Append('\n'); break;
                                case 'r': sb.Append('\r'); break;
                                case 't': sb.Append('\t'); break;
                                case 'b': sb.Append('\b'); break;
                                case 'f': sb.Append('\f'); break;
                                default: sb.Append(e); break;
                            }

                            i += 2;
                        }
                        else
                        {
                            sb.Append(line[i]);
                            i++;
                        }
                    }

                    i++;
                    var lit = "\"" + Escape(sb.ToString()) + "\"";
                    if (i < line.Length && line[i] == '@')
                    {
                        var end = i;
                        while (end < line.Length && line[end] != ' ' && line[end] != '\t')
                        {
                            end++;
                        }

                        lit += line[i..end].ToLowerInvariant();
                        i = end;
                    }
                    else if (i + 1 < line.Length && line[i] == '^' && line[i + 1] == '^')
                    {
                        var end = line.IndexOf('>', i);
                        var dt = Unescape(line[(i + 3)..end]);
                        if (dt != RdfTerm.XsdString)
                        {
                            lit += "^^<" + dt + ">";
                        }

                        i = end + 1;
                    }

                    terms.Add(lit);
                }
                else
                {
                    throw new FormatException("Bad N-Quads line: " + line);
                }
            }

            if (terms.Count == 3)
            {
                terms.Add(string.Empty);
            }

            result.Add([.. terms]);
        }

        return result;
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && s[i + 1] == 'u')
            {
                sb.Append((char)int.Parse(s.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else if (s[i] == '\\' && s[i + 1] == 'U')
            {
                sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                i += 9;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }

    public static List<string[]> FromQuads(IEnumerable<Quad> quads)
    {
        var list = new List<string[]>();
        foreach (var q in quads)
        {
            var o = Term(q.Object);
            if (q.Object.Language is not null)
            {
                o = o[..(o.LastIndexOf('@') + 1)] + q.Object.Language.ToLowerInvariant();
            }

            list.Add([Term(q.Subject), Term(q.Predicate), o, q.Graph is null ? string.Empty : Term(q.Graph)]);
        }

        return list;
    }

    private static bool IsBlank(string t) => t.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>Whether two datasets are isomorphic (duplicates removed).</summary>
    public static bool Isomorphic(List<string[]> a, List<string[]> b)
    {
        var sa = Dedup(a);
        var sb = Dedup(b);
        if (sa.Count != sb.Count)
        {
            return false;
        }

        var ba = Blanks(sa);
        var bb = Blanks(sb);
        if (ba.Count != bb.Count)
        {
            return false;
        }

        var ca = Colours(sa, ba);
        var cb = Colours(sb, bb);
        var setB = new HashSet<string>(sb.Select(Key));
        return Search(sa, setB, ba, bb, ca, cb, new Dictionary<string, string>(), new HashSet<string>(), 0);
    }

    private static List<string[]> Dedup(List<string[]> quads)
    {
        var seen = new HashSet<string>();
        var result = new List<string[]>();
        foreach (var q in quads)
        {
            if (seen.Add(Key(q)))
            {
                result.Add(q);
            }
        }

        return result;
    }

    private static string Key(string[] q) => string.Join("\u0001", q);

    private static List<string> Blanks(List<string[]> quads)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var q in quads)
        {
            foreach (var t in q)
            {
                if (IsBlank(t))
                {
                    set.Add(t);
                }
            }
        }

        return [.. set];
    }

    private static Dictionary<string, string> Colours(List<string[]> quads, List<string> blanks)
    {
        var colour = blanks.ToDictionary(b => b, _ => "0");
        for (var round = 0; round < 6; round++)
        {
            var next = new Dictionary<string, string>();
            foreach (var b in blanks)
            {
                var sigs = new List<string>();
                foreach (var q in quads)
                {
                    for (var pos = 0; pos < 4; pos++)
                    {
                        if (q[pos] == b)
                        {
                            sigs.Add(pos + ":" + string.Join("|", q.Select((t, i) => i == pos ? "*" : IsBlank(t) ? "_" + colour[t] : t)));
                        }
                    }
                }

                sigs.Sort(StringComparer.Ordinal);
                next[b] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", sigs))))[..16];
            }

            colour = next;
        }

        return colour;
    }

    private static bool Search(List<string[]> sa, HashSet<string> setB, List<string> ba, List<string> bb, Dictionary<string, string> ca, Dictionary<string, string> cb, Dictionary<string, string> map, HashSet<string> used, int index)
    {
        if (index == ba.Count)
        {
            foreach (var q in sa)
            {
                var mapped = q.Select(t => IsBlank(t) ? map[t] : t).ToArray();
                if (!setB.Contains(Key(mapped)))
                {
                    return false;
                }
            }

            return true;
        }

        var b = ba[index];
        foreach (var candidate in bb)
        {
            if (used.Contains(candidate) || cb[candidate] != ca[b])
            {
                continue;
            }

            map[b] = candidate;
            used.Add(candidate);
            if (Search(sa, setB, ba, bb, ca, cb, map, used, index + 1))
            {
                return true;
            }

            used.Remove(candidate);
            map.Remove(b);
        }

        return false;
    }
}
