using System.Net;
using System.Text;
using MicroCredentials.VC.JsonLd;

namespace MicroCredentials.VC.Tests.JsonLd;

public class HttpDocumentLoaderTests
{
    private static HttpDocumentLoader Loader(Func<HttpRequestMessage, HttpResponseMessage> respond, long maxBytes = 1024 * 1024) =>
        new(new HttpClient(new FakeHandler(respond)), ["https://contexts.example.org/"]) { MaxBytes = maxBytes };

    private static HttpResponseMessage Json(string body, string mediaType = "application/ld+json") =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    [Test]
    public async Task Load_AllowedJsonLd_Succeeds()
    {
        var loader = Loader(_ => Json("""{"@context": {"name": "http://schema.org/name"}}"""));
        var doc = await loader.LoadDocumentAsync("https://contexts.example.org/a.jsonld");
        Assert.That(doc.DocumentUrl, Is.EqualTo("https://contexts.example.org/a.jsonld"));
        Assert.That(doc.Document["@context"]?["name"]?.GetValue<string>(), Is.EqualTo("http://schema.org/name"));
    }

    [Test]
    public async Task Load_JsonWithContextLink_ReturnsContextUrl()
    {
        var loader = Loader(_ =>
        {
            var r = Json("""{"name": "x"}""", "application/json");
            r.Headers.TryAddWithoutValidation("Link", "<ctx.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"");
            return r;
        });
        var doc = await loader.LoadDocumentAsync("https://contexts.example.org/doc.json");
        Assert.That(doc.ContextUrl, Is.EqualTo("https://contexts.example.org/ctx.jsonld"));
    }

    [Test]
    public void Load_RedirectToOtherHost_Fails()
    {
        var loader = Loader(_ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.Found);
            r.Headers.Location = new Uri("https://evil.example.net/a.jsonld");
            return r;
        });
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync("https://contexts.example.org/a.jsonld"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
        Assert.That(ex.Message, Does.Contain("evil.example.net"));
    }

    [Test]
    public async Task Load_RedirectWithinAllowList_IsFollowed()
    {
        var loader = Loader(req => req.RequestUri!.AbsolutePath == "/old"
            ? new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri("/new", UriKind.Relative) } }
            : Json("""{"@context": {}}"""));
        var doc = await loader.LoadDocumentAsync("https://contexts.example.org/old");
        Assert.That(doc.DocumentUrl, Is.EqualTo("https://contexts.example.org/new"));
    }

    [Test]
    public void Load_HtmlContentType_Fails()
    {
        var loader = Loader(_ => Json("<html></html>", "text/html"));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync("https://contexts.example.org/a"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
    }

    [Test]
    public void Load_TooLarge_Fails()
    {
        var loader = Loader(_ => Json("{\"a\": \"" + new string('x', 5000) + "\"}"), maxBytes: 1000);
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync("https://contexts.example.org/a"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
    }

    [Test]
    public void Load_HttpError_Fails()
    {
        var loader = Loader(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync("https://contexts.example.org/a"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
    }

    [Test]
    public async Task Processor_UsesHttpLoader_ForRemoteContexts()
    {
        var loader = Loader(_ => Json("""{"@context": {"name": "http://schema.org/name"}}"""));
        var doc = System.Text.Json.Nodes.JsonNode.Parse("""{"@context": "https://contexts.example.org/c.jsonld", "@id": "urn:x", "name": "n"}""")!;
        var quads = await JsonLdProcessor.ToRdfAsync(doc, new JsonLdOptions { DocumentLoader = loader, SafeMode = true });
        Assert.That(quads, Has.Count.EqualTo(1));
    }

    private sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            var response = respond(request);
            response.RequestMessage = request;
            return response;
        }
    }
}
