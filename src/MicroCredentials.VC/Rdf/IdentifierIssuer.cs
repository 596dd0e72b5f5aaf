namespace MicroCredentials.VC.Rdf;

/// <summary>
/// The identifier issuer of RDFC-1.0 §4.5 for the temporary (<c>_:bN</c>) identifiers of Hash N-Degree Quads:
/// issues consecutive numbers to blank nodes (held as dataset-local indexes) and remembers the order it issued
/// them in. The canonical issuer lives in <see cref="Rdfc10Canonicalizer"/> as flat arrays.
/// </summary>
internal sealed class IdentifierIssuer
{
    private readonly Dictionary<int, int> _issued;
    private readonly List<int> _order;

    public IdentifierIssuer()
    {
        _issued = [];
        _order = [];
    }

    private IdentifierIssuer(IdentifierIssuer other)
    {
        _issued = new Dictionary<int, int>(other._issued);
        _order = new List<int>(other._order);
    }

    /// <summary>The blank nodes in the order their identifiers were issued.</summary>
    public List<int> Order => _order;

    /// <summary>§4.5.2 Issue Identifier: the existing number, or the next one.</summary>
    public int Issue(int blankNode)
    {
        if (_issued.TryGetValue(blankNode, out var id))
        {
            return id;
        }

        id = _order.Count;
        _issued.Add(blankNode, id);
        _order.Add(blankNode);
        return id;
    }

    public bool TryGet(int blankNode, out int id) => _issued.TryGetValue(blankNode, out id);

    public bool Has(int blankNode) => _issued.ContainsKey(blankNode);

    /// <summary>A copy that issues independently of this issuer.</summary>
    public IdentifierIssuer Clone() => new(this);
}
