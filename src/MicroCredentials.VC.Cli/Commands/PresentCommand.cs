using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Proofs.Jose;

namespace MicroCredentials.VC.Cli.Commands;

/// <summary><c>mcred present</c>: the learner's verifiable presentation (VC Data Model 2.0 §4.13), signed with the learner's key.</summary>
internal static class PresentCommand
{
    public static Command Create()
    {
        var input = new Option<string[]>("--in")
        {
            Description = "A credential to present (a secured JSON credential, or a compact JWS, which is enveloped). Repeatable; '-' reads stdin (once).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var key = Cli.KeyOption();
        key.Description = "The learner's (holder's) Ed25519 key file; its controller (did:key) becomes the holder.";
        var challenge = new Option<string>("--challenge") { Description = "The challenge the verifier gave (binds the presentation to this request).", Required = true };
        var domain = new Option<string>("--domain") { Description = "The verifier's domain the presentation is meant for.", Required = true };
        var proof = Cli.ProofOption("eddsa-rdfc-2022", [.. Cli.DataIntegrityProofs, "jose-vp"]);
        var created = Cli.DateTimeOption("--created", "The proof's creation time (default: now).");
        var output = Cli.OutOption();
        var command = new Command("present", "Make the learner's verifiable presentation of credentials, signed with proof purpose authentication, the verifier's challenge and domain.")
        {
            key, input, challenge, domain, proof, created, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var paths = result.GetValue(input) ?? [];
            if (paths.Count(p => p == "-") > 1)
            {
                throw new UsageException("--in -: stdin can be read only once.");
            }

            var credentials = paths.Select(ReadCredential).ToList();
            if (result.GetRequiredValue(proof) == "jose")
            {
                // A vp+jwt (VC-JOSE-COSE §3.2.1): compact JWS credentials enveloped, JSON ones as they are; nonce and aud the challenge and domain.
                using var holderKey = JoseSign.LoadKey(result.GetRequiredValue(key), null, null);
                var token = new JoseIssuer(holderKey, new JoseSignOptions { IssuedAt = result.GetValue(created) }).CreatePresentation(
                    credentials,
                    new JosePresentationOptions { Nonce = result.GetRequiredValue(challenge), Audience = result.GetRequiredValue(domain) });
                Cli.WriteOutput(result.GetValue(output), token + "\n");
                return ExitCodes.Success;
            }

            using var loaded = Cli.LoadKey(result.GetRequiredValue(key));
            var options = new PresentationOptions
            {
                Challenge = result.GetRequiredValue(challenge),
                Domain = result.GetRequiredValue(domain),
                Holder = loaded.Controller,
                Cryptosuite = Cli.Suite(result.GetRequiredValue(proof)),
                Created = result.GetValue(created),
            };
            try
            {
                var presentation = await Presentations.CreateAsync(credentials.Select(c => c as JsonObject ?? Presentations.Envelope(c.GetValue<string>())), loaded.Key, loaded.VerificationMethodId, options, ct).ConfigureAwait(false);
                Cli.WriteOutput(result.GetValue(output), Cli.ToJson(presentation));
            }
            catch (ProofException ex)
            {
                throw new UsageException("the presentation cannot be signed: " + ex.Message);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A credential to present: a compact JWS as its string, or a JSON credential object.</summary>
    private static JsonNode ReadCredential(string path)
    {
        var bytes = Cli.ReadInputBytes(path);
        switch (JoseSecuring.TokenParts(bytes))
        {
            case 3:
                return JsonValue.Create(Encoding.ASCII.GetString(bytes).Trim());
            case var parts and > 0:
                throw new UsageException(Cli.MalformedToken(path, parts));
        }

        var credential = Cli.ParseJsonObject(bytes, path, "credential");
        if (!CredentialFormat.HasType(credential, "VerifiableCredential"))
        {
            throw new UsageException($"{path}: not a verifiable credential (type does not include VerifiableCredential).");
        }

        return credential;
    }
}
