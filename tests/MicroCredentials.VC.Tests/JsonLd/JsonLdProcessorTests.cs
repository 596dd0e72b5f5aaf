using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.JsonLd;

public class JsonLdProcessorTests
{
    private static JsonNode Load(params string[] parts) => JsonNode.Parse(File.ReadAllText(Shared.Path(parts)))!;

    private static JsonNode LoadVector(params string[] parts) => JsonNode.Parse(File.ReadAllText(Shared.Vectors(parts)))!;

    public static IEnumerable<TestCaseData> EmbeddedUrls() =>
        EmbeddedDocumentLoader.Default.Urls.OrderBy(u => u, StringComparer.Ordinal).Select(u => new TestCaseData(u).SetName("EmbeddedContext_LoadsAndProcesses(" + u + ")"));

    [TestCaseSource(nameof(EmbeddedUrls))]
    public async Task EmbeddedContext_LoadsAndProcesses(string url)
    {
        Assert.That(EmbeddedDocumentLoader.Default.Contains(url), Is.True);
        var doc = await EmbeddedDocumentLoader.Default.LoadDocumentAsync(url);
        Assert.That(doc.Document["@context"], Is.Not.Null);
        JsonArray expanded;
        try
        {
            expanded = await JsonLdProcessor.ExpandAsync(new JsonObject { ["@context"] = url, ["@id"] = "urn:example:1", ["@type"] = "urn:example:T" });
        }
        catch (JsonLdException ex) when (ex.Code == JsonLdErrorCode.LoadingRemoteContextFailed)
        {
            // e.g. credentials/examples/v1 includes https://www.w3.org/ns/odrl.jsonld, which contexts/ does not bundle.
            Assert.Ignore("Depends on a context that is not bundled: " + ex.Message);
            return;
        }

        Assert.That(expanded, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task EmbeddedLoader_ReturnsCopies()
    {
        var url = "https://www.w3.org/ns/credentials/v2";
        var a = await EmbeddedDocumentLoader.Default.LoadDocumentAsync(url);
        a.Document.AsObject()["@context"] = "tampered";
        var b = await EmbeddedDocumentLoader.Default.LoadDocumentAsync(url);
        Assert.That(b.Document["@context"], Is.InstanceOf<JsonObject>());
    }

    [TestCase("bench/microcredential-v2.unsigned.json", 92, TestName = "ToRdf_SafeMode_QuadCount(bench VC 2.0 micro-credential)")]
    [TestCase("bench/edc-annex1.unsigned.jsonld", 292, TestName = "ToRdf_SafeMode_QuadCount(bench EDC annex 1)")]
    [TestCase("vectors/vc-di-eddsa/TestVectors/unsigned.json", 8, TestName = "ToRdf_SafeMode_QuadCount(vc-di-eddsa unsigned)")]
    [TestCase("vectors/vc-di-eddsa/TestVectors/employmentAuth.json", 24, TestName = "ToRdf_SafeMode_QuadCount(vc-di-eddsa employmentAuth)")]
    public async Task ToRdf_SafeMode_QuadCount(string path, int expected)
    {
        var quads = await JsonLdProcessor.ToRdfAsync(Load(path.Split('/')), JsonLdOptions.Safe);
        Assert.That(quads, Has.Count.EqualTo(expected));
    }

    [TestCase("unsigned.json", "eddsa-rdfc-2022/canonDocDataInt.txt", TestName = "ToRdf_Rdfc10_MatchesVector(alumni document)")]
    [TestCase("employmentAuth.json", "eddsa-rdfc-2022/employ/canonDocDataInt.txt", TestName = "ToRdf_Rdfc10_MatchesVector(employment document)")]
    [TestCase("eddsa-rdfc-2022/proofConfigDataInt.json", "eddsa-rdfc-2022/proofCanonDataInt.txt", TestName = "ToRdf_Rdfc10_MatchesVector(alumni proof config)")]
    [TestCase("eddsa-rdfc-2022/employ/proofConfigDataInt.json", "eddsa-rdfc-2022/employ/proofCanonDataInt.txt", TestName = "ToRdf_Rdfc10_MatchesVector(employment proof config)")]
    public async Task ToRdf_Rdfc10_MatchesVector(string input, string canonical)
    {
        var quads = await JsonLdProcessor.ToRdfAsync(LoadVector("vc-di-eddsa", "TestVectors", input), JsonLdOptions.Safe);
        var actual = Rdfc10.Canonicalize(quads).CanonicalNQuads;
        Assert.That(actual, Is.EqualTo(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", canonical))));
    }

    [TestCase("vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json", "vc-di-eddsa/TestVectors/Ed25519Signature2020/canonDocEdSig.txt", true, TestName = "ToRdf_Rdfc10_MatchesVector(Ed25519Signature2020 document)")]
    [TestCase("vc-di-eddsa/TestVectors/Ed25519Signature2020/proofConfigEdSig.json", "vc-di-eddsa/TestVectors/Ed25519Signature2020/proofCanonEdSig.txt", false, TestName = "ToRdf_Rdfc10_MatchesVector(Ed25519Signature2020 proof config)")]
    [TestCase("openbadges-v3/test-vectors/obv3p0/credential.json", "openbadges-v3/test-vectors/obv3p0/document-canon.txt", false, TestName = "ToRdf_Rdfc10_MatchesVector(Open Badges 3.0 document)")]
    public async Task ToRdf_Rdfc10_MatchesOtherVectors(string input, string canonical, bool removeProof)
    {
        var doc = LoadVector(input.Split('/'));
        if (removeProof)
        {
            doc.AsObject().Remove("proof");
        }

        var quads = await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe);
        Assert.That(Rdfc10.Canonicalize(quads).CanonicalNQuads, Is.EqualTo(File.ReadAllText(Shared.Vectors(canonical.Split('/')))));
    }

    public static IEnumerable<TestCaseData> OpenBadgesExamples() =>
        Directory.GetFiles(Shared.Vectors("openbadges-v3", "examples"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("ToRdf_SafeMode_OpenBadgesExample(" + Path.GetFileName(f) + ")"));

    [TestCaseSource(nameof(OpenBadgesExamples))]
    public async Task ToRdf_SafeMode_OpenBadgesExample(string path)
    {
        IReadOnlyList<Quad> quads;
        try
        {
            quads = await JsonLdProcessor.ToRdfAsync(JsonNode.Parse(File.ReadAllText(path))!, JsonLdOptions.Safe);
        }
        catch (JsonLdException ex) when (ex.Code == JsonLdErrorCode.LoadingRemoteContextFailed && ex.Message.Contains("extensions.json", StringComparison.Ordinal))
        {
            // vectors/MANIFEST.md §7: the OB 3.0 extensions.json context was not found, so contexts/ cannot bundle it.
            Assert.Ignore("Needs https://purl.imsglobal.org/spec/ob/v3p0/extensions.json, which is not bundled.");
            return;
        }

        Assert.That(quads, Is.Not.Empty);
    }

    [Test]
    public async Task ToRdf_IsDeterministic_AndThreadSafe()
    {
        var doc = Load("bench", "edc-annex1.unsigned.jsonld");
        var first = NQuads.Serialize(await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => NQuads.Serialize(await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe)))));
        Assert.That(results, Is.All.EqualTo(first));
    }

    [Test]
    public void SafeMode_UndefinedTerm_FailsNamingIt()
    {
        var doc = new JsonObject
        {
            ["@context"] = "https://www.w3.org/2018/credentials/v1",
            ["type"] = "VerifiableCredential",
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:s", ["undefinedTerm"] = "tampered" },
        };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeInvalidProperty));
        Assert.That(ex.Message, Does.Contain("undefinedTerm"));
        Assert.That(ex.JsonPath, Is.EqualTo("$.credentialSubject.undefinedTerm"));
        Assert.That(ex.Message, Does.Not.Contain("tampered"));
        Assert.That(ex.IsSafeModeViolation, Is.True);
    }

    [Test]
    public async Task UnsafeMode_UndefinedTerm_IsDropped()
    {
        var doc = new JsonObject { ["@context"] = "https://www.w3.org/2018/credentials/v1", ["@id"] = "urn:x", ["type"] = "VerifiableCredential", ["undefinedTerm"] = "x", ["issuer"] = "did:example:i" };
        var quads = await JsonLdProcessor.ToRdfAsync(doc);
        Assert.That(quads, Has.Count.EqualTo(2));
    }

    [Test]
    public void SafeMode_UndefinedType_FailsNamingIt()
    {
        var doc = new JsonObject { ["@context"] = "https://www.w3.org/2018/credentials/v1", ["id"] = "urn:x", ["type"] = new JsonArray("VerifiableCredential", "UndefinedType") };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ExpandAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeRelativeTypeReference));
        Assert.That(ex.Message, Does.Contain("UndefinedType"));
        Assert.That(ex.JsonPath, Is.EqualTo("$.type[1]"));
    }

    [Test]
    public void SafeMode_RelativeId_Fails()
    {
        var doc = new JsonObject { ["@id"] = "relative/id", ["http://example.org/p"] = "v" };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeRelativeIdReference));
        Assert.That(ex.JsonPath, Is.EqualTo("$.@id"));
        Assert.That(ex.Message, Does.Not.Contain("relative/id"), "identifiers may be personal data");
    }

    [Test]
    public async Task SafeMode_RelativeVocab_FailsWithoutBase_PassesWithBase()
    {
        var doc = JsonNode.Parse("""{"@context": {"@vocab": "relative/"}, "@id": "urn:x", "p": "v"}""")!;
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeRelativeVocabReference));
        var quads = await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe with { Base = "https://example.org/doc" });
        Assert.That(quads.Single().Predicate.Value, Is.EqualTo("https://example.org/relative/p"));
    }

    [Test]
    public void SafeMode_InvalidLanguage_Fails()
    {
        var doc = new JsonObject { ["@id"] = "urn:x", ["http://example.org/p"] = new JsonObject { ["@value"] = "v", ["@language"] = "not a tag" } };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeInvalidLanguageValue));
    }

    [Test]
    public async Task ValueInGraphContainer_IsDroppedOrRejected_NeverCrashes()
    {
        // A presentation whose verifiableCredential (a @graph container) is a string, not a credential.
        var doc = JsonNode.Parse("""{"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiablePresentation", "verifiableCredential": ["eyJhbGciOi.x.y"]}""")!;
        var quads = await JsonLdProcessor.ToRdfAsync(doc);
        Assert.That(quads, Has.Count.EqualTo(2), "rdf:type and a reference to the (empty) credential graph");
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.SafeObjectWithOnlyValue));
    }

    [Test]
    public void NonEmbeddedContext_FailsOffline()
    {
        var doc = new JsonObject { ["@context"] = "https://example.org/not-bundled/v1", ["@id"] = "urn:x" };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingRemoteContextFailed));
        Assert.That(ex.Message, Does.Contain("https://example.org/not-bundled/v1").And.Contain("remote loading is off"));
    }

    [Test]
    public void EmbeddedLoader_UnknownUrl_Fails()
    {
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await EmbeddedDocumentLoader.Default.LoadDocumentAsync("https://example.org/x"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
    }

    [Test]
    public void CyclicImport_Fails()
    {
        var loader = new StaticDocumentLoader(new Dictionary<string, JsonNode>
        {
            ["https://example.org/a"] = JsonNode.Parse("""{"@context": {"@import": "https://example.org/b", "a": "urn:a"}}""")!,
            ["https://example.org/b"] = JsonNode.Parse("""{"@context": {"@import": "https://example.org/a", "b": "urn:b"}}""")!,
        });
        var doc = new JsonObject { ["@context"] = "https://example.org/a", ["a"] = "x" };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ExpandAsync(doc, new JsonLdOptions { DocumentLoader = loader }));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.InvalidContextEntry));
    }

    [Test]
    public void RecursiveContextInclusion_Fails()
    {
        var loader = new StaticDocumentLoader(new Dictionary<string, JsonNode>
        {
            ["https://example.org/a"] = JsonNode.Parse("""{"@context": ["https://example.org/b", {"a": "urn:a"}]}""")!,
            ["https://example.org/b"] = JsonNode.Parse("""{"@context": "https://example.org/a"}""")!,
        });
        var doc = new JsonObject { ["@context"] = "https://example.org/a", ["a"] = "x" };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ExpandAsync(doc, new JsonLdOptions { DocumentLoader = loader }));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.ContextOverflow));
    }

    [Test]
    public void DeeplyNestedArrays_FailWithoutStackOverflow()
    {
        JsonNode node = new JsonArray("leaf");
        for (var i = 0; i < 10_000; i++)
        {
            node = new JsonArray(node);
        }

        var doc = new JsonObject { ["@id"] = "urn:x", ["http://example.org/p"] = node };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.MaxDepthExceeded));
    }

    [Test]
    public void DeeplyNestedObjects_FailWithoutStackOverflow()
    {
        JsonNode node = new JsonObject { ["@value"] = "leaf" };
        for (var i = 0; i < 10_000; i++)
        {
            node = new JsonObject { ["http://example.org/p"] = node };
        }

        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(node, JsonLdOptions.Safe));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.MaxDepthExceeded));
    }

    [Test]
    public void DeeplyNestedScopedContexts_FailWithoutStackOverflow()
    {
        var context = new JsonObject { ["a"] = "http://example.org/a" };
        for (var i = 0; i < 10_000; i++)
        {
            context = new JsonObject { ["a"] = new JsonObject { ["@id"] = "http://example.org/a", ["@context"] = context } };
        }

        var doc = new JsonObject { ["@context"] = context, ["a"] = "x" };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.MaxDepthExceeded));
    }

    [Test]
    public void LongTermDependencyChain_FailsWithoutStackOverflow()
    {
        // Defined from the far end, so each definition first needs the one before it.
        var context = new JsonObject();
        for (var i = 100_000; i >= 1; i--)
        {
            context["t" + i] = "t" + (i - 1) + ":x";
        }

        context["t0"] = "http://example.org/";

        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ExpandAsync(new JsonObject { ["@context"] = context, ["@id"] = "urn:x" }));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.MaxDepthExceeded));
    }

    [Test]
    public void DeeplyNestedJsonLiteral_FailsWithoutStackOverflow()
    {
        JsonNode node = new JsonArray(1);
        for (var i = 0; i < 10_000; i++)
        {
            node = new JsonArray(node);
        }

        var doc = new JsonObject { ["@id"] = "urn:x", ["http://example.org/p"] = new JsonObject { ["@value"] = node, ["@type"] = "@json" } };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.InvalidJsonLiteral));
    }

    [Test]
    public async Task AsynchronousLoader_IsAwaited()
    {
        var loader = new SlowLoader(new StaticDocumentLoader(new Dictionary<string, JsonNode>
        {
            ["https://example.org/ctx"] = JsonNode.Parse("""{"@context": {"name": "http://schema.org/name", "knows": {"@id": "http://schema.org/knows", "@context": "https://example.org/ctx2"}}}""")!,
            ["https://example.org/ctx2"] = JsonNode.Parse("""{"@context": {"nick": "http://schema.org/nick"}}""")!,
        }));
        var doc = JsonNode.Parse("""{"@context": "https://example.org/ctx", "@id": "urn:a", "name": "A", "knows": {"@id": "urn:b", "nick": "B"}}""")!;
        var quads = await JsonLdProcessor.ToRdfAsync(doc, new JsonLdOptions { DocumentLoader = loader, SafeMode = true });
        Assert.That(quads, Has.Count.EqualTo(3));
        Assert.That(loader.Calls, Is.EqualTo(2), string.Join(", ", loader.Urls));
    }

    [Test]
    public async Task Numbers_UseCanonicalLexicalForms()
    {
        var doc = JsonNode.Parse("""
            {"@id": "urn:x",
             "http://example.org/i": 5, "http://example.org/f": 1.1, "http://example.org/big": 1e21,
             "http://example.org/d": {"@value": 5, "@type": "http://www.w3.org/2001/XMLSchema#double"},
             "http://example.org/b": true, "http://example.org/s": 0.30000000000000004,
             "http://example.org/j": {"@value": {"b": [1.0, 2e0], "a": "x"}, "@type": "@json"}}
            """)!;
        var quads = await JsonLdProcessor.ToRdfAsync(doc, JsonLdOptions.Safe);
        var byPredicate = quads.ToDictionary(q => q.Predicate.Value[19..], q => q.Object);
        Assert.Multiple(() =>
        {
            Assert.That(byPredicate["i"], Is.EqualTo(RdfTerm.Literal("5", "http://www.w3.org/2001/XMLSchema#integer")));
            Assert.That(byPredicate["f"], Is.EqualTo(RdfTerm.Literal("1.1E0", "http://www.w3.org/2001/XMLSchema#double")));
            Assert.That(byPredicate["big"], Is.EqualTo(RdfTerm.Literal("1.0E21", "http://www.w3.org/2001/XMLSchema#double")));
            Assert.That(byPredicate["d"], Is.EqualTo(RdfTerm.Literal("5.0E0", "http://www.w3.org/2001/XMLSchema#double")));
            Assert.That(byPredicate["b"], Is.EqualTo(RdfTerm.Literal("true", "http://www.w3.org/2001/XMLSchema#boolean")));
            Assert.That(byPredicate["s"], Is.EqualTo(RdfTerm.Literal("3.0E-1", "http://www.w3.org/2001/XMLSchema#double")));
            Assert.That(byPredicate["j"], Is.EqualTo(RdfTerm.Literal("{\"a\":\"x\",\"b\":[1,2]}", "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")));
        });
    }

    [Test]
    public void HttpLoader_RefusesWhatIsNotAllowed()
    {
        using var client = new HttpClient();
        var resolver = new HttpResourceResolver(client, new HttpResourceResolverOptions { AllowedHosts = ["https://contexts.example.org/", "w3id.org"] });
        Assert.Multiple(() =>
        {
            Assert.That(resolver.IsAllowed(new Uri("https://contexts.example.org/a.jsonld")), Is.True);
            Assert.That(resolver.IsAllowed(new Uri("https://w3id.org/security/v2")), Is.True);
            Assert.That(resolver.IsAllowed(new Uri("http://contexts.example.org/a.jsonld")), Is.False);
            Assert.That(resolver.IsAllowed(new Uri("https://evil.example.org/a.jsonld")), Is.False);
            Assert.That(resolver.IsAllowed(new Uri("https://contexts.example.org.evil.net/a")), Is.False);
        });
        var loader = new ResourceDocumentLoader(resolver);
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await loader.LoadDocumentAsync("https://evil.example.org/a"));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.LoadingDocumentFailed));
    }

    [Test]
    public async Task ExpandAsync_DoesNotModifyInput()
    {
        var doc = Load("bench", "microcredential-v2.unsigned.json");
        var before = doc.ToJsonString();
        await JsonLdProcessor.ExpandAsync(doc, JsonLdOptions.Safe);
        Assert.That(doc.ToJsonString(), Is.EqualTo(before));
    }

    private sealed class SlowLoader(IDocumentLoader inner) : IDocumentLoader
    {
        public int Calls { get; private set; }

        public List<string> Urls { get; } = [];

        public async ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default)
        {
            Calls++;
            Urls.Add(url);
            await Task.Yield();
            return await inner.LoadDocumentAsync(url, cancellationToken);
        }
    }
}
