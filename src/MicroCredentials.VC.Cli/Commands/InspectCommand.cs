using System.CommandLine;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;

namespace MicroCredentials.VC.Cli.Commands;

internal static class InspectCommand
{
    public static Command Create()
    {
        var input = Cli.InOption("A credential (EDC; signed or not); '-' or absent reads stdin.");
        var command = new Command("inspect", "Read a credential back into the micro-credential model (JSON form); notes on what could not be mapped go to stderr.") { input };
        command.SetAction(result =>
        {
            var document = Cli.ReadJsonObject(result.GetValue(input), "credential");
            if (document["payload"] is { } payload && (document["signatures"] is not null || document["signature"] is not null))
            {
                // A JAdES seal (JWS JSON, unencoded payload): the credential is the payload.
                document = System.Text.Json.Nodes.JsonNode.Parse((string?)payload ?? "{}") as System.Text.Json.Nodes.JsonObject
                    ?? throw new UsageException("the seal's payload is not a JSON object.");
            }

            if (!CredentialProfiles.TryDetect(document, out var profile))
            {
                throw new UsageException("not a credential in a profile this tool reads (Europass EDC, Open Badges 3.0).");
            }

            var read = profile.FromCredential(document);
            foreach (var note in read.Unmapped)
            {
                Cli.Note(note);
            }

            Cli.WriteOutput(null, MicroCredentialJson.Serialize(read.Model) + "\n");
            return ExitCodes.Success;
        });
        return command;
    }
}
