using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Securing;
using MicroCredentials.VC.Verification.Checks;

namespace MicroCredentials.VC.Verification;

/// <summary>
/// Verifies a credential: runs every check of <see cref="VerificationCheck"/> in order, reports each one even after a
/// failure, and never throws for an invalid credential (only for misuse, such as a null argument).
/// </summary>
/// <param name="options">The environment and expectations; <see cref="VerificationOptions.Default"/> when null.</param>
public sealed class CredentialVerifier(VerificationOptions? options = null)
{
    /// <summary>The options this verifier uses.</summary>
    public VerificationOptions Options { get; } = options ?? VerificationOptions.Default;

    /// <summary>Verifies a credential given as JSON text.</summary>
    /// <param name="json">The credential.</param>
    /// <param name="cancellationToken">Cancels the work (DID and status-list resolution may do I/O).</param>
    /// <returns>The report.</returns>
    public ValueTask<VerificationReport> VerifyAsync(string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return VerifyAsync(Encoding.UTF8.GetBytes(json), cancellationToken);
    }

    /// <summary>
    /// Verifies a credential given as bytes: a JSON document (Data Integrity, a JAdES seal in JWS JSON serialization,
    /// an enveloped credential) or a compact serialization (<c>vc+jwt</c>, <c>vp+jwt</c>). The format is recognized by
    /// the securing mechanisms of <see cref="VerificationOptions.SecuringMechanisms"/>.
    /// </summary>
    /// <param name="utf8Json">The credential.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    public async ValueTask<VerificationReport> VerifyAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default)
    {
        if (Proofs.Jose.JoseSecuring.LooksLikeCompactJws(utf8Json.Span))
        {
            if (utf8Json.Length > Options.Limits.MaxDocumentBytes)
            {
                return Unreadable("format.tooLarge", Options.Limits.TooLarge(utf8Json.Length));
            }

            return await VerifyAsync(SecuredInput.FromCompact(Encoding.ASCII.GetString(utf8Json.Span)), cancellationToken).ConfigureAwait(false);
        }

        if (!JsonInput.TryParse(utf8Json.Span, Options.Limits.MaxDocumentBytes, Options.Limits.MaxDepth, out var node, out var problem))
        {
            if (problem.Code != "json.tooLarge" && Proofs.Jose.JoseSecuring.TokenParts(utf8Json.Span) is var parts and > 0)
            {
                var malformed = Proofs.Jose.JwsCompact.MalformedParts(parts);
                return Unreadable(malformed.Code, malformed.Message);
            }

            return Unreadable(problem.Code switch
            {
                "json.tooLarge" => "format.tooLarge",
                "json.nonFiniteNumber" => "format.nonFiniteNumber",
                _ => "format.notJson",
            }, problem.Message);
        }

        if (node is not JsonObject document)
        {
            return Unreadable("format.notAnObject", "The document must be a JSON object (a verifiable credential).");
        }

        return await VerifyAsync(document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verifies a credential (or a presentation, or a JAdES seal) given as a JSON object (not modified).</summary>
    /// <param name="credential">The credential.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    public ValueTask<VerificationReport> VerifyAsync(JsonObject credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return VerifyAsync(SecuredInput.FromJson(credential), cancellationToken);
    }

    private async ValueTask<VerificationReport> VerifyAsync(SecuredInput input, CancellationToken cancellationToken)
    {
        // The time budget: one verification (presentations, status lists and DID documents included) stops at
        // InputLimits.MaxDuration with a failed report, while the caller's own cancellation still throws.
        using var budget = Options.Limits.StartBudget(cancellationToken);
        try
        {
            return await VerifyWithinBudgetAsync(input, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Unreadable("format.timeLimitExceeded", Options.Limits.TooSlow());
        }
    }

    private async ValueTask<VerificationReport> VerifyWithinBudgetAsync(SecuredInput input, CancellationToken cancellationToken)
    {
        if (!Options.SecuringMechanisms.TryFind(input, out var mechanism))
        {
            return Unreadable("format.unsupportedSecuring", "No securing mechanism this verifier accepts reads the document.");
        }

        SecuringEvidence evidence;
        try
        {
            evidence = await mechanism.VerifyAsync(input, Options.Environment, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A mechanism of the caller's that fails on bad input must not crash verification.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unreadable("signature.processingError", $"The {mechanism.Name} securing could not be processed ({ex.GetType().Name}).");
        }

        // A presentation: the holder's proof (a token's, or Data Integrity proofs), then each credential inside.
        if (evidence.Document is { } document && (evidence.Presentation is not null || (!evidence.SignsBytes && (evidence.View ?? CredentialView.FromJson(document)).Types.Contains("VerifiablePresentation", StringComparer.Ordinal))))
        {
            var outcome = evidence.Presentation is not null ? PresentationVerification.FromToken(evidence, Options) : PresentationVerification.FromProofs(evidence, Options);
            return await PresentationVerification.AssembleAsync(outcome, this, cancellationToken).ConfigureAwait(false);
        }

        return await CompleteAsync(evidence, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every check on a credential whose securing mechanism has been verified.</summary>
    /// <param name="evidence">What the securing mechanism established.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    internal async ValueTask<VerificationReport> CompleteAsync(SecuringEvidence evidence, CancellationToken cancellationToken)
    {
        if (evidence.Document is null)
        {
            var problem = evidence.Unreadable ?? new Problem(evidence.Signature.Code ?? "format.unreadable", evidence.Signature.Detail);
            return Unreadable(problem.Code, problem.Message, evidence.Mechanism);
        }

        var context = new VerificationContext(Options, evidence, this);
        var (elements, model) = ElementsCheck.Run(context);
        CheckResult[] checks =
        [
            FormatCheck.Run(context),
            await ContextCheck.RunAsync(context, cancellationToken).ConfigureAwait(false),
            SignatureCheck.Run(context),
            IssuerCheck.Run(context),
            await AccreditationCheck.RunAsync(context, cancellationToken).ConfigureAwait(false),
            LearnerCheck.Run(context),
            IssuanceDateCheck.Run(context),
            ExpiryCheck.Run(context),
            await StatusCheck.RunAsync(context, cancellationToken).ConfigureAwait(false),
            elements,
        ];

        return new VerificationReport
        {
            Checks = checks,
            SecuringMechanism = evidence.Mechanism,
            Credential = model,
            Document = context.Document,
            View = context.View,
            Issuer = context.Issuer,
        };
    }

    internal static VerificationReport Unreadable(string code, string detail, string? mechanism = null)
    {
        var checks = new List<CheckResult> { CheckResult.Fail(VerificationCheck.Format, code, detail) };
        foreach (var check in Enum.GetValues<VerificationCheck>().Skip(1))
        {
            checks.Add(CheckResult.Skip(check, "format.unreadable", "Not checked: the document could not be read."));
        }

        return new VerificationReport { Checks = checks, SecuringMechanism = mechanism };
    }
}
