using System.CommandLine;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Cli.Commands;

internal static class SignCommand
{
    public static Command Create()
    {
        var input = Cli.InOption("The unsigned credential (any VC 1.1 or 2.0 JSON-LD document); '-' or absent reads stdin.");
        var proof = Cli.ProofOption("eddsa-rdfc-2022");
        var key = Cli.KeyOption(required: false);
        var cert = JadesCli.CertOption();
        var certPassword = JadesCli.CertPasswordOption();
        var certKey = JadesCli.CertKeyOption();
        var vm = new Option<string?>("--verification-method") { Description = "The verification method URL to name in the proof (default: the key file's)." };
        var created = Cli.DateTimeOption("--created", "The proof's creation time (default: now); the iat of a vc+jwt.");
        var alg = JoseSign.AlgOption();
        var output = Cli.OutOption();
        var resources = Cli.ResourceOption();
        var command = new Command("sign", "Secure a credential document as it is (the issuer is not changed).") { input, proof, key, cert, certPassword, certKey, vm, created, alg, output, resources };
        command.SetAction(async (result, ct) =>
        {
            JadesCli.CheckKeyOrCert(result.GetRequiredValue(proof), result.GetValue(key), result.GetValue(cert));
            var document = Cli.ReadJsonObject(result.GetValue(input), "credential");
            var problems = CredentialFormat.Check(document);
            if (problems.Count > 0)
            {
                throw new UsageException("not a well-formed verifiable credential: " + string.Join(" ", problems.Select(p => p.Message)));
            }

            if (result.GetRequiredValue(proof) == JadesCli.Proof)
            {
                using var seal = JadesCli.LoadSealCertificate(result.GetValue(cert), result.GetValue(certPassword), result.GetValue(certKey));
                var jades = new Proofs.Jose.JadesOptions { SigningTime = result.GetValue(created) };
                Cli.WriteOutput(result.GetValue(output), Cli.ToJson(JadesCli.Seal(() => Proofs.Jose.JadesSealer.Seal(document, seal.Certificate, seal.Chain, jades))));
                return ExitCodes.Success;
            }

            var keyPath = result.GetValue(key) ?? throw new UsageException("--key FILE is required (or --proof jades with --cert FILE).");
            if (result.GetRequiredValue(proof) == "jose" || result.GetValue(alg) is not null)
            {
                var token = JoseSign.Sign(document, result.GetRequiredValue(proof), keyPath, result.GetValue(alg), result.GetValue(vm), result.GetValue(created));
                Cli.WriteOutput(result.GetValue(output), token + "\n");
                return ExitCodes.Success;
            }

            using var loaded = Cli.LoadKey(keyPath);
            var options = new IssuerOptions
            {
                Cryptosuite = Cli.Suite(result.GetRequiredValue(proof)),
                DocumentLoader = VerifyCommand.Contexts(VerifyCommand.ResourceFiles(result.GetValue(resources) ?? [])),
                TimeProvider = result.GetValue(created) is { } at ? new FixedTimeProvider(at) : TimeProvider.System,
            };
            var issuer = new CredentialIssuer(loaded.Key, result.GetValue(vm) ?? loaded.VerificationMethodId, options);
            try
            {
                var signed = await issuer.SignAsync(document, ct).ConfigureAwait(false);
                Cli.WriteOutput(result.GetValue(output), Cli.ToJson(signed));
            }
            catch (ProofException ex)
            {
                throw new UsageException("the document cannot be signed: " + ex.Message);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
