using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>
/// The <c>context</c> check: every <c>@context</c> is known to the loader, every term expands to an absolute IRI
/// (JSON-LD safe mode), and — for a proof over the RDF dataset — the JSON says what was signed (no standard property
/// reached through a non-standard term, no JSON view that disagrees with the signed data).
/// </summary>
internal static class ContextCheck
{
    public static ValueTask<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken) =>
        RunAsync(context.Document, context.Evidence, context.Options, cancellationToken);

    /// <summary>The check of a credential or presentation, with what its securing mechanism established.</summary>
    public static async ValueTask<CheckResult> RunAsync(JsonObject document, Securing.SecuringEvidence? evidence, VerificationOptions options, CancellationToken cancellationToken)
    {
        var loaded = await CheckAsync(document, options.DocumentLoader, evidence?.ContextProcessed ?? false, cancellationToken, options.Limits, evidence?.SignsBytes ?? false).ConfigureAwait(false);
        if (loaded.Status == CheckStatus.Failed || evidence is null || evidence.ViewProblems.Count == 0)
        {
            return loaded;
        }

        var problems = evidence.ViewProblems;
        return CheckResult.Fail(VerificationCheck.Context, problems[0].Code, string.Join(" ", problems.Select(p => p.Message).Distinct(StringComparer.Ordinal)));
    }

    /// <summary>Known contexts and safe-mode expansion of a document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="loader">The document loader.</param>
    /// <param name="alreadyExpanded">Whether the securing mechanism already ran safe mode over exactly this data with success.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="limits">The limits on the JSON-LD work; <see cref="InputLimits.Default"/> when null.</param>
    /// <param name="signsBytes">
    /// Whether the signature covers the document's bytes (JAdES, JOSE), not its RDF dataset: then a term no context
    /// defines is a warning naming it (<c>context.undefinedTerms</c>), since what was signed is not ambiguous; for a
    /// dataset signature it fails, as safe mode is part of its security.
    /// </param>
    /// <returns>The check.</returns>
    public static async ValueTask<CheckResult> CheckAsync(JsonObject document, IDocumentLoader loader, bool alreadyExpanded, CancellationToken cancellationToken, InputLimits? limits = null, bool signsBytes = false)
    {
        var contextNode = document["@context"];
        var entries = contextNode is JsonArray a ? a.ToList() : contextNode is null ? [] : [contextNode];
        if (entries.Count == 0)
        {
            return CheckResult.Fail(VerificationCheck.Context, "context.missing", "The document has no @context.");
        }

        foreach (var entry in entries)
        {
            if (entry is JsonValue v && v.TryGetValue(out string? url))
            {
                try
                {
                    await loader.LoadDocumentAsync(url, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonLdException)
                {
                    return CheckResult.Fail(VerificationCheck.Context, "context.unknown", $"The context '{url}' is not known to the document loader (no context is fetched from the network unless allowed).");
                }
            }
        }

        if (alreadyExpanded)
        {
            return CheckResult.Pass(VerificationCheck.Context, "Every context is known and every term is defined.");
        }

        var undefined = signsBytes ? new SortedSet<string>(StringComparer.Ordinal) : null;
        try
        {
            // Safe mode: a term that does not expand to an absolute IRI (a value that would be dropped) is an error.
            var options = new JsonLdOptions { DocumentLoader = loader, SafeMode = true, UndefinedTerms = undefined }.WithLimits(limits ?? InputLimits.Default);
            await JsonLdProcessor.ToRdfAsync(document, options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonLdException ex)
        {
            return CheckResult.Fail(VerificationCheck.Context, "context." + ex.Code.Replace(' ', '-'), "JSON-LD processing failed in safe mode: " + ex.Message);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // An invalid document must never crash verification.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CheckResult.Fail(VerificationCheck.Context, "context.processingError", $"JSON-LD processing failed ({ex.GetType().Name}: {ex.Message}).");
        }

        if (undefined is { Count: > 0 })
        {
            const int Named = 10;
            var names = string.Join(", ", undefined.Take(Named).Select(t => "'" + t + "'")) + (undefined.Count > Named ? $" and {undefined.Count - Named} more" : string.Empty);
            return CheckResult.Warn(VerificationCheck.Context, "context.undefinedTerms",
                $"Every context is known, but no context defines {(undefined.Count == 1 ? "the term" : "the terms")} {names}: a JSON-LD reader drops {(undefined.Count == 1 ? "it" : "them")}. The signature covers the credential's bytes, so what was signed is not in doubt; only the meaning of those terms is.");
        }

        return CheckResult.Pass(VerificationCheck.Context, "Every context is known and every term is defined.");
    }
}
