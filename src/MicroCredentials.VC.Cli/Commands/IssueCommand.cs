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
        var profile = new Option<string>("--profile") { Description = "Credential profile: edc (Europass EDC, ELM v3, VC 1.1) or ob3 (Open Badges 3.0, VC 2.0).", DefaultValueFactory = _ => "edc" }.AcceptOnlyFromAmong("edc", "ob3");
        var proof = Cli.ProofOption("eddsa-rdfc-2022");
        var key = Cli.KeyOption(required: false);
        var cert = JadesCli.CertOption();
        var certPassword = JadesCli.CertPasswordOption();
        var certKey = JadesCli.CertKeyOption();
        var created = Cli.DateTimeOption("--created", "The proof's creation time (default: now); also the date of issuing when the model has none.");
        var output = Cli.OutOption();
        var statusLists = new Option<string[]>("--status-list") { Description = "A status list file (from 'mcred status create'): gives the credential a random unused index of it and a credentialStatus entry. Repeatable (revocation and suspension)." };
        var command = new Command("issue", "Issue a signed micro-credential from a model.") { input, profile, proof, key, cert, certPassword, certKey, created, output, statusLists };
        command.SetAction(async (result, ct) =>
        {
            var ob3 = result.GetRequiredValue(profile) == "ob3";
            if (ob3 && result.GetRequiredValue(proof) == JadesCli.Proof)
            {
                throw new UsageException("--proof jades seals Europass EDC credentials; issue --profile ob3 with eddsa-rdfc-2022, eddsa-jcs-2022 or jose.");
            }

            if (!ob3 && result.GetRequiredValue(proof) == "jose")
            {
                throw new UsageException(JoseSign.EdcRefusal);
            }

            JadesCli.CheckKeyOrCert(result.GetRequiredValue(proof), result.GetValue(key), result.GetValue(cert));

            var text = Cli.ReadInputText(result.GetValue(input));
            if (!MicroCredentialJson.TryParse(text, out var model, out var problem))
            {
                throw new UsageException("the model is not usable: " + problem.Message);
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

            WarnAboutDates(model, result.GetValue(created), TimeProvider.System.GetUtcNow());

            if (result.GetRequiredValue(proof) == JadesCli.Proof)
            {
                if (result.GetValue(statusLists) is { Length: > 0 })
                {
                    throw new UsageException("--status-list works with Data Integrity proofs (eddsa-rdfc-2022, eddsa-jcs-2022); a JAdES-sealed credential cannot carry one yet.");
                }

                using var seal = JadesCli.LoadSealCertificate(result.GetValue(cert), result.GetValue(certPassword), result.GetValue(certKey));
                var sealing = new SealingIssuer(seal.Certificate, seal.Chain, new IssuerOptions
                {
                    Profile = CredentialProfiles.Edc,
                    TimeProvider = result.GetValue(created) is { } sealedAt ? new FixedTimeProvider(sealedAt) : TimeProvider.System,
                });
                var sealedResult = JadesCli.Seal(() => sealing.IssueAsync(model, ct).AsTask().GetAwaiter().GetResult().Credential!);
                Cli.WriteOutput(result.GetValue(output), Cli.ToJson(sealedResult));
                return ExitCodes.Success;
            }

            var keyPath = result.GetValue(key) ?? throw new UsageException("--key FILE is required (or --proof jades with --cert FILE).");
            using var loaded = Cli.LoadKey(keyPath);
            if (ob3 && result.GetRequiredValue(proof) == "jose")
            {
                // vc+jwt secures the VC 2.0 credential as it is: the issuer is the key's DID.
                var issuerId = new CredentialIssuer(loaded.Key, loaded.VerificationMethodId).IssuerId;
                var unsigned = CredentialProfiles.Ob3.ToCredential(model, new CredentialOptions { IssuerId = issuerId, IssuedAt = result.GetValue(created) ?? TimeProvider.System.GetUtcNow() });
                Cli.WriteOutput(result.GetValue(output), JoseSign.Sign(unsigned, "jose", keyPath, null, loaded.VerificationMethodId, result.GetValue(created)) + "\n");
                return ExitCodes.Success;
            }

            var options = new IssuerOptions
            {
                Profile = result.GetRequiredValue(profile) == "ob3" ? CredentialProfiles.Ob3 : CredentialProfiles.Edc,
                Cryptosuite = Cli.Suite(result.GetRequiredValue(proof)),
                TimeProvider = result.GetValue(created) is { } at ? new FixedTimeProvider(at) : TimeProvider.System,
            };
            var issuer = new CredentialIssuer(loaded.Key, loaded.VerificationMethodId, options);
            var status = StatusListFiles.AllocateAll(result.GetValue(statusLists) ?? [], issuer.IssuerId);
            IssuanceResult issued;
            try
            {
                issued = await issuer.IssueAsync(model, status, ct).ConfigureAwait(false);
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

    /// <summary>How far ahead a creation or issuing date may be before it is most likely a mistake (verifiers allow minutes of skew).</summary>
    internal static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>Warns (stderr) about dates that make the credential fail verification: an expiry already past, a creation or issuing date far ahead.</summary>
    internal static void WarnAboutDates(MicroCredential model, DateTimeOffset? created, DateTimeOffset now)
    {
        if (model.ExpiresOn is { } expires && expires <= now)
        {
            Cli.Warn($"the model's expiry ({XsdDateTime.Format(expires)}) is in the past: the credential will fail the expiry check.");
        }

        if (created is { } at && at > now + FutureTolerance)
        {
            Cli.Warn($"--created {XsdDateTime.Format(at)} is more than a day ahead: verifiers will refuse the credential until then.");
        }

        if (model.IssuedOn is { } issued && issued > now + FutureTolerance)
        {
            Cli.Warn($"the model's issuing date ({XsdDateTime.Format(issued)}) is more than a day ahead: verifiers will refuse the credential until then.");
        }
    }
}
