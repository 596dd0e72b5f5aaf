using System.Net;
using System.Text;
using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.Tests.Resources;

/// <summary>The opt-in HTTPS resolver, with a fake handler: nothing here touches the network.</summary>
public class HttpResourceResolverTests
{
    private static readonly Uri Url = new("https://example.edu/.well-known/did.json");

    private sealed class FakeHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.RequestUri!);
            }

            return respond(request, cancellationToken);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static (HttpResourceResolver Resolver, FakeHandler Handler, HttpClient Client) Make(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond, HttpResourceResolverOptions? options = null)
    {
        var handler = new FakeHandler(respond);
        var client = new HttpClient(handler);
        return (new HttpResourceResolver(client, options ?? new HttpResourceResolverOptions { AllowedHosts = ["example.edu"] }), handler, client);
    }

    [Test]
    public async Task Get_AllowedHttps_ReturnsContentAndMediaType()
    {
        var (resolver, handler, client) = Make((_, _) => Task.FromResult(Json("""{"id":"did:web:example.edu"}""")));
        using var _ = client;
        var result = await resolver.GetAsync(Url);
        Assert.That(result.Succeeded, Is.True, result.Problem?.ToString());
        Assert.That(Encoding.UTF8.GetString(result.Content!.Value.Span), Does.Contain("did:web:example.edu"));
        Assert.That(result.MediaType, Is.EqualTo("application/json"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Get_Http_RefusedWithoutRequest()
    {
        var (resolver, handler, client) = Make((_, _) => Task.FromResult(Json("{}")));
        using var _ = client;
        Assert.That((await resolver.GetAsync(new Uri("http://example.edu/.well-known/did.json"))).Problem!.Code, Is.EqualTo("resource.notHttps"));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Get_HostNotAllowed_RefusedWithoutRequest()
    {
        var (resolver, handler, client) = Make((_, _) => Task.FromResult(Json("{}")));
        using var _ = client;
        Assert.That((await resolver.GetAsync(new Uri("https://evil.example/.well-known/did.json"))).Problem!.Code, Is.EqualTo("resource.hostNotAllowed"));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Get_EmptyAllowList_FetchesNothing()
    {
        var (resolver, handler, client) = Make((_, _) => Task.FromResult(Json("{}")), new HttpResourceResolverOptions());
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.hostNotAllowed"));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task Get_AllowListWithPort_AllowsOnlyThatPort()
    {
        var (resolver, _, client) = Make((_, _) => Task.FromResult(Json("{}")), new HttpResourceResolverOptions { AllowedHosts = ["example.edu:8443"] });
        using var _ = client;
        Assert.That((await resolver.GetAsync(new Uri("https://example.edu:8443/x/did.json"))).Succeeded, Is.True);
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.hostNotAllowed"));
    }

    [Test]
    public async Task Get_UrlPrefixEntry_AllowsOnlyUnderThePrefix()
    {
        var (resolver, handler, client) = Make((_, _) => Task.FromResult(Json("{}")), new HttpResourceResolverOptions { AllowedHosts = ["https://example.edu/contexts/"] });
        using var _ = client;
        Assert.That((await resolver.GetAsync(new Uri("https://example.edu/contexts/v1"))).Succeeded, Is.True);
        Assert.That((await resolver.GetAsync(Url)).Problem?.Code, Is.EqualTo("resource.hostNotAllowed"));
        Assert.That((await resolver.GetAsync(new Uri("https://example.edu.evil.example/contexts/v1"))).Problem?.Code, Is.EqualTo("resource.hostNotAllowed"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Constructor_UrlPrefixEntryNotHttps_Throws()
    {
        using var client = new HttpClient();
        Assert.Throws<ArgumentException>(() => _ = new HttpResourceResolver(client, new HttpResourceResolverOptions { AllowedHosts = ["http://example.edu/contexts/"] }));
        Assert.Throws<ArgumentException>(() => _ = new HttpResourceResolver(client, new HttpResourceResolverOptions { AllowedHosts = [" "] }));
    }

    [Test]
    public async Task Get_RedirectOutsideTheAllowedPrefix_Refused()
    {
        var (resolver, handler, client) = Make(
            (request, _) => Task.FromResult(request.RequestUri!.AbsolutePath.StartsWith("/contexts/", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("/private/v1", UriKind.Relative) } }
                : Json("{}")),
            new HttpResourceResolverOptions { AllowedHosts = ["https://example.edu/contexts/"] });
        using var _ = client;
        Assert.That((await resolver.GetAsync(new Uri("https://example.edu/contexts/v1"))).Problem?.Code, Is.EqualTo("resource.redirectRefused"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Get_ReportsFinalLocationAndLinkHeaders()
    {
        var (resolver, _, client) = Make((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath == "/old")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri("/new", UriKind.Relative) } });
            }

            var response = Json("{}");
            response.Headers.TryAddWithoutValidation("Link", "<ctx.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"");
            return Task.FromResult(response);
        });
        using var _ = client;
        var result = await resolver.GetAsync(new Uri("https://example.edu/old"));
        Assert.That(result.Succeeded, Is.True, result.Problem?.Message);
        Assert.That(result.Location, Is.EqualTo(new Uri("https://example.edu/new")));
        Assert.That(result.Links, Is.EqualTo(new[] { "<ctx.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"" }));
        Assert.That(result.Problem, Is.Null);
    }

    [Test]
    public async Task Get_Failure_IsAProblemWithTheCode()
    {
        var (resolver, _, client) = Make((_, _) => Task.FromResult(Json("{}")));
        using var _ = client;
        var problem = (await resolver.GetAsync(new Uri("https://evil.example/x"))).Problem;
        Assert.That(problem?.Code, Is.EqualTo("resource.hostNotAllowed"));
        Assert.That(problem?.Message, Does.Contain("evil.example"));
    }

    [Test]
    public async Task Get_ContentLengthOverLimit_FailsTooLarge()
    {
        var (resolver, _, client) = Make((_, _) => Task.FromResult(Json(new string('x', 5000))), new HttpResourceResolverOptions { AllowedHosts = ["example.edu"], MaxBytes = 1000 });
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.tooLarge"));
    }

    [Test]
    public async Task Get_StreamOverLimitWithoutContentLength_FailsTooLarge()
    {
        var (resolver, _, client) = Make(
            (_, _) =>
            {
                var response = Json(new string('x', 5000));
                response.Content.Headers.ContentLength = null;
                return Task.FromResult(response);
            },
            new HttpResourceResolverOptions { AllowedHosts = ["example.edu"], MaxBytes = 1000 });
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.tooLarge"));
    }

    [Test]
    public async Task Get_SlowServer_FailsTimeout()
    {
        var (resolver, _, client) = Make(
            async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return Json("{}");
            },
            new HttpResourceResolverOptions { AllowedHosts = ["example.edu"], Timeout = TimeSpan.FromMilliseconds(200) });
        using var _ = client;
        var result = await resolver.GetAsync(Url);
        Assert.That(result.Problem!.Code, Is.EqualTo("resource.timeout"));
    }

    [Test]
    public void Get_CallerCancels_Throws()
    {
        var (resolver, _, client) = Make(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Json("{}");
        });
        using var _ = client;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.That(async () => await resolver.GetAsync(Url, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Get_RedirectToAnotherHost_Refused()
    {
        var (resolver, handler, client) = Make((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://evil.example/did.json");
            return Task.FromResult(response);
        });
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.redirectRefused"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Get_RedirectToHttpSameHost_Refused()
    {
        var (resolver, _, client) = Make((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
            response.Headers.Location = new Uri("http://example.edu/.well-known/did.json");
            return Task.FromResult(response);
        });
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.redirectRefused"));
    }

    [Test]
    public async Task Get_HandlerFollowedRedirectToAnotherHost_Refused()
    {
        var (resolver, _, client) = Make((_, _) =>
        {
            var response = Json("{}");
            response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://evil.example/did.json");
            return Task.FromResult(response);
        });
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.redirectRefused"));
    }

    [Test]
    public async Task Get_RedirectWithinHost_Followed()
    {
        var (resolver, handler, client) = Make((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath == "/.well-known/did.json")
            {
                var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
                response.Headers.Location = new Uri("/v2/did.json", UriKind.Relative);
                return Task.FromResult(response);
            }

            return Task.FromResult(Json("""{"moved":true}"""));
        });
        using var _ = client;
        var result = await resolver.GetAsync(Url);
        Assert.That(result.Succeeded, Is.True, result.Problem?.ToString());
        Assert.That(handler.Requests.Select(u => u.AbsolutePath), Is.EqualTo(new[] { "/.well-known/did.json", "/v2/did.json" }));
    }

    [Test]
    public async Task Get_RedirectLoop_FailsTooManyRedirects()
    {
        var (resolver, _, client) = Make((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = Url;
            return Task.FromResult(response);
        });
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo("resource.tooManyRedirects"));
    }

    [TestCase(HttpStatusCode.NotFound, "resource.notFound", TestName = "Get_404_FailsNotFound")]
    [TestCase(HttpStatusCode.Gone, "resource.notFound", TestName = "Get_410_FailsNotFound")]
    [TestCase(HttpStatusCode.InternalServerError, "resource.httpError", TestName = "Get_500_FailsHttpError")]
    public async Task Get_ErrorStatus(HttpStatusCode status, string code)
    {
        var (resolver, _, client) = Make((_, _) => Task.FromResult(Json("{}", status)));
        using var _ = client;
        Assert.That((await resolver.GetAsync(Url)).Problem!.Code, Is.EqualTo(code));
    }

    [Test]
    public async Task Get_NetworkError_FailsFetchFailed()
    {
        var (resolver, _, client) = Make((_, _) => throw new HttpRequestException("connection refused"));
        using var _ = client;
        var result = await resolver.GetAsync(Url);
        Assert.That(result.Problem!.Code, Is.EqualTo("resource.fetchFailed"));
        Assert.That(result.Problem!.Message, Does.Contain("connection refused"));
    }

    [Test]
    public async Task Get_Cache_ReusesUntilExpiry_AndDoesNotCacheFailures()
    {
        var clock = new ManualClock();
        var calls = 0;
        var (resolver, handler, client) = Make(
            (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? Json("{}", HttpStatusCode.InternalServerError) : Json("{}")),
            new HttpResourceResolverOptions { AllowedHosts = ["example.edu"], CacheDuration = TimeSpan.FromMinutes(5), TimeProvider = clock });
        using var _ = client;

        Assert.That((await resolver.GetAsync(Url)).Succeeded, Is.False);
        Assert.That((await resolver.GetAsync(Url)).Succeeded, Is.True);
        clock.Now += TimeSpan.FromMinutes(4);
        Assert.That((await resolver.GetAsync(Url)).Succeeded, Is.True);
        Assert.That(handler.Requests, Has.Count.EqualTo(2), "the third call is served from the cache");
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.That((await resolver.GetAsync(Url)).Succeeded, Is.True);
        Assert.That(handler.Requests, Has.Count.EqualTo(3), "expired: asked again");
    }

    [Test]
    public async Task Get_Cache_BoundedInSize()
    {
        var (resolver, handler, client) = Make(
            (_, _) => Task.FromResult(Json("{}")),
            new HttpResourceResolverOptions { AllowedHosts = ["example.edu"], MaxCacheEntries = 2 });
        using var _ = client;
        foreach (var n in new[] { 1, 2, 3, 1, 2, 3 })
        {
            await resolver.GetAsync(new Uri($"https://example.edu/{n}/did.json"));
        }

        Assert.That(handler.Requests, Has.Count.GreaterThan(3));
    }

    [Test]
    public void Constructor_RejectsBadLimits()
    {
        using var client = new HttpClient();
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HttpResourceResolver(client, new HttpResourceResolverOptions { MaxBytes = 0 }));
        Assert.Throws<ArgumentNullException>(() => _ = new HttpResourceResolver(null!, new HttpResourceResolverOptions()));
    }

    [Test]
    public async Task DidWeb_ResolvesThroughHttpResolver()
    {
        var (resolver, handler, client) = Make((_, _) => Task.FromResult(Json("""{"id":"did:web:example.edu:issuers:42"}""")));
        using var _ = client;
        var resolution = await new VC.Dids.DidWebResolver(resolver).ResolveAsync("did:web:example.edu:issuers:42");
        Assert.That(resolution.Succeeded, Is.True, resolution.Problem?.ToString());
        Assert.That(handler.Requests.Single().AbsoluteUri, Is.EqualTo("https://example.edu/issuers/42/did.json"));
    }
}
