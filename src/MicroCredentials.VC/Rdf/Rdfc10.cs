namespace MicroCredentials.VC.Rdf;

/// <summary>
/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 21 May 2024,
/// https://www.w3.org/TR/rdf-canon/): §4.4 canonicalization algorithm, §4.5 identifier issuer, §4.6 Hash First
/// Degree Quads, §4.7 Hash Related Blank Node, §4.8 Hash N-Degree Quads, and the canonical N-Quads output of
/// §4.3. Conformance is checked against the full W3C rdf-canon test suite.
/// </summary>
/// <remarks>
/// Tree-shaped datasets, where every blank node has a distinct first-degree hash (the usual credential), never
/// reach Hash N-Degree Quads and cost one serialization and one hash per blank node. Datasets built to make the
/// algorithm explode (poison graphs) stop at <see cref="RdfcOptions.WorkLimit"/> with an
/// <see cref="RdfcException"/>.
/// </remarks>
/// <example>
/// <code>
/// var result = Rdfc10.Canonicalize(quads);
/// byte[] digest = SHA256.HashData(result.CanonicalNQuadsUtf8.Span);
/// </code>
/// </example>
public static class Rdfc10
{
    /// <summary>Canonicalizes an RDF dataset.</summary>
    /// <param name="dataset">The quads; duplicates count once (a dataset is a set).</param>
    /// <param name="options">Hash algorithm and work limit; <see cref="RdfcOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked while Hash N-Degree Quads runs.</param>
    /// <returns>The canonical N-Quads, canonical quads and issued identifiers map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A quad is null or not an RDF quad (literal subject or graph name, non-IRI predicate), or the options name
    /// an unsupported hash algorithm or a negative work limit.
    /// </exception>
    /// <exception cref="RdfcException">The work limit was exceeded (code <see cref="RdfcException.WorkLimitExceededCode"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static RdfcResult Canonicalize(IReadOnlyList<Quad> dataset, RdfcOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (dataset is null)
        {
            throw Error.ArgumentNull(nameof(dataset));
        }

        using var canonicalizer = new Rdfc10Canonicalizer(dataset, options ?? RdfcOptions.Default, cancellationToken);
        return canonicalizer.Run();
    }

    /// <summary>Parses an N-Quads document and returns its canonical N-Quads form.</summary>
    /// <param name="nquads">The N-Quads document.</param>
    /// <param name="options">Hash algorithm and work limit; <see cref="RdfcOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The canonical N-Quads document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nquads"/> is <see langword="null"/>.</exception>
    /// <exception cref="NQuadsFormatException">The document is not valid N-Quads.</exception>
    /// <exception cref="RdfcException">The work limit was exceeded.</exception>
    public static string CanonicalizeNQuads(string nquads, RdfcOptions? options = null) =>
        Canonicalize(NQuads.Parse(nquads), options).CanonicalNQuads;
}
