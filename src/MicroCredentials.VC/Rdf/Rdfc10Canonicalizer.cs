using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// One run of the RDFC-1.0 canonicalization algorithm (W3C Recommendation, 21 May 2024): §4.4 (canonicalization
/// state and main algorithm), §4.6 Hash First Degree Quads, §4.7 Hash Related Blank Node, §4.8 Hash N-Degree
/// Quads, §5 Serialization, with the canonical N-Quads form of Appendix A.
/// </summary>
/// <remarks>
/// Every quad is serialized once, to UTF-8, into one pooled buffer, leaving out its blank nodes; a line for
/// hashing or output is then stitched from those bytes and the blank node labels of the moment (<c>_:a</c>/<c>_:z</c>
/// for first-degree hashes, <c>_:c14nN</c> for the result). UTF-8 byte order is code point order, so lines sort
/// with a plain byte comparison. Hashes come from the BCL's one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// Blank nodes are numbered in order of first appearance, which fixes the order ties are broken in.
/// </remarks>
internal sealed class Rdfc10Canonicalizer : IEqualityComparer<int>, IDisposable
{
    private const int NotBlank = -1;
    private const int DefaultGraph = -2;

    private readonly IReadOnlyList<Quad> _input;
    private readonly bool _sha384;
    private readonly long? _workLimitOption;
    private readonly CancellationToken _cancellationToken;
    private readonly ByteBuffer _terms = new(8192);
    private readonly ByteBuffer _lines = new(8192);
    private readonly ByteBuffer _hashInput = new(4096);
    private readonly Dictionary<string, int> _blankIndex = new(StringComparer.Ordinal);
    private readonly List<string> _labels = [];
    private QuadRecord[] _quads = [];
    private int _quadCount;
    private LineRange[] _ranges = [];
    private int[] _quadsOfStart = [];
    private int[] _quadsOf = [];
    private string[] _firstDegree = [];
    private int[] _canonical = [];
    private int[] _canonicalOrder = [];
    private int _canonicalCount;
    private long _work;
    private long _workLimit;

    public Rdfc10Canonicalizer(IReadOnlyList<Quad> input, RdfcOptions options, CancellationToken cancellationToken)
    {
        _input = input;
        if (options.HashAlgorithm == HashAlgorithmName.SHA256)
        {
            _sha384 = false;
        }
        else if (options.HashAlgorithm == HashAlgorithmName.SHA384)
        {
            _sha384 = true;
        }
        else
        {
            throw Error.Argument(nameof(options), "RDFC-1.0 supports the hash algorithms SHA256 and SHA384, not " + options.HashAlgorithm.Name + ".");
        }

        if (options.WorkLimit is < 0)
        {
            throw Error.ArgumentOutOfRange(nameof(options), options.WorkLimit, "The work limit must not be negative.");
        }

        _workLimitOption = options.WorkLimit;
        _cancellationToken = cancellationToken;
    }

    public RdfcResult Run()
    {
        Load();
        IndexQuadsByBlankNode();
        var blankCount = _labels.Count;
        _workLimit = _workLimitOption ?? checked(RdfcOptions.AutomaticWorkLimitBase + (RdfcOptions.AutomaticWorkLimitPerBlankNode * blankCount));
        _canonical = new int[blankCount];
        _canonical.AsSpan().Fill(-1);
        _canonicalOrder = new int[blankCount];

        // §4.4.3: first-degree hashes; blank nodes with a unique hash get canonical identifiers
        // in hash order.
        _firstDegree = new string[blankCount];
        for (var b = 0; b < blankCount; b++)
        {
            _firstDegree[b] = HashFirstDegreeQuads(b);
        }

        var order = new int[blankCount];
        for (var b = 0; b < blankCount; b++)
        {
            order[b] = b;
        }

        Array.Sort(order, new FirstDegreeOrder(_firstDegree));
        List<(int Start, int Count)>? shared = null;
        for (var i = 0; i < blankCount;)
        {
            var j = i + 1;
            while (j < blankCount && string.Equals(_firstDegree[order[j]], _firstDegree[order[i]], StringComparison.Ordinal))
            {
                j++;
            }

            if (j - i == 1)
            {
                IssueCanonical(order[i]);
            }
            else
            {
                (shared ??= []).Add((i, j - i));
            }

            i = j;
        }

        // §4.4.3: blank nodes that share a first-degree hash, through Hash N-Degree Quads.
        if (shared is not null)
        {
            foreach (var (start, count) in shared)
            {
                var results = new List<(string Hash, IdentifierIssuer Issuer)>(count);
                for (var k = start; k < start + count; k++)
                {
                    var n = order[k];
                    if (_canonical[n] >= 0)
                    {
                        continue;
                    }

                    var temporary = new IdentifierIssuer();
                    temporary.Issue(n);
                    results.Add(HashNDegreeQuads(n, temporary));
                }

                // Stable sort by hash: equal hashes keep the order of the identifier list.
                var sorted = new (string Hash, IdentifierIssuer Issuer, int Position)[results.Count];
                for (var k = 0; k < sorted.Length; k++)
                {
                    sorted[k] = (results[k].Hash, results[k].Issuer, k);
                }

                Array.Sort(sorted, static (x, y) =>
                {
                    var c = string.CompareOrdinal(x.Hash, y.Hash);
                    return c != 0 ? c : x.Position.CompareTo(y.Position);
                });
                foreach (var result in sorted)
                {
                    foreach (var existing in result.Issuer.Order)
                    {
                        IssueCanonical(existing);
                    }
                }
            }
        }

        return BuildResult();
    }

    public void Dispose()
    {
        _terms.Dispose();
        _lines.Dispose();
        _hashInput.Dispose();
        if (_quads.Length > 0)
        {
            ArrayPool<QuadRecord>.Shared.Return(_quads);
            _quads = [];
        }

        if (_ranges.Length > 0)
        {
            ArrayPool<LineRange>.Shared.Return(_ranges);
            _ranges = [];
        }
    }

    bool IEqualityComparer<int>.Equals(int x, int y)
    {
        ref readonly var a = ref _quads[x];
        ref readonly var b = ref _quads[y];
        return a.S == b.S && a.O == b.O && a.G == b.G
            && SameBytes(a.SStart, a.SLength, b.SStart, b.SLength)
            && SameBytes(a.PStart, a.PLength, b.PStart, b.PLength)
            && SameBytes(a.OStart, a.OLength, b.OStart, b.OLength)
            && SameBytes(a.GStart, a.GLength, b.GStart, b.GLength);
    }

    int IEqualityComparer<int>.GetHashCode(int index)
    {
        ref readonly var q = ref _quads[index];
        // Every byte of every term: a cheaper hash (say, each term's tail) makes whole datasets collide (typed
        // literals all end in their datatype IRI), and deduplication quadratic. HashCode is seeded per process.
        var h = new HashCode();
        h.Add(q.S);
        h.Add(q.O);
        h.Add(q.G);
        h.AddBytes(_terms.Slice(q.SStart, q.SLength));
        h.AddBytes(_terms.Slice(q.PStart, q.PLength));
        h.AddBytes(_terms.Slice(q.OStart, q.OLength));
        h.AddBytes(_terms.Slice(q.GStart, q.GLength));
        return h.ToHashCode();
    }

    /// <summary>
    /// §4.4.3: checks the quads, serializes their non-blank terms once, numbers the blank nodes, and drops
    /// duplicate quads (a dataset is a set).
    /// </summary>
    private void Load()
    {
        var count = _input.Count;
        _quads = ArrayPool<QuadRecord>.Shared.Rent(Math.Max(count, 1));
        var seen = new HashSet<int>(count, this);
        for (var i = 0; i < count; i++)
        {
            var quad = _input[i];
            if (quad is null)
            {
                throw Error.InvalidQuad("dataset", i, "the quad is null.");
            }

            if (quad.Subject is null || quad.Predicate is null || quad.Object is null)
            {
                throw Error.InvalidQuad("dataset", i, "subject, predicate and object are required.");
            }

            if (quad.Subject.IsLiteral)
            {
                throw Error.InvalidQuad("dataset", i, "the subject is a literal.");
            }

            if (!quad.Predicate.IsIri)
            {
                throw Error.InvalidQuad("dataset", i, "the predicate is not an IRI.");
            }

            if (quad.Graph is { IsLiteral: true })
            {
                throw Error.InvalidQuad("dataset", i, "the graph name is a literal.");
            }

            var mark = _terms.Length;
            ref var r = ref _quads[_quadCount];
            r.Source = i;
            r.S = Encode(quad.Subject, out r.SStart, out r.SLength);
            r.PStart = _terms.Length;
            NQuadsTermWriter.WriteTerm(quad.Predicate, _terms);
            r.PLength = _terms.Length - r.PStart;
            r.O = Encode(quad.Object, out r.OStart, out r.OLength);
            if (quad.Graph is null)
            {
                r.G = DefaultGraph;
                r.GStart = 0;
                r.GLength = 0;
            }
            else
            {
                r.G = Encode(quad.Graph, out r.GStart, out r.GLength);
            }

            if (seen.Add(_quadCount))
            {
                _quadCount++;
            }
            else
            {
                _terms.Truncate(mark);
            }
        }
    }

    private int Encode(RdfTerm term, out int start, out int length)
    {
        if (term.IsBlankNode)
        {
            start = 0;
            length = 0;
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_blankIndex, term.Value, out var exists);
            if (!exists)
            {
                index = _labels.Count;
                _labels.Add(term.Value);
            }

            return index;
        }

        start = _terms.Length;
        NQuadsTermWriter.WriteTerm(term, _terms);
        length = _terms.Length - start;
        return NotBlank;
    }

    /// <summary>§4.4.3: the blank node to quads map, as one flat array (each quad once per blank node).</summary>
    private void IndexQuadsByBlankNode()
    {
        var blankCount = _labels.Count;
        var counts = new int[blankCount + 1];
        for (var i = 0; i < _quadCount; i++)
        {
            ref readonly var q = ref _quads[i];
            if (q.S >= 0)
            {
                counts[q.S]++;
            }

            if (q.O >= 0 && q.O != q.S)
            {
                counts[q.O]++;
            }

            if (q.G >= 0 && q.G != q.S && q.G != q.O)
            {
                counts[q.G]++;
            }
        }

        _quadsOfStart = new int[blankCount + 1];
        for (var b = 0; b < blankCount; b++)
        {
            _quadsOfStart[b + 1] = _quadsOfStart[b] + counts[b];
        }

        _quadsOf = new int[_quadsOfStart[blankCount]];
        var fill = counts;
        _quadsOfStart.AsSpan(0, blankCount).CopyTo(fill);
        for (var i = 0; i < _quadCount; i++)
        {
            ref readonly var q = ref _quads[i];
            if (q.S >= 0)
            {
                _quadsOf[fill[q.S]++] = i;
            }

            if (q.O >= 0 && q.O != q.S)
            {
                _quadsOf[fill[q.O]++] = i;
            }

            if (q.G >= 0 && q.G != q.S && q.G != q.O)
            {
                _quadsOf[fill[q.G]++] = i;
            }
        }
    }

    private ReadOnlySpan<int> QuadsOf(int blankNode) =>
        _quadsOf.AsSpan(_quadsOfStart[blankNode], _quadsOfStart[blankNode + 1] - _quadsOfStart[blankNode]);

    /// <summary>§4.6 Hash First Degree Quads: the blank node as <c>_:a</c>, every other as <c>_:z</c>, lines sorted.</summary>
    private string HashFirstDegreeQuads(int blankNode)
    {
        var quads = QuadsOf(blankNode);
        _lines.Clear();
        var ranges = Ranges(quads.Length);
        for (var k = 0; k < quads.Length; k++)
        {
            var start = _lines.Length;
            WriteLine(in _quads[quads[k]], _lines, blankNode);
            ranges[k] = new LineRange(start, _lines.Length - start, quads[k]);
        }

        return HashSortedLines(ranges);
    }

    /// <summary>Sorts lines (held in <see cref="_lines"/>) in code point order and hashes their concatenation.</summary>
    private string HashSortedLines(Span<LineRange> ranges)
    {
        ranges.Sort(new LineOrder(_lines.RawBuffer));
        _hashInput.Clear();
        foreach (var range in ranges)
        {
            _hashInput.Add(_lines.Slice(range.Start, range.Length));
        }

        return Hash(_hashInput.WrittenSpan);
    }

    /// <summary>
    /// §4.7 Hash Related Blank Node: position, the predicate for s and o, then the related node's canonical
    /// identifier, or its identifier from <paramref name="issuer"/>, or its first-degree hash.
    /// </summary>
    private string HashRelatedBlankNode(int related, in QuadRecord quad, IdentifierIssuer issuer, byte position)
    {
        var input = _hashInput;
        input.Clear();
        input.Add(position);
        if (position != (byte)'g')
        {
            input.Add(_terms.Slice(quad.PStart, quad.PLength));
        }

        if (_canonical[related] >= 0)
        {
            input.Add("_:c14n"u8);
            input.AddDecimal(_canonical[related]);
        }
        else if (issuer.TryGet(related, out var id))
        {
            input.Add("_:b"u8);
            input.AddDecimal(id);
        }
        else
        {
            var hash = _firstDegree[related];
            var span = input.GetSpan(hash.Length);
            var written = Encoding.ASCII.GetBytes(hash, span);
            input.Advance(written);
        }

        return Hash(input.WrittenSpan);
    }

    /// <summary>§4.8 Hash N-Degree Quads, with the work limit checked on every call and permutation.</summary>
    private (string Hash, IdentifierIssuer Issuer) HashNDegreeQuads(int identifier, IdentifierIssuer issuer)
    {
        CountWork();

        // Steps 1–3: related blank nodes grouped by their Hash Related Blank Node hash.
        var related = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var q in QuadsOf(identifier))
        {
            ref readonly var quad = ref _quads[q];
            if (quad.S >= 0 && quad.S != identifier)
            {
                AddRelated(related, HashRelatedBlankNode(quad.S, in quad, issuer, (byte)'s'), quad.S);
            }

            if (quad.O >= 0 && quad.O != identifier)
            {
                AddRelated(related, HashRelatedBlankNode(quad.O, in quad, issuer, (byte)'o'), quad.O);
            }

            if (quad.G >= 0 && quad.G != identifier)
            {
                AddRelated(related, HashRelatedBlankNode(quad.G, in quad, issuer, (byte)'g'), quad.G);
            }
        }

        var hashes = new string[related.Count];
        related.Keys.CopyTo(hashes, 0);
        Array.Sort(hashes, StringComparer.Ordinal);

        // Steps 4–5: for each related hash, the lexicographically least path over all permutations.
        var dataToHash = new StringBuilder();
        var path = new PathBuilder();
        foreach (var relatedHash in hashes)
        {
            dataToHash.Append(relatedHash);
            var blankNodes = related[relatedHash];
            string? chosenPath = null;
            IdentifierIssuer? chosenIssuer = null;
            var permutation = new int[blankNodes.Count];
            for (var k = 0; k < permutation.Length; k++)
            {
                permutation[k] = k;
            }

            var recursion = new List<int>();
            do
            {
                CountWork();
                var issuerCopy = issuer.Clone();
                path.Clear();
                recursion.Clear();
                var skip = false;
                foreach (var p in permutation)
                {
                    var node = blankNodes[p];
                    if (_canonical[node] >= 0)
                    {
                        path.Append("_:c14n");
                        path.Append(_canonical[node]);
                    }
                    else
                    {
                        if (!issuerCopy.Has(node))
                        {
                            recursion.Add(node);
                        }

                        path.Append("_:b");
                        path.Append(issuerCopy.Issue(node));
                    }

                    if (chosenPath is not null && path.Length >= chosenPath.Length && Compare(path, chosenPath) > 0)
                    {
                        skip = true;
                        break;
                    }
                }

                if (skip)
                {
                    continue;
                }

                foreach (var node in recursion)
                {
                    var result = HashNDegreeQuads(node, issuerCopy);
                    path.Append("_:b");
                    path.Append(issuerCopy.Issue(node));
                    path.Append("<");
                    path.Append(result.Hash);
                    path.Append(">");
                    issuerCopy = result.Issuer;
                    if (chosenPath is not null && path.Length >= chosenPath.Length && Compare(path, chosenPath) > 0)
                    {
                        skip = true;
                        break;
                    }
                }

                if (skip)
                {
                    continue;
                }

                if (chosenPath is null || Compare(path, chosenPath) < 0)
                {
                    chosenPath = path.ToString();
                    chosenIssuer = issuerCopy;
                }
            }
            while (NextPermutation(permutation));

            dataToHash.Append(chosenPath);
            issuer = chosenIssuer!;
        }

        // Step 6. The data is ASCII (hex hashes and identifiers).
        var data = dataToHash.ToString();
        _hashInput.Clear();
        var span = _hashInput.GetSpan(data.Length);
        _hashInput.Advance(Encoding.ASCII.GetBytes(data, span));
        return (Hash(_hashInput.WrittenSpan), issuer);
    }

    private static void AddRelated(Dictionary<string, List<int>> related, string hash, int node)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(related, hash, out _);
        (list ??= []).Add(node);
    }

    /// <summary>Compares a path under construction with a chosen path (ASCII, so ordinal is code point order).</summary>
    private static int Compare(PathBuilder path, string chosen) => path.Span.SequenceCompareTo(chosen);

    /// <summary>Advances to the next permutation in lexicographic order; false after the last one.</summary>
    private static bool NextPermutation(Span<int> a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        var j = a.Length - 1;
        while (a[j] <= a[i])
        {
            j--;
        }

        (a[i], a[j]) = (a[j], a[i]);
        a[(i + 1)..].Reverse();
        return true;
    }

    private void CountWork()
    {
        _work++;
        if (_work > _workLimit)
        {
            throw RdfcException.WorkLimitExceeded(_workLimit);
        }

        if ((_work & 0xFF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>§4.5.2 Issue Identifier on the canonical issuer (prefix <c>c14n</c>).</summary>
    private void IssueCanonical(int blankNode)
    {
        if (_canonical[blankNode] < 0)
        {
            _canonicalOrder[_canonicalCount] = blankNode;
            _canonical[blankNode] = _canonicalCount++;
        }
    }

    /// <summary>§4.4.3 and §5: relabel, serialize, sort in code point order, join.</summary>
    private RdfcResult BuildResult()
    {
        _lines.Clear();
        var ranges = Ranges(_quadCount);
        for (var i = 0; i < _quadCount; i++)
        {
            var start = _lines.Length;
            WriteLine(in _quads[i], _lines, NotBlank);
            ranges[i] = new LineRange(start, _lines.Length - start, i);
        }

        ranges.Sort(new LineOrder(_lines.RawBuffer));
        var utf8 = GC.AllocateUninitializedArray<byte>(_lines.Length);
        var sortedInput = new Quad[_quadCount];
        var offset = 0;
        for (var i = 0; i < ranges.Length; i++)
        {
            var range = ranges[i];
            _lines.Slice(range.Start, range.Length).CopyTo(utf8.AsSpan(offset));
            offset += range.Length;
            sortedInput[i] = _input[_quads[range.Quad].Source];
        }

        var issued = new Dictionary<string, string>(_canonicalCount, StringComparer.Ordinal);
        for (var i = 0; i < _canonicalCount; i++)
        {
            issued.Add(_labels[_canonicalOrder[i]], CanonicalLabel(i));
        }

        return new RdfcResult(utf8, sortedInput, issued);
    }

    private static readonly string[] CanonicalLabels = CreateCanonicalLabels(64);

    private static string[] CreateCanonicalLabels(int count)
    {
        var labels = new string[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = "c14n" + i.ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }

    private static string CanonicalLabel(int n) =>
        n < CanonicalLabels.Length ? CanonicalLabels[n] : "c14n" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes one quad line. <paramref name="focus"/> ≥ 0: first-degree form (<c>_:a</c> for that blank node,
    /// <c>_:z</c> for others); <see cref="NotBlank"/>: canonical labels.
    /// </summary>
    private void WriteLine(in QuadRecord q, ByteBuffer output, int focus)
    {
        WritePart(q.S, q.SStart, q.SLength, output, focus);
        output.Add((byte)' ');
        output.Add(_terms.Slice(q.PStart, q.PLength));
        output.Add((byte)' ');
        WritePart(q.O, q.OStart, q.OLength, output, focus);
        if (q.G != DefaultGraph)
        {
            output.Add((byte)' ');
            WritePart(q.G, q.GStart, q.GLength, output, focus);
        }

        output.Add(" .\n"u8);
    }

    private void WritePart(int blankNode, int start, int length, ByteBuffer output, int focus)
    {
        if (blankNode < 0)
        {
            output.Add(_terms.Slice(start, length));
        }
        else if (focus >= 0)
        {
            output.Add(blankNode == focus ? "_:a"u8 : "_:z"u8);
        }
        else
        {
            output.Add("_:c14n"u8);
            output.AddDecimal(_canonical[blankNode]);
        }
    }

    private Span<LineRange> Ranges(int count)
    {
        if (_ranges.Length < count)
        {
            if (_ranges.Length > 0)
            {
                ArrayPool<LineRange>.Shared.Return(_ranges);
            }

            _ranges = ArrayPool<LineRange>.Shared.Rent(Math.Max(count, 16));
        }

        return _ranges.AsSpan(0, count);
    }

    private string Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[SHA384.HashSizeInBytes];
        var n = _sha384 ? SHA384.HashData(data, digest) : SHA256.HashData(data, digest);
        return Convert.ToHexStringLower(digest[..n]);
    }

    private bool SameBytes(int aStart, int aLength, int bStart, int bLength) =>
        _terms.Slice(aStart, aLength).SequenceEqual(_terms.Slice(bStart, bLength));

    /// <summary>One quad, its non-blank terms as ranges of serialized bytes and its blank nodes as indexes.</summary>
    private struct QuadRecord
    {
        public int Source;
        public int S;
        public int O;
        public int G;
        public int SStart;
        public int SLength;
        public int PStart;
        public int PLength;
        public int OStart;
        public int OLength;
        public int GStart;
        public int GLength;
    }

    /// <summary>A reusable ASCII path buffer for Hash N-Degree Quads.</summary>
    private sealed class PathBuilder
    {
        private char[] _chars = new char[64];
        private int _length;

        public int Length => _length;

        public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

        public void Clear() => _length = 0;

        public void Append(string text)
        {
            Ensure(text.Length);
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }

        public void Append(int value)
        {
            Ensure(11);
            value.TryFormat(_chars.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
        }

        public override string ToString() => new(_chars, 0, _length);

        private void Ensure(int extra)
        {
            if (_chars.Length - _length < extra)
            {
                Array.Resize(ref _chars, Math.Max(checked(_length + extra), checked(_chars.Length * 2)));
            }
        }
    }

    private readonly record struct LineRange(int Start, int Length, int Quad);

    /// <summary>Code point order of UTF-8 lines held in one buffer.</summary>
    private readonly struct LineOrder(byte[] buffer) : IComparer<LineRange>
    {
        public int Compare(LineRange x, LineRange y) =>
            buffer.AsSpan(x.Start, x.Length).SequenceCompareTo(buffer.AsSpan(y.Start, y.Length));
    }

    /// <summary>First-degree hash order, ties by first appearance.</summary>
    private sealed class FirstDegreeOrder(string[] hashes) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var c = string.CompareOrdinal(hashes[x], hashes[y]);
            return c != 0 ? c : x.CompareTo(y);
        }
    }
}
