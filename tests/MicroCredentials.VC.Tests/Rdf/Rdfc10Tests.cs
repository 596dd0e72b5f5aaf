using System.Security.Cryptography;
using System.Text;
using MicroCredentials.VC.Rdf;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Rdf;

public class Rdfc10Tests
{
    private static IEnumerable<TestCaseData> CanonicalDocuments()
    {
        string[][] files =
        [
            ["vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "canonDocDataInt.txt"],
            ["vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "proofCanonDataInt.txt"],
            ["vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "employ", "canonDocDataInt.txt"],
            ["vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "employ", "proofCanonDataInt.txt"],
            ["openbadges-v3", "test-vectors", "obv3p0", "document-canon.txt"],
            ["openbadges-v3", "test-vectors", "obv3p0", "proof-canon.txt"],
            ["openbadges-v3", "test-vectors", "clrv2p0", "document-canon.txt"],
        ];
        return files.Select(f => new TestCaseData((object)f).SetName("CanonicalDocument_IsAFixpoint(" + string.Join('/', f[..^1].Skip(2).Append(f[^1])) + ")"));
    }

    [TestCaseSource(nameof(CanonicalDocuments))]
    public void CanonicalDocument_IsAFixpoint(string[] path)
    {
        var bytes = File.ReadAllBytes(Shared.Vectors(path));
        var text = Encoding.UTF8.GetString(bytes);
        var result = Rdfc10.Canonicalize(NQuads.Parse(text));
        Assert.Multiple(() =>
        {
            Assert.That(result.CanonicalNQuads, Is.EqualTo(text));
            Assert.That(result.CanonicalNQuadsUtf8.ToArray(), Is.EqualTo(bytes));
        });
    }

    [Test]
    public void Canonicalize_TreeShapedDocument_IssuesIdentifiersInHashOrder()
    {
        var result = Rdfc10.Canonicalize(NQuads.Parse(
            "_:x <urn:ex:p> _:y .\n_:y <urn:ex:q> \"leaf\" .\n"));
        Assert.Multiple(() =>
        {
            Assert.That(result.IssuedIdentifiers.Keys, Is.EquivalentTo(new[] { "x", "y" }));
            Assert.That(result.IssuedIdentifiers.Values, Is.EquivalentTo(new[] { "c14n0", "c14n1" }));
            Assert.That(NQuads.Serialize(result.CanonicalQuads), Is.EqualTo(result.CanonicalNQuads));
            Assert.That(result.CanonicalQuads.SelectMany(q => new[] { q.Subject, q.Object }).Where(t => t.IsBlankNode).Select(t => t.Value).Distinct(),
                Is.SubsetOf(new[] { "c14n0", "c14n1" }));
        });
    }

    [Test]
    public void Canonicalize_EmptyDataset_IsEmpty()
    {
        var result = Rdfc10.Canonicalize([]);
        Assert.Multiple(() =>
        {
            Assert.That(result.CanonicalNQuads, Is.Empty);
            Assert.That(result.CanonicalQuads, Is.Empty);
            Assert.That(result.IssuedIdentifiers, Is.Empty);
        });
    }

    [Test]
    public void Canonicalize_DropsDuplicateQuads()
    {
        var result = Rdfc10.Canonicalize(NQuads.Parse(
            "_:a <urn:ex:p> \"x\" .\n_:a <urn:ex:p> \"x\" .\n_:a <urn:ex:p> \"x\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"));
        Assert.That(result.CanonicalNQuads, Is.EqualTo("_:c14n0 <urn:ex:p> \"x\" .\n"));
    }

    [Test]
    public void Canonicalize_SortsInCodePointOrderNotUtf16Order()
    {
        // U+FF61 sorts before U+1F303 in code point order, after it in UTF-16 code unit order.
        var result = Rdfc10.Canonicalize(NQuads.Parse(
            "<urn:ex:s> <urn:ex:p> \"\U0001F303\" .\n<urn:ex:s> <urn:ex:p> \"\uFF61\" .\n"));
        Assert.That(result.CanonicalNQuads, Is.EqualTo(
            "<urn:ex:s> <urn:ex:p> \"\uFF61\" .\n<urn:ex:s> <urn:ex:p> \"\U0001F303\" .\n"));
    }

    [Test]
    public void Canonicalize_Sha384_ChangesOnlyTheHashes()
    {
        const string doc = "_:a <urn:ex:p> _:b .\n_:b <urn:ex:p> _:a .\n_:a <urn:ex:q> \"1\" .\n";
        var sha256 = Rdfc10.Canonicalize(NQuads.Parse(doc));
        var sha384 = Rdfc10.Canonicalize(NQuads.Parse(doc), RdfcOptions.Default with { HashAlgorithm = HashAlgorithmName.SHA384 });
        Assert.That(sha384.CanonicalQuads, Has.Count.EqualTo(sha256.CanonicalQuads.Count));
    }

    [Test]
    public void Canonicalize_UnsupportedHashAlgorithm_Throws() =>
        Assert.Throws<ArgumentException>(() => Rdfc10.Canonicalize([], RdfcOptions.Default with { HashAlgorithm = HashAlgorithmName.MD5 }));

    [Test]
    public void Canonicalize_NegativeWorkLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rdfc10.Canonicalize([], RdfcOptions.Default with { WorkLimit = -1 }));

    [Test]
    public void Canonicalize_ZeroWorkLimit_StillHandlesTreeShapedData()
    {
        var options = RdfcOptions.Default with { WorkLimit = 0 };
        Assert.Multiple(() =>
        {
            Assert.That(Rdfc10.Canonicalize(NQuads.Parse("_:x <urn:ex:p> _:y .\n_:y <urn:ex:q> \"leaf\" .\n"), options).IssuedIdentifiers, Has.Count.EqualTo(2));
            var ex = Assert.Throws<RdfcException>(() => Rdfc10.Canonicalize(NQuads.Parse("_:x <urn:ex:p> _:y .\n_:y <urn:ex:p> _:x .\n"), options));
            Assert.That(ex!.Code, Is.EqualTo(RdfcException.WorkLimitExceededCode));
        });
    }

    [Test]
    public void Canonicalize_HonoursCancellation()
    {
        var quads = NQuads.Parse(File.ReadAllText(Shared.Vectors("rdf-canon", "tests", "rdfc10", "test074-in.nq")));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Rdfc10.Canonicalize(quads, RdfcOptions.Default with { WorkLimit = long.MaxValue }, cts.Token));
    }

    [TestCase("literal subject")]
    [TestCase("blank predicate")]
    [TestCase("literal graph")]
    [TestCase("null quad")]
    public void Canonicalize_InvalidQuad_Throws(string what)
    {
        var iri = RdfTerm.Iri("urn:ex:i");
        var quad = what switch
        {
            "literal subject" => new Quad(RdfTerm.Literal("x"), iri, iri),
            "blank predicate" => new Quad(iri, RdfTerm.Blank("p"), iri),
            "literal graph" => new Quad(iri, iri, iri, RdfTerm.Literal("g")),
            _ => null!,
        };
        Assert.Throws<ArgumentException>(() => Rdfc10.Canonicalize([quad]));
    }

    [Test]
    public void CanonicalizeNQuads_ParsesAndCanonicalizes() =>
        Assert.That(Rdfc10.CanonicalizeNQuads("_:q <urn:ex:p> \"v\" .\n"), Is.EqualTo("_:c14n0 <urn:ex:p> \"v\" .\n"));
}
