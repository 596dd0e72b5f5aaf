using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Tests.Rdf;

/// <summary>FsCheck properties of RDFC-1.0 and the N-Quads reader/writer.</summary>
public class Rdfc10PropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Iris =
    [
        "http://example.org/a", "http://example.org/b", "urn:ex:c", "https://schema.org/name", "did:example:123",
    ];

    private static readonly string[] Predicates = ["http://example.org/p", "http://example.org/q", "urn:ex:r"];

    /// <summary>A small dataset whose blank nodes are labeled b0…bN; symmetric shapes are common on purpose.</summary>
    private static Gen<List<Quad>> Datasets() =>
        from blankCount in Gen.Choose(0, 6)
        from quadCount in Gen.Choose(1, 14)
        from quads in Gen.ListOf(QuadGen(blankCount), quadCount)
        select quads.ToList();

    private static Gen<Quad> QuadGen(int blankCount)
    {
        var iri = Gen.Elements(Iris).Select(RdfTerm.Iri);
        var blank = blankCount == 0 ? iri : Gen.Choose(0, blankCount - 1).Select(i => RdfTerm.Blank("b" + i));
        var literal = Gen.Elements("x", "y", "").Select(v => RdfTerm.Literal(v));
        var node = Gen.Frequency((1, iri), (3, blank));
        var obj = Gen.Frequency((1, iri), (3, blank), (1, literal));
        var graph = Gen.Frequency((4, Gen.Constant<RdfTerm?>(null)), (1, iri.Select(t => (RdfTerm?)t)), (1, blank.Select(t => (RdfTerm?)t)));
        return from s in node
               from p in Gen.Elements(Predicates).Select(RdfTerm.Iri)
               from o in obj
               from g in graph
               select new Quad(s, p, o, g);
    }

    private static Gen<(List<Quad> Dataset, List<Quad> Variant)> RelabeledShuffled() =>
        from dataset in Datasets()
        from salt in Gen.Choose(0, int.MaxValue)
        from shuffled in Gen.Shuffle(dataset.ToArray())
        select (dataset, Relabel(shuffled.ToList(), salt));

    private static List<Quad> Relabel(List<Quad> quads, int salt)
    {
        var rng = new Random(salt);
        var map = new Dictionary<string, RdfTerm>();
        RdfTerm Map(RdfTerm t)
        {
            if (!t.IsBlankNode)
            {
                return t;
            }

            if (!map.TryGetValue(t.Value, out var mapped))
            {
                mapped = RdfTerm.Blank("n" + rng.Next(1_000_000).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "_" + map.Count);
                map[t.Value] = mapped;
            }

            return mapped;
        }

        return quads.Select(q => new Quad(Map(q.Subject), q.Predicate, Map(q.Object), q.Graph is null ? null : Map(q.Graph))).ToList();
    }

    [Test]
    public void RelabelingAndShuffling_NeverChangeTheCanonicalForm() =>
        Check.One(Config, Prop.ForAll(RelabeledShuffled().ToArbitrary(), pair =>
            Rdfc10.Canonicalize(pair.Dataset).CanonicalNQuads == Rdfc10.Canonicalize(pair.Variant).CanonicalNQuads));

    [Test]
    public void CanonicalForm_IsAFixpoint() =>
        Check.One(Config, Prop.ForAll(Datasets().ToArbitrary(), dataset =>
        {
            var once = Rdfc10.Canonicalize(dataset);
            var twice = Rdfc10.Canonicalize(NQuads.Parse(once.CanonicalNQuads));
            return once.CanonicalNQuads == twice.CanonicalNQuads
                && NQuads.Serialize(once.CanonicalQuads) == once.CanonicalNQuads
                && twice.IssuedIdentifiers.All(kv => kv.Key == kv.Value);
        }));

    [Test]
    public void DuplicateQuads_CountOnce() =>
        Check.One(Config, Prop.ForAll(Datasets().ToArbitrary(), dataset =>
            Rdfc10.Canonicalize(dataset).CanonicalNQuads == Rdfc10.Canonicalize([.. dataset, .. dataset]).CanonicalNQuads));

    /// <summary>Strings of any Unicode scalar values, biased toward the characters escaping cares about.</summary>
    private static Gen<string> Text() =>
        Gen.ListOf(Gen.Frequency(
                (4, Gen.Choose(0x20, 0x7E)),
                (2, Gen.Choose(0x00, 0x1F)),
                (1, Gen.Elements(0x22, 0x5C, 0x27, 0x7F, 0x80, 0x9F, 0xA0, 0xFEFF, 0xFFFD, 0xFFFF)),
                (1, Gen.Choose(0xA1, 0xD7FF)),
                (1, Gen.Choose(0xE000, 0xFFFF)),
                (1, Gen.Choose(0x10000, 0x10FFFF))))
            .Select(cps =>
            {
                var sb = new StringBuilder();
                foreach (var cp in cps)
                {
                    sb.Append(new Rune(cp).ToString());
                }

                return sb.ToString();
            });

    private static Gen<RdfTerm> Literals() =>
        from text in Text()
        from kind in Gen.Choose(0, 2)
        from lang in Gen.Elements("en", "en-GB", "de-CH-1996", "x-Private", "EN")
        from dt in Gen.Elements("http://www.w3.org/2001/XMLSchema#dateTime", "urn:ex:dt\u00e9", "http://example.org/\U0001F303")
        select kind switch
        {
            0 => RdfTerm.Literal(text),
            1 => RdfTerm.Literal(text, language: lang),
            _ => RdfTerm.Literal(text, dt),
        };

    [Test]
    public void SerializeParseSerialize_RoundTripsLiterals() =>
        Check.One(Config, Prop.ForAll(Literals().ToArbitrary(), literal =>
        {
            var quad = new Quad(RdfTerm.Blank("s"), RdfTerm.Iri("http://example.org/p"), literal, RdfTerm.Iri("urn:ex:g"));
            var text = NQuads.Serialize([quad]);
            var parsed = NQuads.Parse(text);
            return parsed.Count == 1 && parsed[0] == quad && NQuads.Serialize(parsed) == text
                && text.Count(c => c == '\n') == 1;
        }));

    [Test]
    public void Utf8AndUtf16Writers_Agree() =>
        Check.One(Config, Prop.ForAll(Literals().ToArbitrary(), literal =>
        {
            var quad = new Quad(RdfTerm.Iri("urn:ex:s"), RdfTerm.Iri("urn:ex:p"), literal);
            var sb = new StringBuilder();
            NQuads.WriteQuad(quad, sb);
            var writer = new System.Buffers.ArrayBufferWriter<byte>();
            NQuads.WriteQuad(quad, writer);
            return Encoding.UTF8.GetString(writer.WrittenSpan) == sb.ToString();
        }));
}
