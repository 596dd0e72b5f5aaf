using System.CommandLine;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Trust;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var input = Cli.InOption("The credential to verify; '-' or absent reads stdin.");
        var learner = new Option<string?>("--learner") { Description = "The expected learner: a DID, or an identifier (national ID, student number) of the credential subject." };
        var at = Cli.DateTimeOption("--at", "Verify as of this time instead of now (audits).");
        var resources = Cli.ResourceOption("Serve a document offline: URL=FILE (a JSON-LD context, a DID document, a status list). Repeatable.");
        var requireElements = new Option<bool>("--require-elements") { Description = "Fail when a mandatory Council Recommendation element is missing." };
        var challenge = new Option<string?>("--challenge") { Description = "For a presentation: the challenge the holder's proof must carry (required, unless --no-challenge)." };
        var noChallenge = new Option<bool>("--no-challenge") { Description = "For a presentation: accept it without a challenge (replay is then not prevented: only when the presentation is bound to the request otherwise)." };
        var domain = new Option<string?>("--domain") { Description = "For a presentation: the domain the holder's proof must carry." };
        var trust = new Option<string?>("--trust") { Description = "A trust list (JSON: {\"issuers\": [{\"id\", \"name\", \"country\", \"accreditedBy\", \"validFrom\", \"validUntil\"}], \"certificates\": [PEM]}): the accreditation check passes only for a listed issuer." };
        var trustCerts = JadesCli.TrustCertOption();
        var command = new Command("verify", "Verify a credential; print a JSON report. Exit 0 verified, 1 not verified, 2 unusable input.") { input, learner, at, resources, requireElements, challenge, noChallenge, domain, trust, trustCerts };
        command.SetAction(async (result, ct) =>
        {
            var bytes = Cli.ReadInputBytes(result.GetValue(input));
            var files = ResourceFiles(result.GetValue(resources) ?? []);
            var options = new VerificationOptions
            {
                ExpectedLearner = result.GetValue(learner),
                RequireMicroCredentialElements = result.GetValue(requireElements),
                Challenge = result.GetValue(challenge),
                AllowPresentationWithoutChallenge = result.GetValue(noChallenge),
                Domain = result.GetValue(domain),
                TimeProvider = result.GetValue(at) is { } when ? new FixedTimeProvider(when) : TimeProvider.System,
                DocumentLoader = Contexts(files),
                ResourceResolver = files,
                TrustRegistry = TrustFile(result.GetValue(trust)),
                TrustAnchors = JadesCli.LoadTrustAnchors(result.GetValue(trustCerts) ?? []),
            };
            var report = await new CredentialVerifier(options).VerifyAsync(bytes, ct).ConfigureAwait(false);
            Cli.WriteOutput(null, Cli.ToJson(report.ToJson()));
            if (IsUnreadable(report))
            {
                Cli.Error("the input cannot be read as a credential: " + report[VerificationCheck.Format].Detail);
                return ExitCodes.BadInput;
            }

            if (report.Document is { } document && CredentialFormat.HasType(document, "VerifiablePresentation") && options.Challenge is null && options.AllowPresentationWithoutChallenge)
            {
                Cli.Note("--no-challenge: the presentation's proof is not bound to this request (it could be a replay).");
            }

            return report.Verified ? ExitCodes.Success : ExitCodes.NotVerified;
        });
        return command;
    }

    /// <summary>
    /// Whether the input was unusable (exit 2) rather than checked and found invalid (exit 1): the format check
    /// failed and every other check was skipped because the document could not be read (not JSON, not an object, a
    /// malformed or truncated JWS, too large, a securing format no mechanism reads).
    /// </summary>
    internal static bool IsUnreadable(VerificationReport report) =>
        report[VerificationCheck.Format].Status == CheckStatus.Failed
        && report.Checks.Where(c => c.Check != VerificationCheck.Format).All(c => c.Status == CheckStatus.Skipped && c.Code == "format.unreadable");

    /// <summary>The JSON-LD document loader: the bundled contexts, and the <c>--resource</c> documents through the same resolver as DID documents and status lists.</summary>
    internal static IDocumentLoader Contexts(IResourceResolver resources) =>
        resources is NoResourceResolver ? BundledContexts.Instance : new ResourceDocumentLoader(resources, BundledContexts.Instance);

    /// <summary>The <c>--resource URL=FILE</c> documents (DID documents, status lists, JSON-LD contexts) as one offline resource resolver.</summary>
    internal static IResourceResolver ResourceFiles(string[] pairs)
    {
        if (pairs.Length == 0)
        {
            return NoResourceResolver.Instance;
        }

        var documents = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1 || !Uri.TryCreate(pair[..eq], UriKind.Absolute, out _))
            {
                throw new UsageException($"--resource '{pair}': expected URL=FILE with an absolute URL.");
            }

            documents.Add(new(pair[..eq], Cli.ReadInputBytes(pair[(eq + 1)..])));
        }

        return new OfflineResourceResolver(documents);
    }

    /// <summary>The <c>--trust FILE</c> trust list.</summary>
    internal static ITrustRegistry? TrustFile(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var bytes = Cli.ReadInputBytes(path, TrustList.MaxBytes);
        return TrustList.TryParse(bytes, out var list, out var problem)
            ? list
            : throw new UsageException($"--trust {path}: {problem.Message}");
    }
}
