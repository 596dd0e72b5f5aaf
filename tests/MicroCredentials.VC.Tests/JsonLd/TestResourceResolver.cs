using System.Text.Json.Nodes;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>
/// Serves the json-ld-api test folder under its published URL and simulates the HTTP behaviour the remote-doc tests
/// describe in their <c>option</c> (redirectTo, httpStatus, contentType, httpLink), as the suite's README asks. Only the
/// transport is simulated (what a server answers: final URL, media type, Link headers); the JSON-LD rules over it are
/// the library's own <see cref="VC.JsonLd.ResourceDocumentLoader"/>, which the suite runs through.
/// </summary>
internal sealed class TestResourceResolver : IResourceResolver
{
    public const string BaseUrl = "https://w3c.github.io/json-ld-api/tests/";

    private readonly string root = Shared.Vectors("json-ld-api", "tests");
    private readonly string? inputUrl;
    private readonly JsonObject? option;

    public TestResourceResolver(string? inputUrl = null, JsonObject? option = null)
    {
        this.inputUrl = inputUrl;
        this.option = option;
    }

    public ValueTask<ResourceResult> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var isInput = url.AbsoluteUri == inputUrl && option is not null;
        var finalUrl = url.AbsoluteUri;
        if (isInput && option!["redirectTo"] is JsonNode redirect)
        {
            finalUrl = BaseUrl + redirect.GetValue<string>();
        }

        if (!finalUrl.StartsWith(BaseUrl, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(ResourceResult.Failed("resource.hostNotAllowed", "Not a test URL: " + url));
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
            links.AddRange(link is JsonArray la ? la.Select(l => l!.GetValue<string>()) : [link.GetValue<string>()]);
        }

        // Some inputs exist only as the HTTP answer the option describes (an HTML page with a Link header): an empty body.
        var path = Path.Combine(root, rel);
        var exists = File.Exists(path);
        if (!exists && links.Count == 0)
        {
            return ValueTask.FromResult(ResourceResult.Failed("resource.notFound", url + " answered 404."));
        }

        var content = exists ? File.ReadAllBytes(path) : [];
        return ValueTask.FromResult(ResourceResult.Found(content, contentType) with { Location = new Uri(finalUrl), Links = links });
    }

    private static string ContentTypeOf(string rel) => Path.GetExtension(rel) switch
    {
        ".jsonld" => "application/ld+json",
        ".json" => "application/json",
        ".html" => "text/html",
        _ => "application/octet-stream",
    };
}
