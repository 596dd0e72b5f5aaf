using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Verification;

/// <summary>
/// Hostile input (issue 11): one limit for signing and verifying, a work budget with named codes, one reading of
/// numbers, and the shapes whose cost used to grow quadratically.
/// </summary>
public class HostileInputTests
{
    private static readonly DateTimeOffset Signed = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> Suites() =>
    [
        new TestCaseData(Cryptosuites.EdDsaJcs2022).SetArgDisplayNames("eddsa-jcs-2022"),
        new TestCaseData(Cryptosuites.EdDsaRdfc2022).SetArgDisplayNames("eddsa-rdfc-2022"),
    ];

    private static CredentialVerifier Verifier(InputLimits? limits = null) =>
        new(new VerificationOptions { TimeProvider = new FixedTimeProvider(Signed.AddDays(1)), Limits = limits ?? InputLimits.Default });

    private static (Ed25519SigningKey Key, CredentialIssuer Issuer) Issuer(ICryptosuite suite, InputLimits? limits = null)
    {
        var key = Ed25519SigningKey.Generate();
        return (key, CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = suite, Created = Signed, Limits = limits ?? InputLimits.Default }));
    }

    /// <summary>A credential whose subject holds <paramref name="count"/> distinct strings (the shape that cost O(n²)).</summary>
    private static JsonObject WithArray(string issuer, int count, Func<int, JsonNode?> item)
    {
        var vc = CredentialVerifierTests.Vc2(issuer);
        var values = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            values.Add(item(i));
        }

        vc["credentialSubject"]!["https://example.org/value"] = values;
        return vc;
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Sign_NumberBeyondDoubleRange_RefusedWithNamedCode(ICryptosuite suite)
    {
        var (key, issuer) = Issuer(suite);
        using var _ = key;
        var vc = (JsonObject)JsonNode.Parse(CredentialVerifierTests.Vc2(issuer.IssuerId).ToJsonString().Replace("\"Example University\"", "1e400", StringComparison.Ordinal))!;

        var ex = Assert.ThrowsAsync<ProofException>(async () => await issuer.SignAsync(vc));
        Assert.That(ex!.Code, Is.EqualTo("format.nonFiniteNumber"));
        Assert.That(ex.Message, Does.Contain("alumniOf"));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_HugeNumberChangedAfterSigning_Refused(ICryptosuite suite)
    {
        // 1e308 is finite and signs; 1e999 afterwards must not verify (RDFC would read both as "INF" were they accepted).
        var (key, issuer) = Issuer(suite);
        using var _ = key;
        var vc = CredentialVerifierTests.Vc2(issuer.IssuerId);
        vc["credentialSubject"]!["https://example.org/size"] = 1e308;
        var signed = (await issuer.SignAsync(vc)).ToJsonString();
        Assert.That((await Verifier().VerifyAsync(signed)).Verified, Is.True);

        var tampered = signed.Replace("1E+308", "1e999", StringComparison.OrdinalIgnoreCase);
        Assert.That(tampered, Does.Contain("1e999"));
        var report = await Verifier().VerifyAsync(tampered);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Format].Code, Is.EqualTo("format.nonFiniteNumber"));

        // Also when the caller parsed the JSON itself.
        var parsed = await Verifier().VerifyAsync((JsonObject)JsonNode.Parse(tampered)!);
        Assert.That(parsed.Verified, Is.False);
        Assert.That(parsed[VerificationCheck.Format].Code, Is.EqualTo("format.nonFiniteNumber"));
    }

    [Test]
    public void JsonLd_NonFiniteNumber_RefusedNotInf()
    {
        var doc = JsonNode.Parse("{\"https://example.org/n\": 1e400}")!;
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.NonFiniteNumber));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Verify_ByteOrderMark_AcceptedAsEverywhereElse(ICryptosuite suite)
    {
        var (key, issuer) = Issuer(suite);
        using var _ = key;
        var signed = await issuer.SignAsync(CredentialVerifierTests.Vc2(issuer.IssuerId));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(signed.ToJsonString())).ToArray();

        var report = await Verifier().VerifyAsync(bytes);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task Sign_ExistingProofMalformed_Refused()
    {
        // The VC 2.0 suite's credential-proof-missing-type-fail: adding a proof would make a set no verifier accepts.
        var (key, issuer) = Issuer(Cryptosuites.EdDsaRdfc2022);
        using var _ = key;
        var vc = CredentialVerifierTests.Vc2(issuer.IssuerId);
        vc["proof"] = new JsonObject
        {
            ["created"] = "2023-07-28T22:25:05Z",
            ["proofPurpose"] = "assertionMethod",
            ["verificationMethod"] = "did:key:z6Mkska8oQD7QQQWxqa7L5ai4mH98HfAdSwomPFYKuqNyE2y#z6Mkska8oQD7QQQWxqa7L5ai4mH98HfAdSwomPFYKuqNyE2y",
            ["proofValue"] = "zEHQVDHhL3v4234zY4WysiunUyDLyTNkJmtqMB2qc962Fh3y35HzC3xHg5AiYGPPsQ2qWbqfboJb7mam2gQPRaxi",
        };

        var ex = Assert.ThrowsAsync<ProofException>(async () => await issuer.SignAsync(vc));
        Assert.That(ex!.Code, Is.EqualTo("signature.malformedProof"));

        vc["proof"] = "not a proof";
        Assert.That(Assert.ThrowsAsync<ProofException>(async () => await issuer.SignAsync(vc))!.Code, Is.EqualTo("signature.malformedProof"));
    }

    [Test]
    public void Sign_SharedSuiteInputWithProofMissingType_Refused()
    {
        var vc = (JsonObject)JsonNode.Parse(Shared.ReadText("vectors", "vc-data-model-2.0-test-suite", "tests", "input", "credential-proof-missing-type-fail.json"))!;
        var (key, issuer) = Issuer(Cryptosuites.EdDsaJcs2022);
        using var _ = key;
        vc["issuer"] = issuer.IssuerId;

        var ex = Assert.ThrowsAsync<ProofException>(async () => await issuer.SignAsync(vc));
        Assert.That(ex!.Code, Is.EqualTo("signature.malformedProof"));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task SizeLimit_IsOneForSigningAndVerifying(ICryptosuite suite)
    {
        var limits = InputLimits.Default with { MaxDocumentBytes = 4096 };
        var (key, issuer) = Issuer(suite, limits);
        using var _ = key;
        var big = WithArray(issuer.IssuerId, 400, i => "value-" + i);

        var ex = Assert.ThrowsAsync<ProofException>(async () => await issuer.SignAsync(big));
        Assert.That(ex!.Code, Is.EqualTo("format.tooLarge"));

        // What the default limits sign, the same limits verify; the smaller limit refuses it with the same code.
        var (key2, generous) = Issuer(suite);
        using var __ = key2;
        var signed = (await generous.SignAsync(WithArray(generous.IssuerId, 400, i => "value-" + i))).ToJsonString();
        Assert.That((await Verifier().VerifyAsync(signed)).Verified, Is.True);
        Assert.That((await Verifier(limits).VerifyAsync(signed))[VerificationCheck.Format].Code, Is.EqualTo("format.tooLarge"));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task WorkBudget_NodesExceeded_NamedCodeOnSignAndVerify(ICryptosuite suite)
    {
        var limits = InputLimits.Default with { MaxJsonLdNodes = 5_000 };
        var (key, generous) = Issuer(suite);
        using var _ = key;
        var doc = WithArray(generous.IssuerId, 20_000, i => "s" + i);
        var signed = (await generous.SignAsync(doc)).ToJsonString();

        var report = await Verifier(limits).VerifyAsync(signed);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Context].Code, Is.EqualTo("context.work-limit-exceeded"));

        var (key2, strict) = Issuer(Cryptosuites.EdDsaRdfc2022, limits);
        using var __ = key2;
        var ex = Assert.ThrowsAsync<ProofException>(async () => await strict.SignAsync(WithArray(strict.IssuerId, 20_000, i => "s" + i)));
        Assert.That(ex!.Code, Is.EqualTo("context.work-limit-exceeded"));
    }

    [Test]
    public async Task WorkBudget_QuadsExceeded_NamedCode()
    {
        var doc = WithArray("did:example:issuer", 3_000, i => "s" + i);
        var options = new JsonLdOptions { SafeMode = true, MaxQuads = 1_000 };
        var ex = Assert.ThrowsAsync<JsonLdException>(async () => await JsonLdProcessor.ToRdfAsync(doc, options));
        Assert.That(ex!.Code, Is.EqualTo(JsonLdErrorCode.WorkLimitExceeded));
        Assert.That((await JsonLdProcessor.ToRdfAsync(doc, options with { MaxQuads = 10_000 })).Count, Is.GreaterThan(3_000));
    }

    [Test]
    public async Task WorkBudget_TimeExceeded_FailedReportNotException()
    {
        var (key, issuer) = Issuer(Cryptosuites.EdDsaRdfc2022);
        using var _ = key;
        var signed = (await issuer.SignAsync(WithArray(issuer.IssuerId, 50_000, i => "s" + i))).ToJsonString();

        var report = await Verifier(InputLimits.Default with { MaxDuration = TimeSpan.FromTicks(1) }).VerifyAsync(signed);
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Format].Code, Is.EqualTo("format.timeLimitExceeded"));

        // The caller's own cancellation still throws.
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Assert.CatchAsync<OperationCanceledException>(async () => await Verifier().VerifyAsync(signed, cts.Token));
    }

    /// <summary>
    /// The 40,000-string credential of the issue: before the node map and quad deduplication were hashed it took
    /// minutes (so it ran past the default 30 s budget); now it verifies within the default limits. Its cost is
    /// measured by <c>JsonLdScalingBenchmarks</c>, not here.
    /// </summary>
    [TestCaseSource(nameof(Suites))]
    public async Task LongArray_VerifiesWithinDefaultLimits(ICryptosuite suite)
    {
        var (key, issuer) = Issuer(suite);
        using var _ = key;
        var signed = await issuer.SignAsync(WithArray(issuer.IssuerId, 40_000, i => "s" + i));
        var report = await Verifier().VerifyAsync(signed.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    [Test]
    public async Task LongArrays_DuplicatesAndTypedLiterals_DedupedExactly()
    {
        // Past the linear-scan threshold the node map uses a hash set: duplicates (strings, numbers, language
        // strings, typed values, references) must still collapse exactly as the algorithm's "add value" does.
        var values = new JsonArray();
        for (var i = 0; i < 200; i++)
        {
            values.Add(i % 50);
            values.Add("s" + (i % 30));
            values.Add(new JsonObject { ["@value"] = "l" + (i % 20), ["@language"] = "en" });
            values.Add(new JsonObject { ["@value"] = "2026-01-0" + (1 + (i % 9)), ["@type"] = "http://www.w3.org/2001/XMLSchema#date" });
            values.Add(new JsonObject { ["@id"] = "urn:x:" + (i % 10) });
            values.Add(new JsonObject { ["@value"] = new JsonObject { ["k"] = i % 5, ["j"] = "v" }, ["@type"] = "@json" });
        }

        var doc = new JsonObject { ["@id"] = "urn:s", ["https://example.org/p"] = values };
        var quads = await JsonLdProcessor.ToRdfAsync(doc);
        Assert.That(quads, Has.Count.EqualTo(50 + 30 + 20 + 9 + 10 + 5));
        Assert.That(quads.Select(q => q.ToString()).Distinct().Count(), Is.EqualTo(quads.Count));
    }
}
