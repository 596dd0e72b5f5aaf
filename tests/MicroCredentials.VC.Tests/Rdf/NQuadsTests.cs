using System.Text;
using MicroCredentials.VC.Rdf;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Rdf;

public class NQuadsTests
{
    [Test]
    public void Parse_ReadsAllTermKinds()
    {
        var quads = NQuads.Parse(
            "# comment\r\n" +
            "_:b0 <http://ex.org/p> <http://ex.org/o> <http://ex.org/g> .\n" +
            "\n" +
            "<http://ex.org/s>\t<http://ex.org/p>\t\"chat\"@fr-CA . # trailing comment\n" +
            "<http://ex.org/s> <http://ex.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g.\n" +
            "<http://ex.org/s> <http://ex.org/p> \"plain\"^^<http://www.w3.org/2001/XMLSchema#string> .");
        Assert.That(quads, Is.EqualTo(new[]
        {
            new Quad(RdfTerm.Blank("b0"), RdfTerm.Iri("http://ex.org/p"), RdfTerm.Iri("http://ex.org/o"), RdfTerm.Iri("http://ex.org/g")),
            new Quad(RdfTerm.Iri("http://ex.org/s"), RdfTerm.Iri("http://ex.org/p"), RdfTerm.Literal("chat", language: "fr-CA")),
            new Quad(RdfTerm.Iri("http://ex.org/s"), RdfTerm.Iri("http://ex.org/p"), RdfTerm.Literal("1", "http://www.w3.org/2001/XMLSchema#integer"), RdfTerm.Blank("g")),
            new Quad(RdfTerm.Iri("http://ex.org/s"), RdfTerm.Iri("http://ex.org/p"), RdfTerm.Literal("plain")),
        }));
    }

    [Test]
    public void Parse_DecodesEscapes()
    {
        var quads = NQuads.Parse("<urn:ex:\\u00E9\\U0001F303> <urn:ex:p> \"\\t\\b\\n\\r\\f\\\"\\'\\\\\\u0041\\U0001F303\" .");
        Assert.Multiple(() =>
        {
            Assert.That(quads[0].Subject.Value, Is.EqualTo("urn:ex:\u00e9\U0001F303"));
            Assert.That(quads[0].Object.Value, Is.EqualTo("\t\b\n\r\f\"'\\A\U0001F303"));
        });
    }

    [Test]
    public void Parse_BlankNodeLabelDoesNotSwallowTheFinalDot()
    {
        var quads = NQuads.Parse("_:a.b <urn:ex:p> _:c.");
        Assert.That(quads[0], Is.EqualTo(new Quad(RdfTerm.Blank("a.b"), RdfTerm.Iri("urn:ex:p"), RdfTerm.Blank("c"))));
    }

    [TestCase("<urn:ex:s> <urn:ex:p> <urn:ex:o>", 1, 33, "expected a graph label or '.'", TestName = "MissingDot")]
    [TestCase("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n<urn:ex:s> \"x\" <urn:ex:o> .", 2, 12, "expected a predicate", TestName = "LiteralPredicate")]
    [TestCase("<urn:ex:s> <urn:ex:p> \"abc .", 1, 29, "unterminated string literal", TestName = "UnterminatedLiteral")]
    [TestCase("<urn:ex:s> <urn:ex:p> \"a\nb\" .", 1, 25, "line break inside a string literal", TestName = "RawNewlineInLiteral")]
    [TestCase("<urn:ex:s> <urn:ex:p> \"\\q\" .", 1, 24, "invalid escape sequence", TestName = "BadEcharInLiteral")]
    [TestCase("<s> <urn:ex:p> <urn:ex:o> .", 1, 1, "relative IRI", TestName = "RelativeIri")]
    [TestCase("<urn:ex:a b> <urn:ex:p> <urn:ex:o> .", 1, 10, "space or control character in IRI", TestName = "SpaceInIri")]
    [TestCase("<urn:ex:\\u0020> <urn:ex:p> <urn:ex:o> .", 1, 9, "not allowed in an IRI", TestName = "EscapedSpaceInIri")]
    [TestCase("<urn:ex:s> <urn:ex:p> \"\\uD800\" .", 1, 24, "Unicode scalar value", TestName = "EscapedSurrogate")]
    [TestCase("<urn:ex:s> <urn:ex:p> \"x\"@ .", 1, 27, "empty language tag", TestName = "EmptyLanguageTag")]
    [TestCase("<urn:ex:s> <urn:ex:p> <urn:ex:o> . <urn:ex:s>", 1, 36, "expected the end of the line", TestName = "TwoStatementsOnALine")]
    [TestCase("_: <urn:ex:p> <urn:ex:o> .", 1, 3, "blank node label", TestName = "EmptyBlankLabel")]
    [TestCase("<urn:ex:s> <urn:ex:p> \"x\" \"y\" .", 1, 27, "expected a graph label or '.'", TestName = "LiteralGraph")]
    public void Parse_ReportsLineAndColumn(string text, int line, int column, string message)
    {
        var ex = Assert.Throws<NQuadsFormatException>(() => NQuads.Parse(text));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Line, Is.EqualTo(line), ex.Message);
            Assert.That(ex.Column, Is.EqualTo(column), ex.Message);
            Assert.That(ex.Message, Does.Contain(message).And.Contain($"line {line}, column {column}"));
            Assert.That(NQuads.TryParse(text, out var quads, out var problem), Is.False);
            Assert.That(quads, Is.Null);
            Assert.That(problem!.Code, Is.EqualTo(NQuads.SyntaxErrorCode));
            Assert.That(problem.Message, Is.EqualTo(ex.Message));
        });
    }

    [Test]
    public void TryParse_SucceedsOnValidInput()
    {
        Assert.That(NQuads.TryParse("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n", out var quads, out var error), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(quads, Has.Count.EqualTo(1));
            Assert.That(error, Is.Null);
        });
    }

    [Test]
    public void Parse_EmptyDocumentHasNoQuads() =>
        Assert.That(NQuads.Parse("\n# nothing\n\r\n"), Is.Empty);

    [Test]
    public void Serialize_EscapesLiteralsCanonically()
    {
        var text = new string(Enumerable.Range(0, 0x20).Select(i => (char)i).ToArray()) + "\"\\'\u007f\u0080\u00e9\U0001F303";
        var line = NQuads.Serialize([new Quad(RdfTerm.Iri("urn:ex:s"), RdfTerm.Iri("urn:ex:p"), RdfTerm.Literal(text))]);
        Assert.That(line, Is.EqualTo(
            "<urn:ex:s> <urn:ex:p> \"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F" +
            "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F" +
            "\\\"\\\\'\\u007F\u0080\u00e9\U0001F303\" .\n"));
    }

    [Test]
    public void Serialize_WritesDatatypesLanguagesAndGraphs()
    {
        var text = NQuads.Serialize(
        [
            new Quad(RdfTerm.Blank("x"), RdfTerm.Iri("urn:ex:p"), RdfTerm.Literal("1", "http://www.w3.org/2001/XMLSchema#integer"), RdfTerm.Blank("g")),
            new Quad(RdfTerm.Iri("urn:ex:s"), RdfTerm.Iri("urn:ex:p"), RdfTerm.Literal("a", language: "en-GB"), RdfTerm.Iri("urn:ex:g")),
            new Quad(RdfTerm.Iri("urn:ex:s"), RdfTerm.Iri("urn:ex:p"), RdfTerm.Literal("s", RdfTerm.XsdString)),
        ]);
        Assert.That(text, Is.EqualTo(
            "_:x <urn:ex:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g .\n" +
            "<urn:ex:s> <urn:ex:p> \"a\"@en-GB <urn:ex:g> .\n" +
            "<urn:ex:s> <urn:ex:p> \"s\" .\n"));
    }

    [Test]
    public void Serialize_NoQuadsIsEmpty() => Assert.That(NQuads.Serialize([]), Is.Empty);

    [Test]
    public void NullArguments_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => NQuads.Parse(null!));
            Assert.Throws<ArgumentNullException>(() => NQuads.TryParse(null!, out _, out _));
            Assert.Throws<ArgumentNullException>(() => NQuads.Serialize(null!));
            Assert.Throws<ArgumentNullException>(() => NQuads.WriteQuad(null!, new StringBuilder()));
        });
    }
}

/// <summary>
/// The N-Quads files of the JSON-LD 1.1 test suite (toRdf expected outputs, fromRdf inputs) as a corpus for the
/// reader and writer: each parses, and writing and reading it back gives the same quads.
/// </summary>
public class NQuadsCorpusTests
{
    /// <summary>Expected outputs of the toRdf tests run with produceGeneralizedRdf: blank node predicates, not N-Quads.</summary>
    private static readonly string[] GeneralizedRdf = ["toRdf/0118-out.nq", "toRdf/e075-out.nq"];

    private static string Relative(string file) => Path.GetFileName(Path.GetDirectoryName(file)) + "/" + Path.GetFileName(file);

    public static IEnumerable<TestCaseData> Files() =>
        new[] { "toRdf", "fromRdf" }
            .SelectMany(dir => Directory.GetFiles(Shared.Vectors("json-ld-api", "tests", dir), "*.nq"))
            .Where(f => !GeneralizedRdf.Contains(Relative(f)))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("JsonLdSuite_" + Path.GetFileName(Path.GetDirectoryName(f)) + "_" + Path.GetFileNameWithoutExtension(f)));

    [TestCaseSource(nameof(Files))]
    public void Parses_AndRoundTrips(string file)
    {
        var quads = NQuads.Parse(File.ReadAllText(file));
        var text = NQuads.Serialize(quads);
        Assert.That(NQuads.Parse(text), Is.EqualTo(quads));
    }

    [Test]
    public void GeneralizedRdf_IsRejected()
    {
        foreach (var file in GeneralizedRdf)
        {
            var text = File.ReadAllText(Shared.Vectors("json-ld-api", "tests", file));
            var ex = Assert.Throws<NQuadsFormatException>(() => NQuads.Parse(text));
            Assert.That(ex!.Message, Does.Contain("expected a predicate"));
        }
    }
}
