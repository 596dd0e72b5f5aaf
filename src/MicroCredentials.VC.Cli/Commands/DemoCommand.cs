using System.CommandLine;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Verification;
using Spectre.Console;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var outDir = new Option<string?>("--out") { Description = "Also write the key (issuer-key.json, private: mode 0600), the model and the signed credential into this folder." };
        var force = new Option<bool>("--force") { Description = "Replace an existing issuer-key.json in the --out folder (without it, the demo refuses to overwrite a key)." };
        var command = new Command("demo", "Make a key, issue the sample micro-credential, verify it, then show that a tampered copy fails.") { outDir, force };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(outDir) is { } target)
            {
                PrivateFile.EnsureWritable(Path.Combine(target, "issuer-key.json"), result.GetValue(force)); // before anything is made or written
            }

            var console = Terminal.Stdout();
            var modelJson = SampleModel();
            var model = MicroCredentialJson.Parse(modelJson);

            using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
            Line(console, "1. A new issuer key", DidKey.Create(key.PublicKey));

            var issuer = CredentialIssuer.ForDidKey(key);
            var issued = await issuer.IssueAsync(model, ct).ConfigureAwait(false);
            var credential = issued.Credential!;
            // The size printed is the size of the file --out writes: the same text, counted in UTF-8 bytes.
            var credentialText = Cli.ToJson(credential);
            var size = System.Text.Encoding.UTF8.GetByteCount(credentialText).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            Line(console, "2. Issued", $"\"{model.Title!.Value}\" as a Europass EDC credential (ELM v3, VC 1.1) secured with eddsa-rdfc-2022 ({size} bytes)");

            var report = await new CredentialVerifier().VerifyAsync(credential, ct).ConfigureAwait(false);
            console.MarkupLine("[bold]3. Verified[/]");
            Render(console, report);

            var tampered = (JsonObject)credential.DeepClone();
            tampered["validFrom"] = "2020-01-01T00:00:00Z";
            var tamperedReport = await new CredentialVerifier().VerifyAsync(tampered, ct).ConfigureAwait(false);
            console.MarkupLine("[bold]4. The same credential with validFrom changed after signing[/]");
            Render(console, tamperedReport);

            if (result.GetValue(outDir) is { } dir)
            {
                Directory.CreateDirectory(dir);
                PrivateFile.Write(Path.Combine(dir, "issuer-key.json"), KeyFile.Create(key) + "\n", overwrite: result.GetValue(force));
                Cli.WriteOutput(Path.Combine(dir, "model.json"), modelJson);
                Cli.WriteOutput(Path.Combine(dir, "credential.json"), credentialText);
                console.Write(new Text($"Wrote issuer-key.json, model.json and credential.json to {dir}. Try: mcred verify --in {Path.Combine(dir, "credential.json")}\n"));
            }

            return report.Verified && !tamperedReport.Verified ? ExitCodes.Success : ExitCodes.NotVerified;
        });
        return command;
    }

    internal static string SampleModel()
    {
        using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream("samples/university-data-science.json")
            ?? throw new InvalidOperationException("The sample model is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Line(IAnsiConsole console, string heading, string text)
    {
        console.Write(new Text(heading, new Style(decoration: Decoration.Bold)));
        console.Write(new Text("  " + text + "\n"));
    }

    private static void Render(IAnsiConsole console, VerificationReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("check").AddColumn("status").AddColumn("detail");
        foreach (var check in report.Checks)
        {
            var status = check.Status switch
            {
                CheckStatus.Passed => "[green]passed[/]",
                CheckStatus.Failed => "[red]failed[/]",
                CheckStatus.Warning => "[yellow]warning[/]",
                _ => "[grey]skipped[/]",
            };
            // Text, not markup: markup would turn ":key:" in a DID into an emoji.
            table.AddRow(new Text(check.Name), new Markup(status), new Text(check.Detail));
        }

        console.Write(table);
        console.MarkupLine(report.Verified ? "[green bold]VERIFIED[/]" : "[red bold]NOT VERIFIED[/]");
        console.WriteLine();
    }
}
