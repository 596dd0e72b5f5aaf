using System.CommandLine;
using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var input = Cli.InOption("The credential to verify; '-' or absent reads stdin.");
        var learner = new Option<string?>("--learner") { Description = "The expected learner: a DID, or an identifier (national ID, student number) of the credential subject." };
        var at = Cli.DateTimeOption("--at", "Verify as of this time instead of now (audits).");
        var resources = new Option<string[]>("--resource") { Description = "Serve a document offline: URL=FILE (a JSON-LD context, a DID document, a status list). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var requireElements = new Option<bool>("--require-elements") { Description = "Fail when a mandatory Council Recommendation element is missing." };
        var command = new Command("verify", "Verify a credential; print a JSON report. Exit 0 verified, 1 not verified, 2 unusable input.") { input, learner, at, resources, requireElements };
        command.SetAction(async (result, ct) =>
        {
            var bytes = Cli.ReadInputBytes(result.GetValue(input));
            var options = new VerificationOptions
            {
                ExpectedLearner = result.GetValue(learner),
                RequireMicroCredentialElements = result.GetValue(requireElements),
                TimeProvider = result.GetValue(at) is { } when ? new FixedTimeProvider(when) : TimeProvider.System,
                DocumentLoader = Resources(result.GetValue(resources) ?? []),
                ResourceResolver = FileResourceResolver.FromPairs(result.GetValue(resources) ?? []),
            };
            var report = await new CredentialVerifier(options).VerifyAsync(bytes, ct).ConfigureAwait(false);
            Cli.WriteOutput(null, Cli.ToJson(report.ToJson()));
            if (report[VerificationCheck.Format].Code is "format.notJson" or "format.notAnObject")
            {
                Cli.Error("the input is not a credential: " + report[VerificationCheck.Format].Detail);
                return ExitCodes.BadInput;
            }

            return report.Verified ? ExitCodes.Success : ExitCodes.NotVerified;
        });
        return command;
    }

    internal static IDocumentLoader Resources(string[] pairs)
    {
        if (pairs.Length == 0)
        {
            return EmbeddedDocumentLoader.Default;
        }

        var documents = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new UsageException($"--resource '{pair}': expected URL=FILE.");
            }

            documents[pair[..eq]] = Cli.ReadJsonObject(pair[(eq + 1)..], "resource");
        }

        return new StaticDocumentLoader(documents, EmbeddedDocumentLoader.Default);
    }
}
