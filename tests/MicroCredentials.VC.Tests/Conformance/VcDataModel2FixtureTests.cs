using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Tests.Conformance;

/// <summary>
/// The W3C vc-data-model-2.0-test-suite credential fixtures (tests/input, read from ../shared): every <c>-ok</c> input is
/// signed and its format, context, signature and issuer checks pass; every <c>-fail</c> input is refused by signing and
/// fails <c>format</c> or <c>context</c> when verified, with the reason named; <c>-fail-or-inject</c> inputs are refused.
/// </summary>
public class VcDataModel2FixtureTests
{
    private static readonly Ed25519SigningKey Key = Ed25519SigningKey.FromSeed(new byte[32]);

    [OneTimeTearDown]
    public static void DisposeKey() => Key.Dispose();

    private static IEnumerable<TestCaseData> Fixtures(string suffix) =>
        Directory.GetFiles(Shared.Vectors("vc-data-model-2.0-test-suite", "tests", "input"), "credential-*" + suffix, SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Shared.Vectors("vc-data-model-2.0-test-suite", "tests", "input", "names-and-descriptions"), "issuer-*" + suffix))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName(Path.GetFileNameWithoutExtension(f)));

    private static IEnumerable<TestCaseData> OkFixtures() => Fixtures("-ok.json");

    private static IEnumerable<TestCaseData> FailFixtures() => Fixtures("-fail.json").Concat(Fixtures("-fail-or-inject.json"));

    // The suite's harness fills in "PAST DATE" / "FUTURE DATE" placeholders; so do we.
    private static JsonObject Load(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path)
        .Replace("\"PAST DATE\"", "\"2020-01-01T00:00:00Z\"", StringComparison.Ordinal)
        .Replace("\"FUTURE DATE\"", "\"2099-01-01T00:00:00Z\"", StringComparison.Ordinal))!;

    private static CredentialIssuer Issuer(ICryptosuite suite) => CredentialIssuer.ForDidKey(Key, new IssuerOptions { Cryptosuite = suite, Created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) });

    private static JsonObject WithOurIssuer(JsonObject doc)
    {
        var did = DidKey.Create(Key.PublicKey);
        if (doc["issuer"] is JsonObject issuer)
        {
            issuer["id"] = did;
        }
        else
        {
            doc["issuer"] = did;
        }

        return doc;
    }

    [TestCaseSource(nameof(OkFixtures))]
    public async Task Ok_IsSignedAndVerifies(string path)
    {
        foreach (var suite in new[] { Cryptosuites.EdDsaRdfc2022, Cryptosuites.EdDsaJcs2022 })
        {
            var signed = await Issuer(suite).SignAsync(WithOurIssuer(Load(path)));
            if (signed["proof"] is JsonArray set)
            {
                // The fixture came with a (placeholder) proof of its own: signing made a proof set; keep ours only.
                signed["proof"] = set[^1]!.DeepClone();
            }

            var report = await new CredentialVerifier(new VerificationOptions { TimeProvider = new FixedTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)) }).VerifyAsync(signed);
            foreach (var check in new[] { VerificationCheck.Format, VerificationCheck.Context, VerificationCheck.Signature, VerificationCheck.Issuer })
            {
                Assert.That(report[check].Status, Is.EqualTo(CheckStatus.Passed), $"{suite.Name}: {report[check]}");
            }
        }
    }

    [TestCaseSource(nameof(FailFixtures))]
    public async Task Fail_IsRefusedBySign_AndFailsFormatOrContext(string path)
    {
        var doc = Load(path);

        foreach (var suite in new[] { Cryptosuites.EdDsaRdfc2022, Cryptosuites.EdDsaJcs2022 })
        {
            var ex = Assert.ThrowsAsync<ProofException>(async () => await Issuer(suite).SignAsync(doc), suite.Name);
            Assert.That(ex!.Code, Does.StartWith("format.").Or.StartWith("context."), ex.Message);
        }

        var report = await new CredentialVerifier().VerifyAsync(Load(path));
        var failed = new[] { report[VerificationCheck.Format], report[VerificationCheck.Context] }.Where(c => c.Status == CheckStatus.Failed).ToList();
        Assert.That(failed, Is.Not.Empty, string.Join("\n", report.Checks));
        Assert.That(failed[0].Detail, Is.Not.Empty);
    }
}
