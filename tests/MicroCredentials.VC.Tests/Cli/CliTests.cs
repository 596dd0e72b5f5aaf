using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Cli;

[NonParallelizable]
public class CliTests
{
    private string _dir = null!;
    private string _key = null!;

    [OneTimeSetUp]
    public void MakeKey()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        var r = Mcred.Run(null, "keygen", "--out", _key);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<TestCaseData> ModelsAndProofs() =>
        from model in Directory.GetFiles(Shared.Repo("samples", "models"), "*.json").Order(StringComparer.Ordinal)
        from proof in new[] { "eddsa-rdfc-2022", "eddsa-jcs-2022" }
        select new TestCaseData(model, proof).SetName($"IssueThenVerify_{Path.GetFileNameWithoutExtension(model)}_{proof}");

    private static void NoStackTrace(Mcred.Result r) => Assert.That(r.Stderr, Does.Not.Contain("   at "), r.ToString());

    private string Issue(string model, string proof = "eddsa-jcs-2022", params string[] extra)
    {
        var output = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        var r = Mcred.Run(null, ["issue", "--in", model, "--proof", proof, "--key", _key, "--out", output, .. extra]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return output;
    }

    [Test]
    public void Keygen_WritesAKeyFileWithEveryForm()
    {
        var key = JsonNode.Parse(File.ReadAllText(_key))!;
        Assert.That((string?)key["did"], Does.StartWith("did:key:z6Mk"));
        Assert.That((string?)key["secretKeyMultibase"], Does.StartWith("z3u2"));
        Assert.That((string?)key["publicKeyJwk"]!["kty"], Is.EqualTo("OKP"));
        Assert.That((string?)key["privateKeyJwk"]!["d"], Is.Not.Null);
    }

    [Test]
    public void Keygen_RefusesToOverwrite()
    {
        var r = Mcred.Run(null, "keygen", "--out", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("--force"));
    }

    [TestCaseSource(nameof(ModelsAndProofs))]
    public void IssueThenVerify(string model, string proof)
    {
        var credential = Issue(model, proof);
        var r = Mcred.Run(null, "verify", "--in", credential, "--require-elements");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var report = JsonNode.Parse(r.Stdout)!;
        Assert.That((bool)report["verified"]!, Is.True);
        Assert.That((string?)report["securedWith"], Is.EqualTo(proof));
    }

    [Test]
    public void Verify_Tampered_ExitsOneWithSignatureFailed()
    {
        var credential = Issue(Shared.Repo("samples", "models", "university-data-science.json"));
        var doc = JsonNode.Parse(File.ReadAllText(credential))!;
        doc["validFrom"] = "2020-01-01T00:00:00Z";
        var r = Mcred.Run(doc.ToJsonString(), "verify");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        var signature = JsonNode.Parse(r.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "signature")!;
        Assert.That((string?)signature["status"], Is.EqualTo("failed"));
    }

    [Test]
    public void Verify_AtBeforeIssuing_FailsIssuanceDate()
    {
        var credential = Issue(Shared.Repo("samples", "models", "university-data-science.json"));
        var r = Mcred.Run(null, "verify", "--in", credential, "--at", "2020-01-01T00:00:00Z");
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        var check = JsonNode.Parse(r.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "issuanceDate")!;
        Assert.That((string?)check["status"], Is.EqualTo("failed"));
    }

    [Test]
    public void Issue_ModelWithoutLearningOutcomes_ExitsTwoNamingThem()
    {
        var model = JsonNode.Parse(File.ReadAllText(Shared.Repo("samples", "models", "university-data-science.json")))!.AsObject();
        model.Remove("learningOutcomes");
        var r = Mcred.Run(model.ToJsonString(), "issue", "--key", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("learningOutcomes: at least one learning outcome is required"));
        Assert.That(r.Stdout, Is.Empty);
        NoStackTrace(r);
    }

    [TestCase("not json", TestName = "Issue_MalformedModel_ExitsTwo")]
    [TestCase("{\"workload\": {\"ects\": \"lots\"}}", TestName = "Issue_WrongType_ExitsTwo")]
    public void Issue_BadModel(string model)
    {
        var r = Mcred.Run(model, "issue", "--key", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        NoStackTrace(r);
    }

    [Test]
    public void Issue_KeyFileOfTheWrongKind_ExitsTwo()
    {
        var notAKey = Path.Combine(_dir, "not-a-key.json");
        File.WriteAllText(notAKey, "{\"kty\":\"EC\",\"crv\":\"P-256\"}");
        var r = Mcred.Run(null, "issue", "--in", Shared.Repo("samples", "models", "university-data-science.json"), "--key", notAKey);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("not a usable Ed25519 key file"));
        NoStackTrace(r);
    }

    [Test]
    public void Issue_UnknownProof_ExitsTwo()
    {
        var r = Mcred.Run(null, "issue", "--in", "x.json", "--key", _key, "--proof", "rsa-2048");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        NoStackTrace(r);
    }

    [TestCase("[]", TestName = "Verify_NotAnObject_ExitsTwo")]
    [TestCase("{\"oops\"", TestName = "Verify_MalformedJson_ExitsTwo")]
    public void Verify_Unusable(string input)
    {
        var r = Mcred.Run(input, "verify");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        NoStackTrace(r);
    }

    [Test]
    public void Verify_MissingFile_ExitsTwo()
    {
        var r = Mcred.Run(null, "verify", "--in", Path.Combine(_dir, "nope.json"));
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("no such file"));
    }

    [Test]
    public void Sign_ThenVerify_VectorDocument()
    {
        var vc = JsonNode.Parse(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "unsigned.json")))!.AsObject();
        var did = (string)JsonNode.Parse(File.ReadAllText(_key))!["did"]!;
        vc["issuer"] = did;
        var r = Mcred.Run(vc.ToJsonString(), "sign", "--key", _key, "--proof", "eddsa-jcs-2022");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var signed = JsonNode.Parse(r.Stdout)!;
        Assert.That((string?)signed["issuer"], Is.EqualTo(did), "sign leaves the issuer as it is");
        Assert.That(Mcred.Run(r.Stdout, "verify").ExitCode, Is.Zero);
    }

    [Test]
    public void Sign_WithTheVectorKeyAndDate_ReproducesTheJcsVector()
    {
        var dir = Shared.Vectors("vc-di-eddsa", "TestVectors");
        var r = Mcred.Run(null, "sign", "--in", Path.Combine(dir, "unsigned.json"), "--key", Path.Combine(dir, "keyPair.json"), "--proof", "eddsa-jcs-2022", "--created", "2023-02-24T23:36:38Z");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "eddsa-jcs-2022", "signedJCS.json")));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(r.Stdout), expected), Is.True, r.Stdout);
    }

    [Test]
    public void Canonicalize_Jcs_MatchesTheVector()
    {
        var dir = Shared.Vectors("vc-di-eddsa", "TestVectors");
        var r = Mcred.Run(null, "canonicalize", "--jcs", "--in", Path.Combine(dir, "unsigned.json"));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Is.EqualTo(File.ReadAllText(Path.Combine(dir, "eddsa-jcs-2022", "canonDocJCS.txt"))));
    }

    [TestCase("eddsa-rdfc-2022", TestName = "Sign_UndefinedTerm_ExitsTwoNamingIt_rdfc")]
    [TestCase("eddsa-jcs-2022", TestName = "Sign_UndefinedTerm_ExitsTwoNamingIt_jcs")]
    public void Sign_UndefinedTerm_ExitsTwoNamingIt(string proof)
    {
        var vc = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner", ["undefinedGrade"] = "A+" },
        };
        var r = Mcred.Run(vc.ToJsonString(), "sign", "--key", _key, "--proof", proof);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("undefinedGrade"));
        Assert.That(r.Stdout, Is.Empty);
        NoStackTrace(r);
    }

    [TestCase("unsigned.json", "eddsa-rdfc-2022/canonDocDataInt.txt", TestName = "Canonicalize_Rdfc_MatchesTheAlumniVector")]
    [TestCase("employmentAuth.json", "eddsa-rdfc-2022/employ/canonDocDataInt.txt", TestName = "Canonicalize_Rdfc_MatchesTheEmployVector")]
    public void Canonicalize_Rdfc(string input, string expected)
    {
        var dir = Shared.Vectors("vc-di-eddsa", "TestVectors");
        var r = Mcred.Run(null, "canonicalize", "--rdfc", "--in", Path.Combine(dir, input));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Is.EqualTo(File.ReadAllText(Path.Combine([dir, .. expected.Split('/')]))));
    }

    /// <summary>The sections <c>canonicalize</c> prints for a signed document: heading line, then content.</summary>
    private static List<(string Heading, string Content)> Sections(string output)
    {
        var sections = new List<(string, string)>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                sections.Add((line, string.Empty));
            }
            else if (sections.Count > 0 && line.Length > 0)
            {
                sections[^1] = (sections[^1].Item1, sections[^1].Item2 + line + "\n");
            }
        }

        return sections;
    }

    [Test]
    public void Canonicalize_RdfcOfASignedDocument_PrintsTheDocumentWithoutProofAndTheProofConfiguration()
    {
        var dir = Shared.Vectors("vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022");
        var r = Mcred.Run(null, "canonicalize", "--rdfc", "--in", Path.Combine(dir, "signedDataInt.json"));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var sections = Sections(r.Stdout);
        Assert.That(sections, Has.Count.EqualTo(2), r.Stdout);
        Assert.That(sections[0].Heading, Does.Contain("without its proof"));
        Assert.That(sections[0].Content, Is.EqualTo(File.ReadAllText(Path.Combine(dir, "canonDocDataInt.txt"))));
        Assert.That(sections[1].Heading, Does.Contain("proof 1 (eddsa-rdfc-2022)"));
        Assert.That(sections[1].Content, Is.EqualTo(File.ReadAllText(Path.Combine(dir, "proofCanonDataInt.txt"))));
    }

    [Test]
    public void Canonicalize_JcsOfASignedDocument_PrintsTheDocumentWithoutProofAndTheProofConfiguration()
    {
        var dir = Shared.Vectors("vc-di-eddsa", "TestVectors", "eddsa-jcs-2022");
        var r = Mcred.Run(null, "canonicalize", "--jcs", "--in", Path.Combine(dir, "signedJCS.json"));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var sections = Sections(r.Stdout);
        Assert.That(sections, Has.Count.EqualTo(2), r.Stdout);
        Assert.That(sections[0].Content, Is.EqualTo(File.ReadAllText(Path.Combine(dir, "canonDocJCS.txt")) + "\n"));
        Assert.That(sections[1].Content, Is.EqualTo(File.ReadAllText(Path.Combine(dir, "proofCanonJCS.txt")) + "\n"));
    }

    [Test]
    public void Canonicalize_RdfcFromNQuads_IsAFixpoint()
    {
        var canonical = File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "canonDocDataInt.txt"));
        var r = Mcred.Run(canonical, "canonicalize", "--rdfc", "--from", "nquads");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Is.EqualTo(canonical));
    }

    [Test]
    public void Canonicalize_NeitherOrBoth_ExitsTwo()
    {
        Assert.That(Mcred.Run("{}", "canonicalize").ExitCode, Is.EqualTo(2));
        Assert.That(Mcred.Run("{}", "canonicalize", "--jcs", "--rdfc").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Inspect_ReadsOurCredentialBackIntoTheModel()
    {
        var modelPath = Shared.Repo("samples", "models", "university-data-science.json");
        var credential = Issue(modelPath);
        var r = Mcred.Run(null, "inspect", "--in", credential);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var read = MicroCredentialJson.Parse(JsonNode.Parse(r.Stdout)!["model"]!.ToJsonString());
        var original = MicroCredentialJson.Parse(File.ReadAllText(modelPath));
        Assert.That(read.Title, Is.EqualTo(original.Title));
        Assert.That(read.Workload, Is.EqualTo(original.Workload));
        Assert.That(read.LearningOutcomes, Has.Count.EqualTo(original.LearningOutcomes.Count));
    }

    [Test]
    public void Inspect_RealSealedEdcSample_ReadsTheModel()
    {
        var r = Mcred.Run(null, "inspect", "--in", Shared.Path("anchors", "edc", "elm-v3", "samples", "Sample-MC-Annex1-signed.jsonld"));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var model = MicroCredentialJson.Parse(JsonNode.Parse(r.Stdout)!["model"]!.ToJsonString());
        Assert.That(model.Title!.Get("en"), Is.EqualTo("Digital micro-credential creation"));
        Assert.That(model.Level!.Eqf, Is.EqualTo(6));
    }

    [Test]
    public void Inspect_CompactJws_ReadsThePayload()
    {
        var vc = JsonNode.Parse(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "unsigned.json")))!.AsObject();
        vc["issuer"] = (string)JsonNode.Parse(File.ReadAllText(_key))!["did"]!;
        var jws = Mcred.Run(vc.ToJsonString(), "sign", "--key", _key, "--proof", "jose");
        Assert.That(jws.ExitCode, Is.Zero, jws.ToString());
        Assert.That(Mcred.Run(jws.Stdout, "verify").ExitCode, Is.Zero);
        var r = Mcred.Run(jws.Stdout, "inspect");
        Assert.That(r.ExitCode, Is.EqualTo(2), "an alumni credential is not a micro-credential profile: " + r);
        Assert.That(r.Stderr, Does.Contain("not a credential in a profile"));
    }

    [Test]
    public void Demo_IssuesAndVerifies()
    {
        var r = Mcred.Run(null, "demo", "--out", Path.Combine(_dir, "demo"));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("VERIFIED"));
        Assert.That(r.Stdout, Does.Contain("NOT VERIFIED"), "the tampered copy must fail");
        Assert.That(r.Stdout, Does.Contain("did:key:z6Mk"), "DIDs are printed as text (console markup would turn ':key:' into an emoji)");
        Assert.That(Mcred.Run(null, "verify", "--in", Path.Combine(_dir, "demo", "credential.json")).ExitCode, Is.Zero);
    }

    [TestCase("eddsa-rdfc-2022", TestName = "Bench_Json_ReportsSignAndVerifyRates_rdfc")]
    [TestCase("eddsa-jcs-2022", TestName = "Bench_Json_ReportsSignAndVerifyRates_jcs")]
    public void Bench_Json_ReportsSignAndVerifyRates(string proof)
    {
        var r = Mcred.Run(null, "bench", "--proof", proof, "--seconds", "0.2", "--json", "--in", Shared.Path("bench", "microcredential-v2.unsigned.json"));
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var results = JsonNode.Parse(r.Stdout)!["results"]!.AsArray();
        Assert.That(results.Select(x => (string)x!["op"]!), Is.EqualTo(new[] { "sign", "verify" }));
        Assert.That(results.Select(x => (double)x!["opsPerSec"]!), Is.All.GreaterThan(0));
    }

    [Test]
    public void Bench_UndefinedTerm_ExitsTwo()
    {
        var path = Path.Combine(_dir, "undefined.json");
        File.WriteAllText(path, """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:i","credentialSubject":{"oops":1}}""");
        var r = Mcred.Run(null, "bench", "--seconds", "0.1", "--in", path);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        NoStackTrace(r);
    }

    [Test]
    public void UnknownCommand_ExitsTwo()
    {
        var r = Mcred.Run(null, "frobnicate");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        NoStackTrace(r);
    }
}
