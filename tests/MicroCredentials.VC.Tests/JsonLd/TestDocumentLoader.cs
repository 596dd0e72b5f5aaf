using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>
/// Serves the json-ld-api test folder under its published URL and simulates the HTTP behaviour the remote-doc tests
/// describe in their <c>option</c> (redirectTo, httpStatus, contentType, httpLink), as the suite's README asks.
/// </summary>
internal sealed class TestDocumentLoader : IDocumentLoader
{
    public const string BaseUrl = "https://w3c.github.io/json-ld-api/tests/";

    private readonly string root = Shared.Vectors("json-ld-api", "tests");
    private readonly string? inputUrl;
    private readonly JsonObject? option;

    public TestDocumentLoader(string? inputUrl = null, JsonObject? option = null)
    {
        this.inputUrl = inputUrl;
        this.option = option;
    }

    public ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default)
    {
        var isInput = url == inputUrl && option is not null;
        var finalUrl = url;
        if (isInput && option!["redirectTo"] is JsonNode redirect)
        {
            finalUrl = BaseUrl + redirect.GetValue<string>();
        }

        if (!finalUrl.StartsWith(BaseUrl, StringComparison.Ordinal))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Not a test URL: " + url);
        }

        var rel = finalUrl[BaseUrl.Length..];
        var q = rel.IndexOfAny(['?', '#']);
        if (q >= 0)
        {
            rel = rel[..q];
        }

        var contentType = isInput && option!["contentType"] is JsonNode ct ? ct.GetValue<string>() : ContentTypeOf(rel);
        List<string> links = [];
        if (isInput && option!["httpLink"] is JsonNode link)
        {
            if (link is JsonArray la)
            {
                foreach (var l in la)
                {
                    links.Add(l!.GetValue<string>());
                }
            }
            else
            {
                links.Add(link.GetValue<string>());
            }
        }

        var isJson = contentType is "application/json" or "application/ld+json" || contentType.EndsWith("+json", StringComparison.Ordinal);
        if (!isJson)
        {
            // Follow an alternate link to a JSON-LD document (JSON-LD 1.1 API §9.4.1 / LoadDocumentCallback step 5).
            foreach (var l in links)
            {
                if (l.Contains("rel=\"alternate\"", StringComparison.Ordinal) && l.Contains("type=\"application/ld+json\"", StringComparison.Ordinal))
                {
                    var target = l[(l.IndexOf('<', StringComparison.Ordinal) + 1)..l.IndexOf('>', StringComparison.Ordinal)];
                    return LoadDocumentAsync(Resolve(finalUrl, target), cancellationToken);
                }
            }

            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Not a JSON document: " + url + " (" + contentType + ")");
        }

        var path = Path.Combine(root, rel);
        if (!File.Exists(path))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "404 " + url);
        }

        JsonNode doc;
        try
        {
            doc = JsonNode.Parse(File.ReadAllText(path)) ?? throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "null");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "Invalid JSON " + url, ex);
        }

        string? contextUrl = null;
        if (contentType != "application/ld+json" && links.Count > 0)
        {
            contextUrl = HttpDocumentLoader.ContextLink(links, finalUrl);
        }

        return new ValueTask<RemoteDocument>(new RemoteDocument(finalUrl, doc, contextUrl, contentType));
    }

    private static string Resolve(string baseUrl, string target) => new Uri(new Uri(baseUrl), target).AbsoluteUri;

    private static string ContentTypeOf(string rel) => Path.GetExtension(rel) switch
    {
        ".jsonld" => "application/ld+json",
        ".json" => "application/json",
        ".html" => "text/html",
        _ => "application/octet-stream",
    };
}
