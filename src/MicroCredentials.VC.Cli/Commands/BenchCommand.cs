using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs;

namespace MicroCredentials.VC.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create()
    {
        var input = new Option<string?>("--in") { Description = "The (unsigned) credential to sign and verify; the sample EDC micro-credential when absent." };
        // ECDSA (P-256, a key of its own) here only: sign and issue take Ed25519 key files.
        var proof = Cli.ProofOption("eddsa-rdfc-2022", [.. Cli.DataIntegrityProofs, "ecdsa-rdfc-2019", "ecdsa-jcs-2019"]);
        var seconds = new Option<double>("--seconds") { Description = "How long to run each operation (default 3).", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print {\"results\":[{\"op\",\"opsPerSec\"}]} instead of a sentence a line." };
        var command = new Command("bench", "Single-thread sign and verify throughput of a Data Integrity proof on a document, for sizing a server.") { input, proof, seconds, json };
        command.SetAction(async (result, ct) =>
        {
            var duration = TimeSpan.FromSeconds(result.GetValue(seconds));
            if (duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(10))
            {
                throw new UsageException("--seconds must be between 0 and 600.");
            }

            using var key = Ed25519SigningKey.Generate();
            using var ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var suite = Cli.Suite(result.GetRequiredValue(proof));
            var ecdsa = suite is EcdsaCryptosuite;
            var issuerId = ecdsa ? DidKey.Create(ecKey) : DidKey.Create(key.PublicKey);
            var document = result.GetValue(input) is { } path ? Cli.ReadJsonObject(path, "credential") : SampleCredential(issuerId);
            document.Remove("proof");
            document = DataIntegrity.WithDataIntegrityContext(document);
            ISigner signer = ecdsa ? new EcdsaSigner(ecKey, DidKey.CreateVerificationMethodId(ecKey)) : new Ed25519Signer(key, DidKey.CreateVerificationMethodId(key.PublicKey));
            var options = new ProofOptions { Created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
            var context = CryptosuiteContext.Default;
            JsonObject signed;
            try
            {
                signed = await DataIntegrity.AddProofAsync(document, suite, signer, options, context, ct).ConfigureAwait(false);
            }
            catch (ProofException ex)
            {
                throw new UsageException("the document cannot be signed: " + ex.Message);
            }

            var signRate = await Measure(async () => await DataIntegrity.AddProofAsync(document, suite, signer, options, context, ct).ConfigureAwait(false), duration).ConfigureAwait(false);
            var verifyRate = await Measure(
                async () =>
                {
                    var checks = await DataIntegrity.VerifyAsync(signed, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default, context, ct).ConfigureAwait(false);
                    if (!checks[0].Verified)
                    {
                        throw new UsageException("the signed document does not verify: " + checks[0].Message);
                    }
                },
                duration).ConfigureAwait(false);

            if (result.GetValue(json))
            {
                var results = new JsonArray(
                    new JsonObject { ["op"] = "sign", ["opsPerSec"] = Math.Round(signRate, 1) },
                    new JsonObject { ["op"] = "verify", ["opsPerSec"] = Math.Round(verifyRate, 1) });
                Cli.WriteOutput(null, Cli.ToJson(ecdsa
                    ? new JsonObject { ["suite"] = suite.Name, ["curve"] = "P-256", ["results"] = results }
                    : new JsonObject { ["suite"] = suite.Name, ["ed25519"] = Ed25519.BackendName, ["results"] = results }));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{suite.Name} ({(ecdsa ? "P-256" : Ed25519.BackendName)}), one thread: sign {signRate:N0}/s ({1e6 / signRate:N1} µs), verify {verifyRate:N0}/s ({1e6 / verifyRate:N1} µs)"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject SampleCredential(string issuerId) =>
        CredentialProfiles.Edc.ToCredential(MicroCredentialJson.Parse(DemoCommand.SampleModel()), new CredentialOptions
        {
            IssuerId = issuerId,
            IssuedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            IncludeDataIntegrityContext = true,
        });

    private static async Task<double> Measure(Func<Task> operation, TimeSpan duration)
    {
        // Warm up (JIT, context caches), then count operations for the duration.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromMilliseconds(Math.Min(500, duration.TotalMilliseconds / 2)))
        {
            await operation().ConfigureAwait(false);
        }

        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            await operation().ConfigureAwait(false);
            count++;
        }

        return count / watch.Elapsed.TotalSeconds;
    }
}
