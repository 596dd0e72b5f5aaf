using System.CommandLine;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;

namespace MicroCredentials.VC.Cli.Commands;

internal static class InspectCommand
{
    public static Command Create()
    {
        var input = Cli.InOption("A credential (EDC or Open Badges 3.0; signed, sealed or a vc+jwt, or not); '-' or absent reads stdin.");
        var command = new Command("inspect", "Read a credential back into the micro-credential model: JSON {verified: false, verification, model}. Inspect does NOT verify (use 'mcred verify'); notes on what could not be mapped go to stderr.") { input };
        command.SetAction(result =>
        {
            var path = result.GetValue(input);
            var text = Cli.ReadInputText(path).Trim();
            var parts = Cli.TokenParts(text);
            if (parts is > 0 and not 3)
            {
                throw new UsageException(Cli.MalformedToken(path ?? "stdin", parts));
            }

            var document = parts == 3 ? JwtPayload(text, path) : ParseObject(text, path);
            if (document["payload"] is { } payload && (document["signatures"] is not null || document["signature"] is not null))
            {
                // A JAdES seal (JWS JSON, unencoded payload): the credential is the payload.
                document = ParseObject((string?)payload ?? "{}", path, "seal's payload");
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

            // inspect is not verify: a forged credential reads back the same, so the output says so, and so does stderr.
            Console.Error.WriteLine("warning: " + NotVerified);
            var output = new System.Text.Json.Nodes.JsonObject
            {
                ["verified"] = false,
                ["verification"] = NotVerified,
                ["model"] = System.Text.Json.Nodes.JsonNode.Parse(MicroCredentialJson.Serialize(read.Model)),
            };
            Cli.WriteOutput(null, Cli.ToJson(output));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The sentence on stderr and in the output's <c>verification</c> member.</summary>
    internal const string NotVerified = "NOT VERIFIED: inspect reads what the credential says without checking its proof, issuer, dates or status (a forged credential reads the same); run 'mcred verify' to verify it.";

    /// <summary>The credential inside a vc+jwt (VC-JOSE-COSE: the payload is the credential; its signature is verify's business), without the JWT claims.</summary>
    private static System.Text.Json.Nodes.JsonObject JwtPayload(string token, string? path)
    {
        byte[] bytes;
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]);
        }
        catch (FormatException)
        {
            throw new UsageException($"{path ?? "stdin"}: the compact JWS payload is not base64url.");
        }

        var payload = Cli.ParseJsonObject(bytes, path ?? "stdin", "JWT payload");
        if (payload["vc"] is System.Text.Json.Nodes.JsonObject vc)
        {
            // A VC 1.1 JWT: the credential is the vc claim.
            payload = (System.Text.Json.Nodes.JsonObject)vc.DeepClone();
        }

        foreach (var claim in new[] { "iss", "sub", "aud", "iat", "nbf", "exp", "jti", "cnf" })
        {
            payload.Remove(claim);
        }

        return payload;
    }

    private static System.Text.Json.Nodes.JsonObject ParseObject(string text, string? path, string what = "credential") =>
        Cli.ParseJsonObject(System.Text.Encoding.UTF8.GetBytes(text), path ?? "stdin", what);
}
