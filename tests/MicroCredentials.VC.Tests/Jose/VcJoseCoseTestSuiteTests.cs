using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.TestSupport;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Jose;

/// <summary>
/// The 35 cases of w3c/vc-jose-cose-test-suite (tests/test-mapping.json, transcribed). JOSE cases run; SD-JWT and
/// COSE cases are ignored with the reason. Keys are resolved by <c>kid</c> from the case's mapped key file only, as
/// the upstream harness does: a token whose <c>kid</c> is not that key's (case 9: ES512, P-521, mapped to the
/// Ed25519 file) fails with <c>signature.keyNotFound</c>.
/// </summary>
[TestFixture]
public class VcJoseCoseTestSuiteTests
{
    /// <summary>Before the test-suite presentations' exp (Dec 2024); after every credential's validFrom.</summary>
    private static readonly DateTimeOffset Now = new(2024, 12, 16, 0, 0, 0, TimeSpan.Zero);

    public sealed record Case(string Group, string Name, int Number, string Input, string KeyFile, string Fn, string Feature, bool ExpectSuccess)
    {
        public override string ToString() => $"{Number:00} {Name}";
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var mapping = JsonNode.Parse(File.ReadAllText(Shared.Vectors("vc-jose-cose-test-suite", "tests", "test-mapping.json")))!.AsObject();
        foreach (var (group, cases) in mapping)
        {
            if (group.StartsWith('_'))
            {
                continue;
            }

            foreach (var (name, c) in cases!.AsObject())
            {
                var tc = new Case(group, name, (int)c!["number"]!, (string)c["input_file"]!, (string)c["key_file"]!, (string)c["fn"]!, (string)c["feature"]!, (string)c["expected_result"]! == "success");
                yield return new TestCaseData(tc).SetName($"Case{tc.Number:00}_{group}_{tc.Fn}_{tc.Input.Replace('.', '_').Replace('-', '_')}_{(tc.ExpectSuccess ? "success" : "failure")}");
            }
        }
    }

    private static VerificationOptions Options(string keyFile) => new()
    {
        TimeProvider = new FixedTimeProvider(Now),
        VerificationMethodResolver = SuiteFiles.Resolver(keyFile),
    };

    [Test]
    public void Mapping_Has35Cases_16Jose10SdJwt9Cose()
    {
        var groups = Cases().Select(c => ((Case)c.Arguments[0]!).Group).GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(groups, Is.EquivalentTo(new Dictionary<string, int> { ["JOSE"] = 16, ["SDJWT"] = 10, ["COSE"] = 9 }));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Run(Case c)
    {
        if (c.Group == "SDJWT")
        {
            Assert.Ignore($"SD-JWT (vc+sd-jwt, vp+sd-jwt) is not supported by this version: case {c.Number} ({c.Name}) not run.");
        }

        if (c.Group == "COSE")
        {
            Assert.Ignore($"COSE (vc+cose, COSE_Sign1) is not supported by this version: case {c.Number} ({c.Name}) not run.");
        }

        if (c.Fn == "issue")
        {
            await Issue(c);
        }
        else
        {
            await Verify(c);
        }
    }

    private static async Task Issue(Case c)
    {
        var document = SuiteFiles.Json(c.Input);
        using var key = SuiteFiles.SigningKey(c.KeyFile);
        var vm = SuiteFiles.Json(c.KeyFile);
        Assert.That(key.KeyId, Is.EqualTo((string)vm["id"]!), "the kid is the verification method id");
        var issuer = new JoseIssuer(key, new JoseSignOptions { IssuedAt = Now });
        var options = Options(c.KeyFile);

        if (c.Feature == "presentation_jose")
        {
            var token = issuer.SignPresentation(document, new JosePresentationOptions { Nonce = "n-0S6_WzA2Mj", Audience = "https://verifier.example" });
            Assert.That(RawJws.Header(token)["typ"]!.GetValue<string>(), Is.EqualTo("vp+jwt"));
            var (outcome, code, detail) = await TokenPresentation.VerifyAsync(token, options with { Challenge = "n-0S6_WzA2Mj", Domain = "https://verifier.example" }, CancellationToken.None);
            Assert.That(outcome, Is.Not.Null, $"{code}: {detail}");
            Assert.That(outcome!.Signature.Status, Is.EqualTo(CheckStatus.Passed), outcome.Signature.ToString());
            Assert.That(outcome.HolderController, Is.EqualTo((string)document["holder"]!));
            Assert.That(outcome.Credentials, Has.Count.EqualTo(((JsonArray)document["verifiableCredential"]!).Count));
            Assert.That(c.ExpectSuccess, Is.True);
            return;
        }

        var vcJwt = issuer.SignCredential(document);
        var header = RawJws.Header(vcJwt);
        Assert.That(header["typ"]!.GetValue<string>(), Is.EqualTo("vc+jwt"));
        Assert.That(header["cty"]!.GetValue<string>(), Is.EqualTo("vc"));
        Assert.That(header["alg"]!.GetValue<string>(), Is.EqualTo(JoseAlgorithms.ForCurve((string?)vm["publicKeyJwk"]!["crv"]) ?? "EdDSA"));
        var payload = RawJws.Payload(vcJwt);
        Assert.That(payload["vc"], Is.Null);
        Assert.That(payload["iss"]!.GetValue<string>(), Is.EqualTo((string)document["issuer"]!));

        var report = await new CredentialVerifier(options).VerifyAsync(Encoding.ASCII.GetBytes(vcJwt));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Signature].ToString());
        Assert.That(report[VerificationCheck.Issuer].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Issuer].ToString());
        if (c.Number == 5)
        {
            // Upstream maps "JWT Issuance with Unknown Extensions" to failure, but its own README lists the normative
            // statements it covers as 26/31/33 ("additional members that are not understood MUST be ignored"). The VC 2.0
            // context's @vocab gives badExtension/anotherBadOne issuer-dependent IRIs, so nothing is dropped: we issue it,
            // and the token verifies. Documented divergence from the mapping.
            Assert.That(c.ExpectSuccess, Is.False);
            Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
            TestContext.Out.WriteLine("Case 5 (unknown extensions): issued and verified; the upstream mapping expects failure (documented divergence, see comment).");
            return;
        }

        Assert.That(c.ExpectSuccess, Is.True);
        // credential-full.json has a StatusList2021Entry this version does not check, and validUntil 2027: everything else passes.
        var failed = report.Checks.Where(x => x.Status == CheckStatus.Failed && x.Check != VerificationCheck.Status).ToList();
        Assert.That(failed, Is.Empty, string.Join("\n", report.Checks));
    }

    private static async Task Verify(Case c)
    {
        var bytes = File.ReadAllBytes(SuiteFiles.Input(c.Input));
        var options = Options(c.KeyFile);
        var verifier = new CredentialVerifier(options);
        var text = Encoding.ASCII.GetString(bytes).Trim();
        var isJws = JoseSecuring.LooksLikeCompactJws(bytes);

        if (isJws && JoseSecuring.IsPresentationToken(text))
        {
            // The holder's proof, checked directly (PresentationVerification.AssembleAsync builds the whole report).
            // The test-suite presentations are valid for one day each (iat..exp, Dec 2024): verify a minute after iat.
            var iat = DateTimeOffset.FromUnixTimeSeconds(RawJws.Payload(text)["iat"]!.GetValue<long>()).AddMinutes(1);
            // The suite's presentations carry no nonce to bind them to a request: the explicit opt-out.
            options = options with { TimeProvider = new FixedTimeProvider(iat), AllowPresentationWithoutChallenge = true };
            verifier = new CredentialVerifier(options);
            var (outcome, code, detail) = await TokenPresentation.VerifyAsync(text, options, CancellationToken.None);
            Assert.That(outcome, Is.Not.Null, $"{code}: {detail}");
            Assert.That(outcome!.Signature.Status, Is.EqualTo(CheckStatus.Passed), outcome.Signature.ToString());
            Assert.That(outcome.HolderController, Is.EqualTo("https://example.issuer/vc-jose-cose"));
            var credentials = outcome.Credentials;
            if (c.Number == 7)
            {
                // vc+jwt (as its JWS text), vc+sd-jwt and vc+cose (as envelope objects: not supported, reported per credential).
                Assert.That(credentials, Has.Count.EqualTo(3));
                Assert.That(credentials[0].GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));
                var inner = await new CredentialVerifier(Options("vm-p256.json")).VerifyAsync(credentials[0].GetValue<string>());
                Assert.That(inner.Verified, Is.True, string.Join("\n", inner.Checks));
                var sd = await verifier.VerifyAsync((JsonObject)credentials[1]);
                Assert.That(sd[VerificationCheck.Format].Code, Is.EqualTo("signature.unsupportedFormat"));
                var cose = await verifier.VerifyAsync((JsonObject)credentials[2]);
                Assert.That(cose[VerificationCheck.Format].Code, Is.EqualTo("signature.unsupportedFormat"));
                Assert.That(c.ExpectSuccess, Is.True);
            }
            else
            {
                // Case 16: the holder's proof is fine; the credential inside is not a secured credential.
                Assert.That(c.ExpectSuccess, Is.False);
                Assert.That(credentials, Has.Count.EqualTo(1));
                var bad = await verifier.VerifyAsync((JsonObject)credentials[0]);
                Assert.That(bad.Verified, Is.False);
                Assert.That(bad[VerificationCheck.Format].Code, Is.EqualTo("format.envelope"));
                var whole = await verifier.VerifyAsync(bytes);
                Assert.That(whole.Verified, Is.False, "end to end (AssembleAsync): a presentation with an invalid credential is not verified");
            }

            return;
        }

        var report = await verifier.VerifyAsync(bytes);
        TestContext.Out.WriteLine(string.Join("\n", report.Checks));
        Assert.That(report.Verified, Is.EqualTo(c.ExpectSuccess));
        var expectedCode = c.Number switch
        {
            9 => (VerificationCheck.Signature, "signature.keyNotFound"),
            10 => (VerificationCheck.Signature, "signature.missing"),
            12 => (VerificationCheck.Signature, "signature.invalid"),
            13 or 14 => (VerificationCheck.Format, "format.jwsType"),
            15 => (VerificationCheck.Format, "format.jwtVcClaim"),
            _ => ((VerificationCheck, string?)?)null,
        };
        if (expectedCode is { } e)
        {
            Assert.That(report[e.Item1].Code, Is.EqualTo(e.Item2), report[e.Item1].ToString());
        }

        if (c.ExpectSuccess)
        {
            Assert.That(report.SecuringMechanism, Is.EqualTo("vc+jwt"));
            Assert.That(report.Issuer, Is.EqualTo("https://example.issuer/vc-jose-cose"));
        }
    }

    [Test]
    public async Task Case09_WithEveryKeyByKid_Es512SignatureVerifies()
    {
        // The mapping's only key-file mismatch: with the P-521 key (found by kid) the ES512 signature is valid,
        // so the failure case 9 expects comes from the mapped (Ed25519) key alone.
        var options = new VerificationOptions { TimeProvider = new FixedTimeProvider(Now), VerificationMethodResolver = SuiteFiles.Resolver("vm-p256.json", "vm-p384.json", "vm-p521.json", "vm-ed25519.json") };
        var report = await new CredentialVerifier(options).VerifyAsync(SuiteFiles.Text("credential-jose-unknown-extensions.txt"));
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Signature].ToString());
    }

    [TestCase("credential-issuer-match-signed.txt")]
    [TestCase("credential-jose-vc-vp-claims.txt")]
    public void EdDsaVector_ResignsByteForByte(string file)
    {
        // EdDSA is deterministic: re-signing the vector's own header.payload with vm-ed25519's d through the key's
        // signer (the JWS algorithm table) gives the published token exactly.
        var token = SuiteFiles.Text(file);
        using var key = SuiteFiles.SigningKey("vm-ed25519.json");
        var signingInput = token[..token.LastIndexOf('.')];
        var signature = key.SignAsync(Encoding.ASCII.GetBytes(signingInput)).AsTask().GetAwaiter().GetResult();
        Assert.That(signingInput + "." + Base64Url.Encode(signature), Is.EqualTo(token));
    }
}
