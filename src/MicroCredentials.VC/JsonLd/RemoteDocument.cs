using System.Text.Json.Nodes;

namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// A document retrieved by an <see cref="IDocumentLoader"/> (JSON-LD 1.1 API §9.4.1 <c>RemoteDocument</c>).
/// </summary>
/// <param name="DocumentUrl">The final URL of the document, after any redirects; the base IRI of its contents.</param>
/// <param name="Document">The parsed JSON document.</param>
/// <param name="ContextUrl">The URL of a context given by an HTTP <c>Link</c> header (rel <c>http://www.w3.org/ns/json-ld#context</c>), if any.</param>
/// <param name="ContentType">The media type the document was served with, if known.</param>
public sealed record RemoteDocument(string DocumentUrl, JsonNode Document, string? ContextUrl = null, string? ContentType = null);

/// <summary>
/// Retrieves JSON-LD documents and contexts by URL (JSON-LD 1.1 API §9.4 <c>LoadDocumentCallback</c>). Implementations
/// must throw <see cref="JsonLdException"/> with <see cref="JsonLdErrorCode.LoadingDocumentFailed"/> when a document
/// cannot be served. Loaders that answer from memory should complete synchronously.
/// </summary>
public interface IDocumentLoader
{
    /// <summary>Loads the document at <paramref name="url"/>.</summary>
    /// <param name="url">The absolute URL.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The document.</returns>
    ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default);
}
