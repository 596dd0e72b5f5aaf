namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// IRI helpers: RFC 3986 §5.2 reference resolution (with §5.2.4 remove_dot_segments), absolute-IRI and keyword
/// tests used by JSON-LD 1.1 Processing Algorithms §5.2 (IRI Expansion).
/// </summary>
internal static class Iri
{
    private static readonly HashSet<string> KeywordSet = new(StringComparer.Ordinal)
    {
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    };

    public static bool IsKeyword(string? s) => s is not null && s.Length > 1 && s[0] == '@' && KeywordSet.Contains(s);

    /// <summary>Whether <paramref name="s"/> has the form of a keyword: <c>@</c> followed by ALPHA only.</summary>
    public static bool HasKeywordForm(string s)
    {
        if (s.Length < 2 || s[0] != '@')
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Length of the scheme (without the colon), or -1 when <paramref name="s"/> has no scheme.</summary>
    public static int SchemeLength(string s)
    {
        if (s.Length == 0 || !IsAlpha(s[0]))
        {
            return -1;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                return i;
            }

            if (!(IsAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="s"/> is an absolute IRI (it has a scheme).</summary>
    public static bool IsAbsolute(string s) => SchemeLength(s) > 0;

    public static bool IsBlankNode(string s) => s.Length >= 2 && s[0] == '_' && s[1] == ':';

    /// <summary>
    /// Whether an absolute IRI is well-formed enough for RDF (it has a scheme and none of the characters the
    /// N-Quads IRIREF production excludes).
    /// </summary>
    public static bool IsWellFormedIri(string s)
    {
        if (!IsAbsolute(s))
        {
            return false;
        }

        var hashes = 0;
        foreach (var c in s)
        {
            if (c == '#' && ++hashes > 1)
            {
                return false;
            }

            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="s"/> is an IRI or a blank node identifier usable as an RDF subject or object.</summary>
    public static bool IsWellFormedNode(string s) => IsBlankNode(s) || IsWellFormedIri(s);

    private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>Whether an IRI ends with a gen-delim character (RFC 3986 §2.2), which makes a simple term a prefix.</summary>
    public static bool EndsWithGenDelim(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        var c = s[^1];
        return c is ':' or '/' or '?' or '#' or '[' or ']' or '@';
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseIri"/> (RFC 3986 §5.2.2).</summary>
    /// <returns>The resolved IRI, or <paramref name="reference"/> when there is no base.</returns>
    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null)
        {
            return reference;
        }

        if (IsAbsolute(reference))
        {
            // A reference with a scheme only needs dot-segment removal.
            var r0 = Parse(reference);
            return Recompose(r0.Scheme, r0.Authority, RemoveDotSegments(r0.Path), r0.Query, r0.Fragment);
        }

        var b = Parse(baseIri);
        var r = Parse(reference);
        string? authority;
        string path;
        string? query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                path = r.Path[0] == '/' ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                query = r.Query;
            }

            authority = b.Authority;
        }

        return Recompose(b.Scheme, authority, path, query, r.Fragment);
    }

    private static string Merge(Parts b, string refPath)
    {
        if (b.Authority is not null && b.Path.Length == 0)
        {
            return "/" + refPath;
        }

        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? refPath : string.Concat(b.Path.AsSpan(0, slash + 1), refPath);
    }

    private static string Recompose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new System.Text.StringBuilder();
        if (scheme is not null)
        {
            sb.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }

        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            sb.Append('#').Append(fragment);
        }

        return sb.ToString();
    }

    /// <summary>RFC 3986 §5.2.4.</summary>
    internal static string RemoveDotSegments(string input)
    {
        if (input.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return input;
        }

        var output = new List<string>();
        var i = 0;
        var inp = input;
        var sb = new System.Text.StringBuilder();
        while (i < inp.Length)
        {
            var rest = inp.AsSpan(i);
            if (rest.StartsWith("../"))
            {
                i += 3;
            }
            else if (rest.StartsWith("./"))
            {
                i += 2;
            }
            else if (rest.StartsWith("/./"))
            {
                i += 2;
            }
            else if (rest.SequenceEqual("/."))
            {
                inp = string.Concat(inp.AsSpan(0, i), "/");
                i = inp.Length - 1;
            }
            else if (rest.StartsWith("/../"))
            {
                i += 3;
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (rest.SequenceEqual("/.."))
            {
                inp = string.Concat(inp.AsSpan(0, i), "/");
                i = inp.Length - 1;
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (rest.SequenceEqual(".") || rest.SequenceEqual(".."))
            {
                i = inp.Length;
            }
            else
            {
                var start = i;
                if (inp[i] == '/')
                {
                    i++;
                }

                var next = inp.IndexOf('/', i);
                i = next < 0 ? inp.Length : next;
                output.Add(inp.Substring(start, i - start));
            }
        }

        foreach (var seg in output)
        {
            sb.Append(seg);
        }

        return sb.ToString();
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    private static Parts Parse(string s)
    {
        string? scheme = null;
        string? authority = null;
        string? query = null;
        string? fragment = null;
        var rest = s;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var sl = SchemeLength(rest);
        if (sl > 0)
        {
            scheme = rest[..sl];
            rest = rest[(sl + 1)..];
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            if (end < 0)
            {
                authority = rest[2..];
                rest = string.Empty;
            }
            else
            {
                authority = rest[2..end];
                rest = rest[end..];
            }
        }

        return new Parts(scheme, authority, rest, query, fragment);
    }
}
