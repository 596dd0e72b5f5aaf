using System.CommandLine;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Cli.Commands;

internal static class IssueCommand
{
    public static Command Create()
    {
        var input = Cli.InOption("The model (JSON form of MicroCredential, see samples/models/README.md); '-' or absent reads stdin.");
        var profile = new Option<string>("--profile") { Description = "Credential profile: edc (Europass EDC, ELM v3, VC 1.1).", DefaultValueFactory = _ => "edc" }.AcceptOnlyFromAmong("edc");
        var proof = Cli.ProofOption("eddsa-rdfc-2022");
        var key = Cli.KeyOption();
        var created = Cli.DateTimeOption("--created", "The proof's creation time (default: now); also the date of issuing when the model has none.");
        var output = Cli.OutOption();
        var command = new Command("issue", "Issue a signed micro-credential from a model.") { input, profile, proof, key, created, output };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetRequiredValue(proof) == "jose")
            {
                throw new UsageException(JoseSign.EdcRefusal);
            }

            var text = Cli.ReadInputText(result.GetValue(input));
            if (!MicroCredentialJson.TryParse(text, out var model, out var error))
            {
                throw new UsageException("the model is not usable: " + error);
            }

            var validation = model.Validate();
            foreach (var warning in validation.Warnings)
            {
                Cli.Note(warning.ToString());
            }

            if (!validation.IsValid)
            {
                throw new UsageException("the model is not a complete micro-credential:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", validation.Errors));
            }

            using var loaded = Cli.LoadKey(result.GetRequiredValue(key));
            var options = new IssuerOptions
            {
                Profile = CredentialProfiles.Edc,
                Cryptosuite = Cli.Suite(result.GetRequiredValue(proof)),
                TimeProvider = result.GetValue(created) is { } at ? new FixedTimeProvider(at) : TimeProvider.System,
            };
            var issuer = new CredentialIssuer(loaded.Key, loaded.VerificationMethodId, options);
            IssuanceResult issued;
            try
            {
                issued = await issuer.IssueAsync(model, ct).ConfigureAwait(false);
            }
            catch (ProofException ex)
            {
                throw new UsageException("the credential could not be signed: " + ex.Message);
            }

            Cli.WriteOutput(result.GetValue(output), Cli.ToJson(issued.Credential!));
            return ExitCodes.Success;
        });
        return command;
    }
}
