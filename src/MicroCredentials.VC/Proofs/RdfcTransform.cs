using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Proofs;

/// <summary>The transformation of the RDF-based suites: JSON-LD to RDF in safe mode, then RDFC-1.0, as canonical N-Quads in UTF-8.</summary>
internal static class RdfcTransform
{
    /// <summary>JSON-LD to RDF (safe mode), then RDFC-1.0 with <paramref name="options"/>: the canonical N-Quads as UTF-8.</summary>
    /// <param name="document">The document.</param>
    /// <param name="context">The environment.</param>
    /// <param name="options">The RDFC-1.0 options (its hash algorithm).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="capture">Receives the dataset that is canonicalized, when given.</param>
    /// <returns>The canonical bytes.</returns>
    /// <exception cref="ProofException">JSON-LD processing or canonicalization failed.</exception>
    internal static async ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, RdfcOptions options, CancellationToken cancellationToken, List<Quad>? capture = null)
    {
        IReadOnlyList<Quad> quads;
        try
        {
            quads = await JsonLdProcessor.ToRdfAsync(document, context.JsonLdOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonLdException ex)
        {
            throw new ProofException("context." + ex.Code.Replace(' ', '-'), "JSON-LD processing failed: " + ex.Message, ex);
        }

        capture?.AddRange(quads);
        try
        {
            return Rdfc10.Canonicalize(quads, options, cancellationToken).CanonicalNQuadsUtf8.ToArray();
        }
        catch (RdfcException ex)
        {
            throw new ProofException("signature.canonicalization", "RDF canonicalization failed: " + ex.Message, ex);
        }
    }
}
