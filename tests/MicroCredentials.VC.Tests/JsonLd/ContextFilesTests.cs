using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.JsonLd;

/// <summary>The project's contexts/ files are the published documents (by content), and the embedded loader serves exactly them.</summary>
public class ContextFilesTests
{
    private static JsonObject Manifest => (JsonObject)JsonNode.Parse(File.ReadAllText(Shared.Repo("contexts", "manifest.json")))!;

    private static IEnumerable<TestCaseData> Entries() =>
        ((JsonArray)Manifest["contexts"]!).Where(e => e!["published"] is not null)
            .Select(e => new TestCaseData((string)e!["url"]!, (string)e["file"]!, (string)e["published"]!).SetName("Context_EqualsPublished_" + (string)e["file"]!));

    /// <summary>The project's own contexts: no published copy to compare with; checked by <see cref="OwnedContext_DefinesEveryTermAsAProtectedAbsoluteIri"/>.</summary>
    private static IEnumerable<TestCaseData> OwnedEntries() =>
        ((JsonArray)Manifest["contexts"]!).Where(e => e!["published"] is null)
            .Select(e => new TestCaseData((string)e!["url"]!, (string)e["file"]!, (bool?)e["owned"]).SetName("Context_Owned_" + (string)e["file"]!));

    [TestCaseSource(nameof(OwnedEntries))]
    public async Task OwnedContext_DefinesEveryTermAsAProtectedAbsoluteIri(string url, string file, bool? owned)
    {
        Assert.That(owned, Is.True, file + ": an entry without a published copy must be marked owned");
        var context = (JsonObject)((JsonObject)JsonNode.Parse(File.ReadAllText(Shared.Repo("contexts", file)))!)["@context"]!;
        Assert.That((bool?)context["@protected"], Is.True);
        foreach (var (term, definition) in context)
        {
            if (term.StartsWith('@'))
            {
                continue;
            }

            var iri = definition is JsonObject o ? (string?)o["@id"] : (string?)definition;
            Assert.That(Uri.TryCreate(iri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", Is.True, $"{file}: {term} -> {iri}");
        }

        Assert.That(EmbeddedDocumentLoader.Default.Contains(url), Is.True);
        var doc = await EmbeddedDocumentLoader.Default.LoadDocumentAsync(url);
        Assert.That(JsonNode.DeepEquals(doc.Document, JsonNode.Parse(File.ReadAllText(Shared.Repo("contexts", file)))), Is.True);
    }

    [TestCaseSource(nameof(Entries))]
    public void Context_EqualsPublished(string url, string file, string published)
    {
        var ours = JsonNode.Parse(File.ReadAllText(Shared.Repo("contexts", file)));
        var theirs = JsonNode.Parse(File.ReadAllText(Shared.Path(published.Split('/'))));
        Assert.That(JsonNode.DeepEquals(ours, theirs), Is.True, $"{file} differs from ../shared/{published}");
    }

    [TestCaseSource(nameof(Entries))]
    public async Task EmbeddedLoader_ServesIt(string url, string file, string published)
    {
        Assert.That(EmbeddedDocumentLoader.Default.Contains(url), Is.True);
        var doc = await EmbeddedDocumentLoader.Default.LoadDocumentAsync(url);
        Assert.That(JsonNode.DeepEquals(doc.Document, JsonNode.Parse(File.ReadAllText(Shared.Repo("contexts", file)))), Is.True);
    }

    [Test]
    public void EverySharedContext_IsEmbedded()
    {
        var index = (JsonObject)JsonNode.Parse(File.ReadAllText(Shared.Vectors("contexts", "index.json")))!;
        Assert.That(index.Select(p => p.Key), Is.SubsetOf(EmbeddedDocumentLoader.Default.Urls));
        Assert.That(EmbeddedDocumentLoader.Default.Contains("http://data.europa.eu/snb/model/context/edc-ap"), Is.True);
    }

    [Test]
    public void EveryContextFile_IsInTheManifest()
    {
        var files = ((JsonArray)Manifest["contexts"]!).Select(e => (string)e!["file"]!).ToHashSet();
        var onDisk = Directory.GetFiles(Shared.Repo("contexts"), "*.jsonld").Select(Path.GetFileName);
        Assert.That(onDisk, Is.SubsetOf(files));
    }

    [Test]
    public void EmbeddedLoader_RefusesAnyOtherUrl()
    {
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await EmbeddedDocumentLoader.Default.LoadDocumentAsync("https://example.org/ctx"));
        Assert.That(ex!.Code, Is.EqualTo("loading document failed").Or.EqualTo("loading remote context failed"));
    }
}
