using System.Globalization;
using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>
/// RDFC-1.0 on credential-shaped datasets. The canonical test-vector documents have their c14n blank node labels
/// replaced by random ones and their quads shuffled first, so the canonicalizer does the real work.
/// </summary>
[MemoryDiagnoser]
public class RdfcBenchmarks
{
    private IReadOnlyList<Quad> _quads = [];
    private string _nquads = "";

    [Params("eddsa-rdfc-2022/canonDocDataInt", "obv3p0/document-canon", "clrv2p0/document-canon", "synthetic-92")]
    public string Document { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var quads = Document switch
        {
            "eddsa-rdfc-2022/canonDocDataInt" => Load("vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "canonDocDataInt.txt"),
            "obv3p0/document-canon" => Load("openbadges-v3", "test-vectors", "obv3p0", "document-canon.txt"),
            "clrv2p0/document-canon" => Load("openbadges-v3", "test-vectors", "clrv2p0", "document-canon.txt"),
            _ => SyntheticCredential(),
        };
        _quads = RelabelAndShuffle(quads, new Random(42));
        _nquads = NQuads.Serialize(_quads);
    }

    [Benchmark]
    public string Canonicalize() => Rdfc10.Canonicalize(_quads).CanonicalNQuads;

    [Benchmark]
    public int CanonicalizeUtf8() => Rdfc10.Canonicalize(_quads).CanonicalNQuadsUtf8.Length;

    [Benchmark]
    public string ParseAndCanonicalize() => Rdfc10.CanonicalizeNQuads(_nquads);

    [Benchmark]
    public int Parse() => NQuads.Parse(_nquads).Count;

    [Benchmark]
    public int Serialize() => NQuads.Serialize(_quads).Length;

    internal static IReadOnlyList<Quad> Load(params string[] path) =>
        NQuads.Parse(File.ReadAllText(Path.Combine([SharedVectors(), .. path])));

    internal static string SharedVectors()
    {
        var env = Environment.GetEnvironmentVariable("MCRED_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(env, "vectors");
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.VC.sln")))
        {
            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "..", "shared", "vectors"));
    }

    internal static List<Quad> RelabelAndShuffle(IReadOnlyList<Quad> quads, Random random)
    {
        var labels = new Dictionary<string, RdfTerm>();
        RdfTerm Map(RdfTerm term)
        {
            if (!term.IsBlankNode)
            {
                return term;
            }

            if (!labels.TryGetValue(term.Value, out var mapped))
            {
                mapped = RdfTerm.Blank("b" + random.Next().ToString("x8", CultureInfo.InvariantCulture));
                labels[term.Value] = mapped;
            }

            return mapped;
        }

        var result = quads.Select(q => new Quad(Map(q.Subject), q.Predicate, Map(q.Object), q.Graph is null ? null : Map(q.Graph))).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result));
        return result;
    }

    /// <summary>
    /// A tree-shaped micro-credential of 92 quads and 10 blank nodes, like what JSON-LD toRdf gives for an
    /// ELM/Open Badges credential: every blank node has a unique first-degree hash.
    /// </summary>
    internal static List<Quad> SyntheticCredential()
    {
        const string Xsd = "http://www.w3.org/2001/XMLSchema#";
        const string Elm = "http://data.europa.eu/snb/model/elm/";
        const string Cred = "https://www.w3.org/2018/credentials#";
        const string Type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
        var quads = new List<Quad>();
        var credential = RdfTerm.Iri("urn:uuid:5b3c6a2e-2f57-4b8a-9b4c-0e2a7d1f6c3d");
        var subject = RdfTerm.Iri("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
        var issuer = RdfTerm.Iri("did:web:university.example.eu");
        void Add(RdfTerm s, string p, RdfTerm o) => quads.Add(new Quad(s, RdfTerm.Iri(p), o));
        RdfTerm Lit(string v, string? dt = null, string? lang = null) => RdfTerm.Literal(v, dt, lang);

        Add(credential, Type, RdfTerm.Iri(Cred + "VerifiableCredential"));
        Add(credential, Type, RdfTerm.Iri(Elm + "EuropeanDigitalCredential"));
        Add(credential, Cred + "issuer", issuer);
        Add(credential, Cred + "issuanceDate", Lit("2026-06-30T12:00:00Z", Xsd + "dateTime"));
        Add(credential, Cred + "validFrom", Lit("2026-06-30T12:00:00Z", Xsd + "dateTime"));
        Add(credential, Cred + "expirationDate", Lit("2031-06-30T12:00:00Z", Xsd + "dateTime"));
        Add(credential, Cred + "credentialSubject", subject);
        Add(issuer, Type, RdfTerm.Iri(Elm + "Organisation"));
        Add(issuer, Elm + "legalName", Lit("Universidade de Exemplo", lang: "pt"));
        Add(issuer, Elm + "legalName", Lit("Example University", lang: "en"));
        Add(subject, Type, RdfTerm.Iri(Elm + "Person"));
        Add(subject, Elm + "givenName", Lit("Maria", lang: "pt"));
        Add(subject, Elm + "familyName", Lit("Exemplo", lang: "pt"));
        Add(subject, Elm + "dateOfBirth", Lit("2001-04-12", Xsd + "date"));

        var blanks = Enumerable.Range(0, 10).Select(i => RdfTerm.Blank("n" + i)).ToArray();
        string[] kinds = ["LearningAchievement", "LearningAchievementSpecification", "LearningOutcome", "LearningOutcome", "LearningOutcome", "AwardingProcess", "LearningActivity", "Location", "Address", "GradingScheme"];
        RdfTerm[] parents = [subject, blanks[0], blanks[1], blanks[1], blanks[1], blanks[0], subject, blanks[5], blanks[7], blanks[1]];
        string[] links = ["hasClaim", "specifiedBy", "learningOutcome", "learningOutcome", "learningOutcome", "awardedBy", "hasClaim", "location", "address", "gradingScheme"];
        for (var i = 0; i < blanks.Length; i++)
        {
            var b = blanks[i];
            Add(parents[i], Elm + links[i], b);
            Add(b, Type, RdfTerm.Iri(Elm + kinds[i]));
            Add(b, "http://purl.org/dc/terms/title", Lit($"{kinds[i]} {i}: Applied Data Protection in the EU — module {i}", lang: "en"));
            Add(b, "http://purl.org/dc/terms/title", Lit($"{kinds[i]} {i}: Proteção de dados aplicada na UE — módulo {i}", lang: "pt"));
            Add(b, "http://purl.org/dc/terms/description", Lit($"The learner can analyse processing operations and assess their lawfulness under the GDPR ({i}).", lang: "en"));
            Add(b, Elm + "identifier", Lit($"urn:ex:component:{i:D4}"));
            Add(b, Elm + "volumeOfLearning", Lit($"PT{(i + 1) * 10}H", Xsd + "duration"));
        }

        Add(blanks[1], Elm + "eqfLevel", RdfTerm.Iri("http://data.europa.eu/snb/eqf/6"));
        Add(blanks[1], Elm + "mode", RdfTerm.Iri("http://data.europa.eu/snb/learning-assessment/920fbb3cbe"));
        Add(blanks[1], Elm + "language", RdfTerm.Iri("http://publications.europa.eu/resource/authority/language/ENG"));
        Add(blanks[8], Elm + "countryCode", RdfTerm.Iri("http://publications.europa.eu/resource/authority/country/PRT"));
        Add(blanks[8], Elm + "fullAddress", Lit("Rua do Exemplo 1, 1000-001 Lisboa", lang: "pt"));
        Add(blanks[5], Elm + "awardingBody", issuer);
        Add(blanks[5], Elm + "awardingDate", Lit("2026-06-30T12:00:00Z", Xsd + "dateTime"));
        Add(blanks[6], Elm + "temporal", Lit("2026-02-01/2026-06-15"));
        return quads;
    }
}
