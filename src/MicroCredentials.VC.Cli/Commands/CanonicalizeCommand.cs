using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Cli.Commands;

internal static class CanonicalizeCommand
{
    /// <summary>The first line of the section holding the document without its proof.</summary>
    internal const string DocumentHeading = "# the document without its proof: what the proof's document hash covers";

    /// <summary>The first line of the section holding a proof's configuration (proof N).</summary>
    internal static string ProofHeading(int number, string? suite) =>
        $"# proof {number}{(suite is null ? string.Empty : " (" + suite + ")")}: its configuration, the proof without proofValue, as the suite hashes it";

    public static Command Create()
    {
        var input = Cli.InOption();
        var rdfc = new Option<bool>("--rdfc") { Description = "RDF Dataset Canonicalization (RDFC-1.0) N-Quads, as eddsa-rdfc-2022 hashes them." };
        var jcs = new Option<bool>("--jcs") { Description = "JSON Canonicalization Scheme (RFC 8785) bytes, as eddsa-jcs-2022 hashes them." };
        var from = new Option<string>("--from") { Description = "Input kind for --rdfc: jsonld or nquads.", DefaultValueFactory = _ => "jsonld" }.AcceptOnlyFromAmong("jsonld", "nquads");
        var resources = Cli.ResourceOption("Serve a JSON-LD context offline: URL=FILE. Repeatable.");
        var command = new Command(
            "canonicalize",
            "Print the canonical form a proof is computed over: the first tool to reach for when a proof does not verify. "
            + "For a document with a Data Integrity proof, two '#' sections: the document without its proof, then each proof's configuration "
            + "(without proofValue; for --rdfc with the document's @context), exactly the two inputs the suite hashes.")
        { input, rdfc, jcs, from, resources };
        command.SetAction(async (result, ct) =>
        {
            var useRdfc = result.GetValue(rdfc);
            if (useRdfc == result.GetValue(jcs))
            {
                throw new UsageException("give exactly one of --rdfc or --jcs.");
            }

            if (useRdfc && result.GetValue(from) == "nquads")
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
            var loader = VerifyCommand.Contexts(VerifyCommand.ResourceFiles(result.GetValue(resources) ?? []));
            Func<JsonObject, Task<string>> canonical = useRdfc
                ? document => Rdfc(document, loader, ct)
                : document => Task.FromResult(JsonCanonicalizer.CanonicalizeToString(document));
            var proofs = json["proof"] switch
            {
                JsonObject one => [one],
                JsonArray many => many.OfType<JsonObject>().ToList(),
                _ => [],
            };
            if (proofs.Count == 0)
            {
                Cli.WriteOutput(null, await canonical(json).ConfigureAwait(false));
                return ExitCodes.Success;
            }

            Cli.WriteOutput(null, await SectionsAsync(json, proofs, useRdfc, canonical).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The hash inputs of each proof (Data Integrity §4.4 and the eddsa suites' "transformation" and "proof configuration"
    /// steps): the document without <c>proof</c> (plus the proofs a <c>previousProof</c> names), and the proof without
    /// <c>proofValue</c>; for RDFC suites with the document's <c>@context</c>, for JCS with the proof's own.
    /// </summary>
    private static async Task<string> SectionsAsync(JsonObject secured, List<JsonObject> proofs, bool rdfc, Func<JsonObject, Task<string>> canonical)
    {
        var text = new StringBuilder();
        string? lastDocument = null;
        for (var i = 0; i < proofs.Count; i++)
        {
            var proof = proofs[i];
            var unsecured = new JsonObject();
            foreach (var (name, value) in secured)
            {
                if (name != "proof")
                {
                    unsecured[name] = value?.DeepClone();
                }
            }

            if (PreviousProofIds(proof) is { Count: > 0 } ids)
            {
                unsecured["proof"] = new JsonArray([.. proofs.Where(p => ids.Contains((string?)p["id"] ?? string.Empty)).Select(p => p.DeepClone())]);
            }

            var document = await canonical(unsecured).ConfigureAwait(false);
            if (document != lastDocument)
            {
                Section(text, DocumentHeading + (i == 0 ? string.Empty : $" (for proof {i + 1}, with the proofs it chains to)"), document);
                lastDocument = document;
            }

            var configuration = (JsonObject)proof.DeepClone();
            configuration.Remove("proofValue");
            if (rdfc)
            {
                configuration.Remove("@context");
                if (secured["@context"] is { } context)
                {
                    configuration["@context"] = context.DeepClone();
                }
            }

            Section(text, ProofHeading(i + 1, (string?)(proof["cryptosuite"] as JsonValue)), await canonical(configuration).ConfigureAwait(false));
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, string content)
    {
        text.Append(heading).Append('\n').Append(content);
        if (!content.EndsWith('\n'))
        {
            text.Append('\n');
        }
    }

    private static List<string>? PreviousProofIds(JsonObject proof) => proof["previousProof"] switch
    {
        JsonValue v when v.TryGetValue(out string? one) => [one],
        JsonArray a => [.. a.OfType<JsonValue>().Select(x => x.TryGetValue(out string? s) ? s : null).OfType<string>()],
        _ => null,
    };

    private static async Task<string> Rdfc(JsonObject document, IDocumentLoader loader, CancellationToken ct)
    {
        try
        {
            var quads = await JsonLdProcessor.ToRdfAsync(document, new JsonLdOptions { SafeMode = true, DocumentLoader = loader }, ct).ConfigureAwait(false);
            return Rdfc10.Canonicalize(quads, null, ct).CanonicalNQuads;
        }
        catch (JsonLdException ex)
        {
            throw new UsageException($"JSON-LD processing failed ({ex.Code}): {ex.Message}");
        }
        catch (RdfcException ex)
        {
            throw new UsageException("canonicalization failed: " + ex.Message);
        }
    }
}
