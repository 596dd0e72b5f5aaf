using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>
/// JSON-LD loading over the one fetch stack: <see cref="ResourceDocumentLoader"/> over an <see cref="HttpResourceResolver"/>
/// (fake handler, no network) or an <see cref="OfflineResourceResolver"/>; and the deprecated
/// <see cref="HttpDocumentLoader"/> façade.
/// </summary>
public class ResourceDocumentLoaderTests
{
    private const string Contexts = "https://contexts.example.org/";

    private static ResourceDocumentLoader Loader(Func<HttpRequestMessage, HttpResponseMessage> respond, int maxBytes = 1024 * 1024, IDocumentLoader? fallback = null) =>
        new(new HttpResourceResolver(new HttpClient(new FakeHandler(respond)), new HttpResourceResolverOptions { AllowedHosts = [Contexts], MaxBytes = maxBytes }), fallback);

    private static HttpResponseMessage Json(string body, string mediaType = "application/ld+json") =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    [Test]
    public async Task Load_AllowedJsonLd_Succeeds()
    {
        var loader = Loader(_ => Json("""{"@context": {"name": "http://schema.org/name"}}"""));
        var doc = await loader.LoadDocumentAsync(Contexts + "a.jsonld");
        Assert.That(doc.DocumentUrl, Is.EqualTo(Contexts + "a.jsonld"));
        Assert.That(doc.ContentType, Is.EqualTo("application/ld+json"));
        Assert.That(doc.Document["@context"]?["name"]?.GetValue<string>(), Is.EqualTo("http://schema.org/name"));
    }

    [Test]
    public async Task Load_RequestsJsonAndJsonLd()
    {
        string? accept = null;
        var loader = Loader(request =>
        {
            accept = request.Headers.Accept.ToString();
            return Json("{}");
        });
        await loader.LoadDocumentAsync(Contexts + "a.jsonld");
        Assert.That(accept, Does.Contain("application/ld+json").And.Contain("application/json"));
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
        var doc = await loader.LoadDocumentAsync(Contexts + "doc.json");
        Assert.That(doc.ContextUrl, Is.EqualTo(Contexts + "ctx.jsonld"));
    }

    [Test]
    public async Task Load_JsonLdWithContextLink_IgnoresTheLink()
    {
        var loader = Loader(_ =>
        {
            var r = Json("""{"name": "x"}""");
            r.Headers.TryAddWithoutValidation("Link", "<ctx.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"");
            return r;
        });
        Assert.That((await loader.LoadDocumentAsync(Contexts + "doc.jsonld")).ContextUrl, Is.Null);
    }

    [Test]
    public void Load_TwoContextLinks_FailsWithMultipleContextLinkHeaders()
    {
        var loader = Loader(_ =>
        {
            var r = Json("""{"name": "x"}""", "application/json");
            r.Headers.TryAddWithoutValidation("Link", "<a.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\", <b.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"");
            return r;
        });
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "doc.json"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.MultipleContextLinkHeaders));
    }

    [Test]
    public async Task Load_HtmlWithAlternateJsonLdLink_FollowsTheAlternate()
    {
        var loader = Loader(request => request.RequestUri!.AbsolutePath == "/page"
            ? WithLink(Json("<html></html>", "text/html"), "<page.jsonld>; rel=\"alternate\"; type=\"application/ld+json\"")
            : Json("""{"@id": "urn:x"}"""));
        var doc = await loader.LoadDocumentAsync(Contexts + "page");
        Assert.That(doc.DocumentUrl, Is.EqualTo(Contexts + "page.jsonld"));
    }

    [Test]
    public void Load_AlternateOutsideTheAllowList_Fails()
    {
        var loader = Loader(_ => WithLink(Json("<html></html>", "text/html"), "<https://evil.example.net/x.jsonld>; rel=\"alternate\"; type=\"application/ld+json\""));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "page"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
        Assert.That(ex.Message, Does.Contain("resource.hostNotAllowed"));
    }

    [Test]
    public void Load_RedirectToOtherHost_FailsWithTheResolversReason()
    {
        var loader = Loader(_ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.Found);
            r.Headers.Location = new Uri("https://evil.example.net/a.jsonld");
            return r;
        });
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "a.jsonld"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
        Assert.That(ex.Message, Does.Contain("resource.redirectRefused").And.Contain("evil.example.net"));
    }

    [Test]
    public void Load_RedirectOutOfTheAllowedPrefix_Fails()
    {
        var handler = new FakeHandler(request => request.RequestUri!.AbsolutePath.StartsWith("/public/", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("/private/a.jsonld", UriKind.Relative) } }
            : Json("{}"));
        var loader = new ResourceDocumentLoader(new HttpResourceResolver(new HttpClient(handler), new HttpResourceResolverOptions { AllowedHosts = [Contexts + "public/"] }));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "public/a.jsonld"));
        Assert.That(ex!.Message, Does.Contain("resource.redirectRefused"));
    }

    [Test]
    public async Task Load_RedirectWithinAllowList_IsFollowed()
    {
        var loader = Loader(req => req.RequestUri!.AbsolutePath == "/old"
            ? new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri("/new", UriKind.Relative) } }
            : Json("""{"@context": {}}"""));
        var doc = await loader.LoadDocumentAsync(Contexts + "old");
        Assert.That(doc.DocumentUrl, Is.EqualTo(Contexts + "new"));
    }

    [Test]
    public void Load_HtmlContentType_Fails()
    {
        var loader = Loader(_ => Json("<html></html>", "text/html"));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "a"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
        Assert.That(ex.Message, Does.Contain("text/html"));
    }

    [Test]
    public void Load_TooLarge_FailsWithTheResolversLimit()
    {
        var loader = Loader(_ => Json("{\"a\": \"" + new string('x', 5000) + "\"}"), maxBytes: 1000);
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "a"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
        Assert.That(ex.Message, Does.Contain("resource.tooLarge"));
    }

    [Test]
    public void Load_HttpError_Fails()
    {
        var loader = Loader(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "a", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("resource.httpError"));
    }

    [Test]
    public void Load_InvalidJson_Fails()
    {
        var loader = Loader(_ => Json("{not json"));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "a"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
    }

    [Test]
    public async Task Load_NotServed_GoesToTheFallback()
    {
        var loader = Loader(_ => throw new InvalidOperationException("must not be fetched"), fallback: EmbeddedDocumentLoader.Default);
        var doc = await loader.LoadDocumentAsync("https://www.w3.org/ns/credentials/v2");
        Assert.That(doc.Document["@context"], Is.Not.Null);
    }

    [Test]
    public void Load_FetchFailure_DoesNotGoToTheFallback()
    {
        var fallback = new StaticDocumentLoader(new Dictionary<string, JsonNode> { [Contexts + "a"] = new JsonObject() });
        var loader = Loader(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError), fallback: fallback);
        Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "a"));
    }

    [Test]
    public async Task Load_Offline_ServesTheSameFilesAsForDidsAndStatusLists()
    {
        var offline = new OfflineResourceResolver([new(Contexts + "c.jsonld", Encoding.UTF8.GetBytes("""{"@context": {"credits": "https://contexts.example.org/vocab#credits"}}"""))]);
        var loader = new ResourceDocumentLoader(offline, EmbeddedDocumentLoader.Default);
        var doc = JsonNode.Parse("""{"@context": ["https://www.w3.org/ns/credentials/v2", "https://contexts.example.org/c.jsonld"], "@id": "urn:x", "credits": "5"}""")!;
        var quads = await JsonLdProcessor.ToRdfAsync(doc, new JsonLdOptions { DocumentLoader = loader, SafeMode = true });
        Assert.That(quads.Select(q => q.Predicate.Value), Does.Contain("https://contexts.example.org/vocab#credits"));
        var missing = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync(Contexts + "other.jsonld"));
        Assert.That(missing!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
    }

    [Test]
    public async Task Processor_UsesTheLoader_ForRemoteContexts()
    {
        var loader = Loader(_ => Json("""{"@context": {"name": "http://schema.org/name"}}"""));
        var doc = JsonNode.Parse("""{"@context": "https://contexts.example.org/c.jsonld", "@id": "urn:x", "name": "n"}""")!;
        var quads = await JsonLdProcessor.ToRdfAsync(doc, new JsonLdOptions { DocumentLoader = loader, SafeMode = true });
        Assert.That(quads, Has.Count.EqualTo(1));
    }

#pragma warning disable CS0618 // The deprecated façade must keep working until it is removed.
    [Test]
    public async Task DeprecatedHttpDocumentLoader_AdaptsTheResolver()
    {
        using var client = new HttpClient(new FakeHandler(_ => Json("""{"@context": {}}""")));
        var loader = new HttpDocumentLoader(client, [Contexts, "w3id.org"]) { MaxBytes = 1000 };
        Assert.Multiple(() =>
        {
            Assert.That(loader.IsAllowed(Contexts + "a.jsonld"), Is.True);
            Assert.That(loader.IsAllowed("https://w3id.org/security/v2"), Is.True);
            Assert.That(loader.IsAllowed("http://contexts.example.org/a.jsonld"), Is.False);
            Assert.That(loader.IsAllowed("https://contexts.example.org.evil.net/a"), Is.False);
        });
        Assert.That((await loader.LoadDocumentAsync(Contexts + "a.jsonld")).DocumentUrl, Is.EqualTo(Contexts + "a.jsonld"));
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync("https://evil.example.org/a"));
        Assert.That(ex!.Message, Does.Contain("resource.hostNotAllowed"));
    }
#pragma warning restore CS0618

    private static HttpResponseMessage WithLink(HttpResponseMessage response, string link)
    {
        response.Headers.TryAddWithoutValidation("Link", link);
        return response;
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
