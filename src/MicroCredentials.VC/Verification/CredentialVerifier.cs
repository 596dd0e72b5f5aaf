using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs;

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
    /// Verifies a credential given as bytes: a JSON document (Data Integrity, or a JAdES seal in JWS JSON
    /// serialization) or a compact JWS (<c>vc+jwt</c>).
    /// </summary>
    /// <param name="utf8Json">The credential.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    public async ValueTask<VerificationReport> VerifyAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default)
    {
        if (Proofs.Jose.JoseSecuring.LooksLikeCompactJws(utf8Json.Span))
        {
            if (utf8Json.Length > Options.MaxDocumentBytes)
            {
                return Unreadable("format.tooLarge", $"The token is {utf8Json.Length} bytes, over the limit of {Options.MaxDocumentBytes} bytes.");
            }

            var token = Encoding.ASCII.GetString(utf8Json.Span).Trim();
            if (Proofs.Jose.JoseSecuring.IsPresentationToken(token))
            {
                var (presentation, code, detail) = await Proofs.Jose.JoseSecuring.VerifyPresentationCompactAsync(token, Options, cancellationToken).ConfigureAwait(false);
                return presentation is null
                    ? Unreadable(code!, detail!, "vp+jwt")
                    : await PresentationVerification.AssembleAsync(presentation, this, cancellationToken).ConfigureAwait(false);
            }

            var outcome = await Proofs.Jose.JoseSecuring.VerifyCompactAsync(token, Options, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync(outcome, cancellationToken).ConfigureAwait(false);
        }

        if (!JsonInput.TryParse(utf8Json.Span, Options.MaxDocumentBytes, Options.MaxDepth, out var node, out var problem))
        {
            return Unreadable("format.notJson", problem.Message);
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
    public async ValueTask<VerificationReport> VerifyAsync(JsonObject credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        SecuringOutcome outcome;
        if (CredentialFormat.HasType(credential, "EnvelopedVerifiableCredential"))
        {
            outcome = await Proofs.Jose.JoseSecuring.VerifyEnvelopedAsync(credential, Options, cancellationToken).ConfigureAwait(false);
        }
        else if (credential["payload"] is not null && (credential["signatures"] is not null || credential["signature"] is not null))
        {
            outcome = await Proofs.Jose.JadesSecuring.VerifyAsync(credential, Options, cancellationToken).ConfigureAwait(false);
        }
        else if (CredentialFormat.HasType(credential, "VerifiablePresentation"))
        {
            return await PresentationVerification.VerifyAsync(credential, this, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            outcome = await DataIntegritySecuring(credential, cancellationToken).ConfigureAwait(false);
        }

        return await CompleteAsync(outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every check on a credential whose securing mechanism has been verified.</summary>
    /// <param name="outcome">The signature and issuer outcome, and the credential it secures.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    internal async ValueTask<VerificationReport> CompleteAsync(SecuringOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Credential is not { } credential)
        {
            return Unreadable(outcome.Signature.Code ?? "format.unreadable", outcome.Signature.Detail, outcome.Mechanism);
        }

        var checks = new List<CheckResult>(10);
        var now = Options.TimeProvider.GetUtcNow();
        var skew = Options.ClockSkew;

        // format
        var problems = CredentialFormat.Check(credential);
        checks.Add(outcome.EnvelopeFormat is { Status: CheckStatus.Failed } envelope
            ? envelope with { Detail = string.Join(" ", [envelope.Detail, .. problems.Select(p => p.Message)]) }
            : problems.Count == 0
            ? CheckResult.Pass(VerificationCheck.Format, $"A well-formed VC {(CredentialFormat.VersionOf(credential) == VcVersion.V2 ? "2.0" : "1.1")} credential{(outcome.Mechanism is "jades" or "vc+jwt" ? " (" + outcome.Mechanism + ")" : string.Empty)}.")
            : CheckResult.Fail(VerificationCheck.Format, problems[0].Code, string.Join(" ", problems.Select(p => p.Message))));

        // context
        checks.Add(await CheckContextAsync(credential, cancellationToken).ConfigureAwait(false));

        // signature, issuer
        checks.Add(outcome.Signature);
        checks.Add(outcome.Issuer);
        var issuer = CredentialFormat.IssuerOf(credential);

        // accreditation
        checks.Add(outcome.Accreditation ?? await Trust.AccreditationCheck.CheckAsync(credential, issuer, outcome, Options, cancellationToken).ConfigureAwait(false));

        // learner
        checks.Add(LearnerResult(credential));

        // issuance date and expiry
        checks.Add(outcome.NotBefore is { } nbf && nbf > now + skew
            ? CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.notYetValid", $"The token is not valid before {XsdDateTime.Format(nbf)} (nbf), later than now ({XsdDateTime.Format(now)}).")
            : IssuanceResult(credential, outcome.SignedAt, now, skew));
        checks.Add(outcome.NotAfter is { } exp && exp < now - skew
            ? CheckResult.Fail(VerificationCheck.Expiry, "expiry.expired", $"The token expired on {XsdDateTime.Format(exp)} (exp).")
            : ExpiryResult(credential, now, skew));

        // status
        checks.Add(await Status.CredentialStatusCheck.CheckAsync(credential, issuer, Options, cancellationToken).ConfigureAwait(false));

        // elements
        var (elements, model) = ElementsResult(credential);
        checks.Add(elements);

        return new VerificationReport
        {
            Checks = checks,
            SecuringMechanism = outcome.Mechanism,
            Credential = model,
            Document = credential,
            Issuer = issuer,
        };
    }

    private async ValueTask<SecuringOutcome> DataIntegritySecuring(JsonObject credential, CancellationToken cancellationToken)
    {
        var proofChecks = await DataIntegrity.VerifyAsync(credential, Options.Cryptosuites, Options.VerificationMethodResolver, new CryptosuiteContext { DocumentLoader = Options.DocumentLoader }, cancellationToken).ConfigureAwait(false);
        var mechanism = proofChecks.Count == 0 ? "none" : string.Join("+", proofChecks.Select(p => p.Cryptosuite ?? "unknown").Distinct());
        var signedAt = proofChecks
            .Select(p => p.Proof?["created"] is JsonValue cv && cv.TryGetValue(out string? text) && XsdDateTime.TryParse(text, out var created) ? created : (DateTimeOffset?)null)
            .OfType<DateTimeOffset>()
            .ToList();
        return new SecuringOutcome(credential, mechanism, SignatureResult(proofChecks), IssuerResult(CredentialFormat.IssuerOf(credential), proofChecks), null, signedAt);
    }

    internal async ValueTask<CheckResult> CheckContextAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        var context = credential["@context"];
        var entries = context is JsonArray a ? a.ToList() : context is null ? [] : [context];
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
                    await Options.DocumentLoader.LoadDocumentAsync(url, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonLdException)
                {
                    return CheckResult.Fail(VerificationCheck.Context, "context.unknown", $"The context '{url}' is not known to the document loader (no context is fetched from the network unless allowed).");
                }
            }
        }

        try
        {
            // Safe mode: a term that does not expand to an absolute IRI (a value that would be dropped) is an error.
            await JsonLdProcessor.ToRdfAsync(credential, new JsonLdOptions { DocumentLoader = Options.DocumentLoader, SafeMode = true }, cancellationToken).ConfigureAwait(false);
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

        return CheckResult.Pass(VerificationCheck.Context, "Every context is known and every term is defined.");
    }

    private static CheckResult SignatureResult(IReadOnlyList<ProofCheck> proofs)
    {
        if (proofs.Count == 0)
        {
            return CheckResult.Fail(VerificationCheck.Signature, "signature.missing", "The credential has no proof: it is not secured.");
        }

        var failed = proofs.FirstOrDefault(p => !p.Verified);
        if (failed is not null)
        {
            return CheckResult.Fail(VerificationCheck.Signature, failed.Code ?? "signature.invalid", failed.Message ?? "A proof does not verify.");
        }

        return CheckResult.Pass(VerificationCheck.Signature, proofs.Count == 1
            ? $"The {proofs[0].Cryptosuite} proof verifies with {proofs[0].Method?.Method?.Id}."
            : $"All {proofs.Count} proofs verify.");
    }

    private static CheckResult IssuerResult(string? issuer, IReadOnlyList<ProofCheck> proofs)
    {
        if (issuer is null)
        {
            return CheckResult.Fail(VerificationCheck.Issuer, "issuer.missing", "The credential names no issuer.");
        }

        var assertions = proofs.Where(p => p.Proof?["proofPurpose"] is JsonValue v && v.TryGetValue(out string? s) && s == "assertionMethod").ToList();
        if (assertions.Count == 0)
        {
            return CheckResult.Fail(VerificationCheck.Issuer, "issuer.noAssertionProof", "No proof with purpose assertionMethod binds a key to the issuer.");
        }

        foreach (var proof in assertions)
        {
            var method = proof.Method?.Method;
            if (method is null)
            {
                return CheckResult.Fail(VerificationCheck.Issuer, "issuer.keyUnresolved", "The proof's verification method could not be resolved, so it cannot be bound to the issuer.");
            }

            if (!string.Equals(method.Controller, issuer, StringComparison.Ordinal))
            {
                return CheckResult.Fail(VerificationCheck.Issuer, "issuer.controllerMismatch", $"The key {method.Id} is controlled by {method.Controller}, not by the issuer {issuer}.");
            }

            if (!proof.Method!.AuthorizedForPurpose)
            {
                return CheckResult.Fail(VerificationCheck.Issuer, "issuer.notAssertionMethod", $"The issuer's DID document does not list {method.Id} under assertionMethod.");
            }
        }

        return CheckResult.Pass(VerificationCheck.Issuer, $"The signing key is the issuer's ({issuer}), listed under assertionMethod.");
    }

    private CheckResult LearnerResult(JsonObject credential)
    {
        var subjects = credential["credentialSubject"] switch
        {
            JsonObject o => [o],
            JsonArray a => a.OfType<JsonObject>().ToList(),
            _ => new List<JsonObject>(),
        };
        if (subjects.Count == 0)
        {
            return CheckResult.Fail(VerificationCheck.Learner, "learner.missing", "The credential has no credential subject.");
        }

        var identifiers = subjects.SelectMany(LearnerIdentifiers).ToList();
        var named = subjects.Any(s => s["fullName"] is not null || s["givenName"] is not null || s["familyName"] is not null || s["name"] is not null);
        if (identifiers.Count == 0 && !named)
        {
            return CheckResult.Fail(VerificationCheck.Learner, "learner.notIdentified", "The credential subject has no identifier and no name: the learner is not identified.");
        }

        if (Options.ExpectedLearner is { } expected)
        {
            return identifiers.Contains(expected, StringComparer.Ordinal)
                ? CheckResult.Pass(VerificationCheck.Learner, "The credential subject is the expected learner.")
                : CheckResult.Fail(VerificationCheck.Learner, "learner.mismatch", "The credential subject is not the expected learner (neither its id nor any of its identifiers match).");
        }

        return CheckResult.Pass(VerificationCheck.Learner, identifiers.Count > 0
            ? "The learner is identified by an identifier; no expected learner was given to compare with."
            : "The learner is identified by name only; no expected learner was given to compare with.");
    }

    /// <summary>The identifiers of a credential subject: its id, and the notation of EDC/OB3 identifier objects.</summary>
    internal static IEnumerable<string> LearnerIdentifiers(JsonObject subject)
    {
        if (subject["id"] is JsonValue idv && idv.TryGetValue(out string? id))
        {
            yield return id;
        }

        foreach (var name in new[] { "nationalID", "identifier" })
        {
            var node = subject[name];
            var entries = node is JsonArray a ? a.ToList() : node is null ? [] : [node];
            foreach (var entry in entries)
            {
                if (entry is JsonObject o)
                {
                    foreach (var key in new[] { "notation", "identifier", "identityHash" })
                    {
                        if (o[key] is JsonValue nv && nv.TryGetValue(out string? notation))
                        {
                            yield return notation;
                        }
                    }
                }
                else if (entry is JsonValue ev && ev.TryGetValue(out string? text))
                {
                    yield return text;
                }
            }
        }
    }

    private static CheckResult IssuanceResult(JsonObject credential, IReadOnlyList<DateTimeOffset> signedAt, DateTimeOffset now, TimeSpan skew)
    {
        var field = credential["validFrom"] is not null ? "validFrom" : credential["issuanceDate"] is not null ? "issuanceDate" : null;
        if (field is null)
        {
            return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.missing", "The credential has neither validFrom nor issuanceDate.");
        }

        if (CredentialFormat.DateOf(credential, field) is not { } issued)
        {
            return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.invalid", $"{field} is not an XML Schema dateTime with a time zone.");
        }

        if (issued > now + skew)
        {
            return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.future", $"{field} {XsdDateTime.Format(issued)} is later than now ({XsdDateTime.Format(now)}): the credential is not valid yet.");
        }

        foreach (var created in signedAt)
        {
            if (created > now + skew)
            {
                return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.proofInFuture", $"The proof was created {XsdDateTime.Format(created)}, later than now ({XsdDateTime.Format(now)}).");
            }

            var until = CredentialFormat.DateOf(credential, "validUntil") ?? CredentialFormat.DateOf(credential, "expirationDate");
            if (until is { } u && created > u + skew)
            {
                return CheckResult.Fail(VerificationCheck.IssuanceDate, "issuanceDate.proofAfterExpiry", $"The proof was created {XsdDateTime.Format(created)}, after the credential expired ({XsdDateTime.Format(u)}).");
            }
        }

        return CheckResult.Pass(VerificationCheck.IssuanceDate, $"Valid from {XsdDateTime.Format(issued)}.");
    }

    private static CheckResult ExpiryResult(JsonObject credential, DateTimeOffset now, TimeSpan skew)
    {
        var field = credential["validUntil"] is not null ? "validUntil" : credential["expirationDate"] is not null ? "expirationDate" : null;
        if (field is null)
        {
            return CheckResult.Pass(VerificationCheck.Expiry, "The credential does not expire.");
        }

        if (CredentialFormat.DateOf(credential, field) is not { } until)
        {
            return CheckResult.Fail(VerificationCheck.Expiry, "expiry.invalid", $"{field} is not an XML Schema dateTime with a time zone.");
        }

        return until < now - skew
            ? CheckResult.Fail(VerificationCheck.Expiry, "expiry.expired", $"The credential expired on {XsdDateTime.Format(until)}.")
            : CheckResult.Pass(VerificationCheck.Expiry, $"Valid until {XsdDateTime.Format(until)}.");
    }

    private (CheckResult Result, MicroCredential? Model) ElementsResult(JsonObject credential)
    {
        if (!CredentialProfiles.TryDetect(credential, out var profile))
        {
            var detail = "The credential is not in a micro-credential profile this library reads (Europass EDC, Open Badges 3.0), so the Council Recommendation elements were not checked.";
            return (Options.RequireMicroCredentialElements
                ? CheckResult.Fail(VerificationCheck.Elements, "elements.unknownProfile", detail)
                : CheckResult.Skip(VerificationCheck.Elements, "elements.unknownProfile", detail), null);
        }

        var read = profile.FromCredential(credential);
        var missing = read.Model.Validate().Errors.Select(e => e.Element).ToList();
        if (missing.Count == 0)
        {
            return (CheckResult.Pass(VerificationCheck.Elements, $"Every mandatory element of the Council Recommendation is present ({profile.Name} profile)."), read.Model);
        }

        var text = "Missing or malformed: " + string.Join(", ", missing) + ".";
        return (Options.RequireMicroCredentialElements
            ? CheckResult.Fail(VerificationCheck.Elements, "elements.missing", text)
            : CheckResult.Skip(VerificationCheck.Elements, "elements.notRequired", text + " Not required by the caller."), read.Model);
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
