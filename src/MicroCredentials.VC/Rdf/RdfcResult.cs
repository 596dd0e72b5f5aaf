using System.Text;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// The result of RDFC-1.0 canonicalization (W3C Recommendation, 21 May 2024, §4.4 step 7 and §4.4.1): the
/// canonical N-Quads document and the issued identifiers map (input blank node label → canonical label).
/// </summary>
public sealed class RdfcResult
{
    private readonly byte[] _utf8;
    private readonly Quad[] _sortedInput;
    private readonly Dictionary<string, string> _issued;
    private string? _text;
    private IReadOnlyList<Quad>? _quads;

    internal RdfcResult(byte[] utf8, Quad[] sortedInput, Dictionary<string, string> issued)
    {
        _utf8 = utf8;
        _sortedInput = sortedInput;
        _issued = issued;
    }

    /// <summary>
    /// The canonical N-Quads document: every quad once, blank nodes relabeled <c>c14n0</c>, <c>c14n1</c>, …,
    /// one quad a line (each ending in <c>"\n"</c>), lines sorted in code point order.
    /// </summary>
    public string CanonicalNQuads => _text ??= Encoding.UTF8.GetString(_utf8);

    /// <summary>
    /// <see cref="CanonicalNQuads"/> encoded in UTF-8: the bytes a Data Integrity cryptosuite hashes, with no
    /// extra encoding step.
    /// </summary>
    public ReadOnlyMemory<byte> CanonicalNQuadsUtf8 => _utf8;

    /// <summary>The canonical quads, relabeled, in the order of the lines of <see cref="CanonicalNQuads"/>.</summary>
    public IReadOnlyList<Quad> CanonicalQuads => _quads ??= Relabel();

    /// <summary>
    /// The issued identifiers map of §4.4: every blank node label of the input (without <c>_:</c>) mapped to its
    /// canonical label (<c>c14nN</c>, without <c>_:</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> IssuedIdentifiers => _issued;

    private Quad[] Relabel()
    {
        var terms = new Dictionary<string, RdfTerm>(_issued.Count, StringComparer.Ordinal);
        foreach (var (label, canonical) in _issued)
        {
            terms[label] = RdfTerm.Blank(canonical);
        }

        var result = new Quad[_sortedInput.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var q = _sortedInput[i];
            result[i] = new Quad(Map(q.Subject), q.Predicate, Map(q.Object), q.Graph is null ? null : Map(q.Graph));
        }

        return result;

        RdfTerm Map(RdfTerm term) => term.IsBlankNode ? terms[term.Value] : term;
    }
}
