using System.CommandLine;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Cli.Commands;

internal static class CanonicalizeCommand
{
    public static Command Create()
    {
        var input = Cli.InOption();
        var rdfc = new Option<bool>("--rdfc") { Description = "RDF Dataset Canonicalization (RDFC-1.0) N-Quads, as eddsa-rdfc-2022 hashes them." };
        var jcs = new Option<bool>("--jcs") { Description = "JSON Canonicalization Scheme (RFC 8785) bytes, as eddsa-jcs-2022 hashes them." };
        var from = new Option<string>("--from") { Description = "Input kind for --rdfc: jsonld or nquads.", DefaultValueFactory = _ => "jsonld" }.AcceptOnlyFromAmong("jsonld", "nquads");
        var resources = Cli.ResourceOption("Serve a JSON-LD context offline: URL=FILE. Repeatable.");
        var command = new Command("canonicalize", "Print the canonical form a proof is computed over: the first tool to reach for when a proof does not verify.") { input, rdfc, jcs, from, resources };
        command.SetAction(async (result, ct) =>
        {
            var useRdfc = result.GetValue(rdfc);
            if (useRdfc == result.GetValue(jcs))
            {
                throw new UsageException("give exactly one of --rdfc or --jcs.");
            }

            if (!useRdfc)
            {
                var document = Cli.ReadJsonObject(result.GetValue(input), "document");
                Cli.WriteOutput(null, JsonCanonicalizer.CanonicalizeToString(document));
                return ExitCodes.Success;
            }

            if (result.GetValue(from) == "nquads")
            {
                var text = Cli.ReadInputText(result.GetValue(input));
                if (!NQuads.TryParse(text, out var parsed, out var problem))
                {
                    throw new UsageException("not N-Quads: " + problem.Message);
                }

                Cli.WriteOutput(null, Rdfc10.Canonicalize(parsed!, null, ct).CanonicalNQuads);
                return ExitCodes.Success;
            }

            var json = Cli.ReadJsonObject(result.GetValue(input), "document");
            try
            {
                var quads = await JsonLdProcessor.ToRdfAsync(json, new JsonLdOptions { SafeMode = true, DocumentLoader = VerifyCommand.Contexts(VerifyCommand.ResourceFiles(result.GetValue(resources) ?? [])) }, ct).ConfigureAwait(false);
                Cli.WriteOutput(null, Rdfc10.Canonicalize(quads, null, ct).CanonicalNQuads);
            }
            catch (JsonLdException ex)
            {
                throw new UsageException($"JSON-LD processing failed ({ex.Code}): {ex.Message}");
            }
            catch (RdfcException ex)
            {
                throw new UsageException("canonicalization failed: " + ex.Message);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
