using System.Text;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.Tests.Dids;

public class DidWebTests
{
    private static OfflineResourceResolver Serve(string url, string content) =>
        new([new(url, Encoding.UTF8.GetBytes(content))]);

    [TestCase("did:web:example.edu", "https://example.edu/.well-known/did.json", TestName = "DocumentUrl_BareDomain_WellKnown")]
    [TestCase("did:web:example.edu:issuers:42", "https://example.edu/issuers/42/did.json", TestName = "DocumentUrl_Path")]
    [TestCase("did:web:example.edu%3A8443", "https://example.edu:8443/.well-known/did.json", TestName = "DocumentUrl_PercentEncodedPort")]
    [TestCase("did:web:localhost%3a3000:user:alice", "https://localhost:3000/user/alice/did.json", TestName = "DocumentUrl_PortAndPath")]
    [TestCase("did:web:Example.EDU", "https://example.edu/.well-known/did.json", TestName = "DocumentUrl_HostLowerCased")]
    [TestCase("did:web:example.edu:a%20b", "https://example.edu/a%20b/did.json", TestName = "DocumentUrl_EncodedSegmentStaysEncoded")]
    public void DocumentUrl(string did, string url) =>
        Assert.That(DidWeb.DocumentUrl(did).AbsoluteUri, Is.EqualTo(url));

    [TestCase("did:web:", TestName = "DocumentUrl_Rejects_Empty")]
    [TestCase("did:web:example.edu#key-1", TestName = "DocumentUrl_Rejects_Fragment")]
    [TestCase("did:web:example.edu/path", TestName = "DocumentUrl_Rejects_Slash")]
    [TestCase("did:web:example.edu:..:secret", TestName = "DocumentUrl_Rejects_DotDot")]
    [TestCase("did:web:example.edu:%2E%2E", TestName = "DocumentUrl_Rejects_EncodedDotDot")]
    [TestCase("did:web:example.edu:a%2Fb", TestName = "DocumentUrl_Rejects_EncodedSlash")]
    [TestCase("did:web:example.edu::x", TestName = "DocumentUrl_Rejects_EmptySegment")]
    [TestCase("did:web:example.edu%3A99999", TestName = "DocumentUrl_Rejects_BadPort")]
    [TestCase("did:web:exa_mple.edu", TestName = "DocumentUrl_Rejects_BadHost")]
    [TestCase("did:web:user@example.edu", TestName = "DocumentUrl_Rejects_UserInfo")]
    [TestCase("did:web:example.edu%3", TestName = "DocumentUrl_Rejects_BadPercentEncoding")]
    [TestCase("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", TestName = "DocumentUrl_Rejects_OtherMethod")]
    public void DocumentUrl_Rejects(string did)
    {
        Assert.That(DidWeb.TryGetDocumentUrl(did, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(DidCodes.InvalidDid));
        Assert.That(problem.Message, Is.Not.Empty);
        Assert.Throws<FormatException>(() => DidWeb.DocumentUrl(did));
    }

    [Test]
    public async Task Resolve_ServedDocument_WithPathAndPort()
    {
        const string did = "did:web:example.edu%3A8443:issuers:42";
        var resolver = new DidWebResolver(Serve("https://example.edu:8443/issuers/42/did.json", $$"""{"id":"{{did}}","verificationMethod":[]}"""));
        var resolution = await resolver.ResolveAsync(did);
        Assert.That(resolution.Succeeded, Is.True, resolution.Problem?.ToString());
        Assert.That((string?)resolution.Document!["id"], Is.EqualTo(did));
    }

    [Test]
    public async Task Resolve_IdMismatch_Fails()
    {
        var resolver = new DidWebResolver(Serve("https://example.edu/.well-known/did.json", """{"id":"did:web:evil.example"}"""));
        var resolution = await resolver.ResolveAsync("did:web:example.edu");
        Assert.That(resolution.Problem!.Code, Is.EqualTo("did.idMismatch"));
        Assert.That(resolution.Problem!.Message, Does.Contain("did:web:evil.example"));
    }

    [Test]
    public async Task Resolve_NoId_FailsIdMismatch()
    {
        var resolver = new DidWebResolver(Serve("https://example.edu/.well-known/did.json", """{"verificationMethod":[]}"""));
        Assert.That((await resolver.ResolveAsync("did:web:example.edu")).Problem!.Code, Is.EqualTo("did.idMismatch"));
    }

    [Test]
    public async Task Resolve_NotServed_FailsNotFound()
    {
        var resolver = new DidWebResolver(Serve("https://example.edu/.well-known/did.json", """{"id":"did:web:example.edu"}"""));
        var resolution = await resolver.ResolveAsync("did:web:example.edu:issuers:42");
        Assert.That(resolution.Problem!.Code, Is.EqualTo("did.notFound"));
        Assert.That(resolution.Problem!.Message, Does.Contain("https://example.edu/issuers/42/did.json").And.Contain("resource.notFound"));
    }

    [Test]
    public async Task Resolve_NoResourceResolver_FailsNotFound_WithTheReason()
    {
        var resolution = await new DidWebResolver(NoResourceResolver.Instance).ResolveAsync("did:web:example.edu");
        Assert.That(resolution.Problem!.Code, Is.EqualTo("did.notFound"));
        Assert.That(resolution.Problem!.Message, Does.Contain("resource.unavailable"));
    }

    [Test]
    public async Task Resolve_Oversized_FailsInvalidDocument()
    {
        var big = $$"""{"id":"did:web:example.edu","pad":"{{new string('x', 2000)}}"}""";
        var resolver = new DidWebResolver(Serve("https://example.edu/.well-known/did.json", big), maxDocumentBytes: 1000);
        var resolution = await resolver.ResolveAsync("did:web:example.edu");
        Assert.That(resolution.Problem!.Code, Is.EqualTo("did.invalidDocument"));
        Assert.That(resolution.Problem!.Message, Does.Contain("over the limit"));
    }

    [TestCase("{\"id\":", TestName = "Resolve_TruncatedJson_FailsInvalidDocument")]
    [TestCase("[\"did:web:example.edu\"]", TestName = "Resolve_Array_FailsInvalidDocument")]
    [TestCase("{\"id\":\"did:web:example.edu\",\"id\":\"did:web:example.edu\"}", TestName = "Resolve_DuplicateMember_FailsInvalidDocument")]
    [TestCase("<html>not found</html>", TestName = "Resolve_Html_FailsInvalidDocument")]
    public async Task Resolve_InvalidJson(string content)
    {
        var resolver = new DidWebResolver(Serve("https://example.edu/.well-known/did.json", content));
        Assert.That((await resolver.ResolveAsync("did:web:example.edu")).Problem!.Code, Is.EqualTo("did.invalidDocument"));
    }

    [Test]
    public async Task Resolve_InvalidDid_FailsInvalidDid()
    {
        var resolver = new DidWebResolver(NoResourceResolver.Instance);
        Assert.That((await resolver.ResolveAsync("did:web:example.edu:..")).Problem!.Code, Is.EqualTo("did.invalidDid"));
    }

    [Test]
    public async Task Registry_Create_AddsWebOnlyWithResources()
    {
        Assert.That(DidResolverRegistry.Create(null), Is.SameAs(DidResolverRegistry.Default));
        Assert.That(DidResolverRegistry.Create(NoResourceResolver.Instance), Is.SameAs(DidResolverRegistry.Default));
        var registry = DidResolverRegistry.Create(Serve("https://example.edu/.well-known/did.json", """{"id":"did:web:example.edu"}"""));
        Assert.That(registry.Methods, Is.EquivalentTo(new[] { "key", "jwk", "web" }));
        Assert.That((await registry.ResolveAsync("did:web:example.edu")).Succeeded, Is.True);
    }

    [Test]
    public async Task OfflineResolver_MatchesExactlyAfterUriNormalization()
    {
        var resolver = Serve("HTTPS://Example.EDU:443/.well-known/did.json", "{}");
        Assert.That((await resolver.GetAsync(new Uri("https://example.edu/.well-known/did.json"))).Succeeded, Is.True);
        Assert.That((await resolver.GetAsync(new Uri("https://example.edu/.well-known/did.json?x=1"))).Problem!.Code, Is.EqualTo("resource.notFound"));
        Assert.That((await resolver.GetAsync(new Uri("http://example.edu/.well-known/did.json"))).Problem!.Code, Is.EqualTo("resource.notFound"));
        Assert.Throws<ArgumentException>(() => _ = new OfflineResourceResolver([new("not a url", Array.Empty<byte>())]));
    }

    [Test]
    public async Task VerificationOptions_ResolveDidWeb_ThroughTheResourceResolver()
    {
        var options = new VC.Verification.VerificationOptions { ResourceResolver = Serve("https://example.edu/.well-known/did.json", """{"id":"did:web:example.edu"}""") };
        Assert.That((await options.DidResolver.ResolveAsync("did:web:example.edu")).Succeeded, Is.True);
        Assert.That((await VC.Verification.VerificationOptions.Default.DidResolver.ResolveAsync("did:web:example.edu")).Problem!.Code, Is.EqualTo("did.methodNotSupported"));
        Assert.That(VC.Verification.VerificationOptions.Default.VerificationMethodResolver, Is.SameAs(DidVerificationMethodResolver.Default));

        var custom = new DidResolverRegistry([new("key", DidKeyResolver.Instance)]);
        var withCustom = options with { DidResolver = custom };
        Assert.That(withCustom.DidResolver, Is.SameAs(custom));
        Assert.That((await withCustom.VerificationMethodResolver.ResolveAsync("did:web:example.edu#k", "assertionMethod")).Problem!.Code, Is.EqualTo("did.methodNotSupported"));
    }
}
