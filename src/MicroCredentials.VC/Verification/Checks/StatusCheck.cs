using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Status;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>
/// The <c>status</c> check: revocation and suspension through the credential's <c>credentialStatus</c> entries, by the
/// W3C Bitstring Status List v1.0 §3.2 Validate Algorithm.
/// </summary>
/// <remarks>
/// <para>For each entry (one object or an array):</para>
/// <list type="number">
/// <item>The entry must be a well-formed <c>BitstringStatusListEntry</c> (§2.1): <c>statusPurpose</c> a string,
/// <c>statusListIndex</c> a base-10 string, <c>statusListCredential</c> an absolute URL, <c>statusSize</c> absent or 1.
/// Any other <c>type</c> (e.g. <c>StatusList2021Entry</c>) <b>fails</b> with <see cref="StatusCodes.UnsupportedType"/>:
/// this library cannot tell whether such a credential is revoked, and a skip would let a revoked credential verify.</item>
/// <item>Entries whose purpose is neither <c>revocation</c> nor <c>suspension</c> (e.g. <c>message</c>, <c>refresh</c>)
/// cannot invalidate a credential; they are not evaluated, and the detail says so.</item>
/// <item>The list is fetched through <see cref="VerificationOptions.ResourceResolver"/> (failure: STATUS_RETRIEVAL_ERROR,
/// <see cref="StatusCodes.RetrievalFailed"/> with the resolver's reason), and verified as a credential with the same
/// options: format, contexts, proof and key binding, <c>validFrom</c> (optional) and <c>validUntil</c> against the verifier's clock.
/// The list's own <c>credentialStatus</c> is not followed (no recursion).</item>
/// <item>Its <c>id</c>, when present, must be the URL the entry names; its issuer must be the credential's issuer. The
/// specification (§2.2) allows a different status authority; this library does not, so that nobody but the issuer can
/// publish a list that reinstates a revoked credential.</item>
/// <item>Its <c>statusPurpose</c> must include the entry's (§3.2 step 5); the bitstring must decode and hold at least
/// 131,072 entries (step 9); the index must be inside it (step 10). Decoding is bounded (see
/// <see cref="BitstringStatusList.TryDecode"/>).</item>
/// <item>A set bit fails the check with <see cref="StatusCodes.Revoked"/> or <see cref="StatusCodes.Suspended"/>.</item>
/// </list>
/// <para>
/// Every problem fails the check (never a silent pass). When several entries fail, the code is revoked, else
/// suspended, else the first problem's; the detail lists them all.
/// </para>
/// </remarks>
internal static class StatusCheck
{
    /// <summary>Checks the credential's status entries (from the signed view) against their status lists.</summary>
    /// <param name="context">The credential's verification.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The <c>status</c> check.</returns>
    public static async ValueTask<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var issuer = context.Issuer;
        if (context.View.Status is not { } entries)
        {
            return CheckResult.Pass(VerificationCheck.Status, "The credential has no status entry: it cannot be revoked or suspended.");
        }

        if (options.Mode == VerificationMode.StatusList)
        {
            return CheckResult.Skip(VerificationCheck.Status, "status.statusListNotFollowed", "This is a status list credential verified for another credential's status; its own credentialStatus is not followed.");
        }

        if (entries.Count == 0)
        {
            return CheckResult.Fail(VerificationCheck.Status, StatusCodes.MalformedEntry, "credentialStatus is an empty array.");
        }

        var lists = new Dictionary<string, ListOutcome>(StringComparer.Ordinal);
        var failures = new List<(string Code, string Message)>();
        var passes = new List<string>();
        var ignored = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var label = entries.Count == 1 ? "The status entry" : string.Create(CultureInfo.InvariantCulture, $"Status entry {i + 1}");
            if (!TryParseEntry(entries[i], out var entry, out var problem))
            {
                failures.Add((problem.Code, label + ": " + problem.Message));
                continue;
            }

            if (entry.Purpose is not ("revocation" or "suspension"))
            {
                ignored.Add(entry.Purpose);
                continue;
            }

            if (entry.StatusSize != 1)
            {
                failures.Add((StatusCodes.UnsupportedStatusSize, string.Create(CultureInfo.InvariantCulture, $"{label}: statusSize {entry.StatusSize} is not supported for {entry.Purpose} (only 1-bit entries are).")));
                continue;
            }

            if (!lists.TryGetValue(entry.ListUrl, out var outcome))
            {
                outcome = await LoadListAsync(entry.ListUrl, issuer, options, cancellationToken).ConfigureAwait(false);
                lists[entry.ListUrl] = outcome;
            }

            if (outcome.Error is { } listError)
            {
                failures.Add((listError.Code, $"{label} ({entry.Purpose}, list {entry.ListUrl}): {listError.Message}"));
                continue;
            }

            var content = outcome.Content!;
            if (!content.Purposes.Contains(entry.Purpose, StringComparer.Ordinal))
            {
                failures.Add((StatusCodes.PurposeMismatch, $"{label}: the entry's purpose is {entry.Purpose}, but the list {entry.ListUrl} is a {string.Join("/", content.Purposes)} list (STATUS_VERIFICATION_ERROR)."));
                continue;
            }

            if (entry.Index >= content.List.Length)
            {
                failures.Add((StatusCodes.IndexOutOfRange, string.Create(CultureInfo.InvariantCulture, $"{label}: index {entry.IndexText} is outside the list {entry.ListUrl} of {content.List.Length} entries (RANGE_ERROR).")));
                continue;
            }

            if (content.List.IsSet((int)entry.Index))
            {
                var revoked = entry.Purpose == "revocation";
                failures.Add((revoked ? StatusCodes.Revoked : StatusCodes.Suspended, string.Create(CultureInfo.InvariantCulture, $"The credential is {(revoked ? "revoked" : "suspended")}: bit {entry.Index} of the {entry.Purpose} list {entry.ListUrl} is set.")));
                continue;
            }

            passes.Add(string.Create(CultureInfo.InvariantCulture, $"not {(entry.Purpose == "revocation" ? "revoked" : "suspended")} (bit {entry.Index} of {entry.ListUrl} is 0)"));
        }

        var note = ignored.Count == 0 ? string.Empty : $" Entries with purpose {string.Join(", ", ignored.Distinct(StringComparer.Ordinal))} cannot revoke or suspend and were not evaluated.";
        if (failures.Count > 0)
        {
            var code = failures.Any(f => f.Code == StatusCodes.Revoked) ? StatusCodes.Revoked
                : failures.Any(f => f.Code == StatusCodes.Suspended) ? StatusCodes.Suspended
                : failures[0].Code;
            return CheckResult.Fail(VerificationCheck.Status, code, string.Join(" ", failures.Select(f => f.Message)) + note);
        }

        return passes.Count == 0
            ? CheckResult.Pass(VerificationCheck.Status, "The credential has no revocation or suspension entry." + note)
            : CheckResult.Pass(VerificationCheck.Status, "The credential is " + string.Join(" and ", passes) + "." + note);
    }

    private static async ValueTask<ListOutcome> LoadListAsync(string url, string? issuer, VerificationOptions options, CancellationToken cancellationToken)
    {
        ResourceResult fetched;
        try
        {
            fetched = await options.ResourceResolver.GetAsync(new Uri(url, UriKind.Absolute), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing resolver is a failed retrieval, never a crash of the verification.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ListOutcome.Failed(StatusCodes.RetrievalFailed, $"the status list could not be fetched (STATUS_RETRIEVAL_ERROR): {ex.GetType().Name}: {ex.Message}");
        }

        if (!fetched.Succeeded)
        {
            return ListOutcome.Failed(StatusCodes.RetrievalFailed, $"the status list could not be fetched (STATUS_RETRIEVAL_ERROR): {fetched.Problem?.Message ?? "no reason given"}{(fetched.Problem is null ? string.Empty : " (" + fetched.Problem.Code + ")")}");
        }

        var report = await VerifyListAsync(fetched.Content!.Value, options, cancellationToken).ConfigureAwait(false);
        if (report.Document is not { } document)
        {
            var format = report[VerificationCheck.Format];
            return ListOutcome.Failed(StatusCodes.ListMalformed, $"the status list is not a readable credential: {format.Detail}");
        }

        if (!CredentialFormat.HasType(document, BitstringStatusListCredential.CredentialType))
        {
            return ListOutcome.Failed(StatusCodes.NotAStatusList, "the document served at that URL is not a BitstringStatusListCredential.");
        }

        // The list credential's id MAY differ from the URL it was fetched from (Bitstring Status List §2.2; the validation
        // algorithm compares neither): what binds the list to the credential is its valid proof by the same issuer.
        foreach (var check in new[] { VerificationCheck.Format, VerificationCheck.Context, VerificationCheck.Signature, VerificationCheck.Issuer })
        {
            var result = report[check];
            if (result.Status == CheckStatus.Failed)
            {
                return ListOutcome.Failed(StatusCodes.ListNotVerified, $"the status list credential does not verify (STATUS_VERIFICATION_ERROR): {result.Name} failed ({result.Code}): {result.Detail}");
            }
        }

        if (issuer is null || !string.Equals(report.Issuer, issuer, StringComparison.Ordinal))
        {
            return ListOutcome.Failed(StatusCodes.IssuerMismatch, $"the status list was issued by {report.Issuer ?? "nobody"}, not by the credential's issuer {issuer ?? "(none)"}.");
        }

        // Expired first: a list whose proof was made after its validUntil is an expired list, not one "not yet valid".
        if (report[VerificationCheck.Expiry] is { Status: CheckStatus.Failed } expired)
        {
            return ListOutcome.Failed(StatusCodes.ListExpired, "the status list credential has expired: " + expired.Detail);
        }

        if (report[VerificationCheck.IssuanceDate] is { Status: CheckStatus.Failed } dates)
        {
            return dates.Code switch
            {
                "issuanceDate.proofAfterExpiry" => ListOutcome.Failed(StatusCodes.ListExpired, "the status list credential has expired: " + dates.Detail),
                "issuanceDate.future" or "issuanceDate.notYetValid" or "issuanceDate.proofInFuture" =>
                    ListOutcome.Failed(StatusCodes.ListNotYetValid, "the status list credential is not valid yet: " + dates.Detail),
                _ => ListOutcome.Failed(StatusCodes.ListNotVerified, $"the status list credential does not verify (STATUS_VERIFICATION_ERROR): {dates.Name} failed ({dates.Code}): {dates.Detail}"),
            };
        }

        return BitstringStatusListCredential.TryRead(document, out var content, out var error)
            ? new ListOutcome(content, null)
            : new ListOutcome(null, error with { Message = "the status list's encodedList cannot be used: " + error.Message });
    }

    private static async ValueTask<VerificationReport> VerifyListAsync(ReadOnlyMemory<byte> bytes, VerificationOptions options, CancellationToken cancellationToken)
    {
        var listOptions = options with
        {
            Mode = VerificationMode.StatusList,
            ExpectedLearner = null,
            RequireMicroCredentialElements = false,
            TrustRegistry = null,
            Challenge = null,
            Domain = null,
        };
        return await new CredentialVerifier(listOptions).VerifyAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryParseEntry(JsonNode? node, out Entry entry, out Problem problem)
    {
        entry = default;
        problem = null!;
        if (node is not JsonObject o)
        {
            problem = new Problem(StatusCodes.MalformedEntry, "it is not a JSON object.");
            return false;
        }

        var types = CredentialFormat.TypesOf(o["type"]);
        if (!types.Contains(BitstringStatusListCredential.EntryType, StringComparer.Ordinal))
        {
            problem = new Problem(StatusCodes.UnsupportedType, types.Count == 0
                ? "it has no type, so its status cannot be checked."
                : $"its type {string.Join(", ", types)} is not supported (only BitstringStatusListEntry is), so whether the credential is revoked cannot be established.");
            return false;
        }

        if (Text(o, "statusPurpose") is not { Length: > 0 } purpose)
        {
            problem = new Problem(StatusCodes.MalformedEntry, "statusPurpose must be a non-empty string (MALFORMED_VALUE_ERROR).");
            return false;
        }

        if (Text(o, "statusListIndex") is not { Length: > 0 } indexText || indexText.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            problem = new Problem(StatusCodes.MalformedEntry, "statusListIndex must be a string of decimal digits, e.g. \"94567\" (MALFORMED_VALUE_ERROR).");
            return false;
        }

        var trimmed = indexText.TrimStart('0');
        var index = trimmed.Length == 0 ? 0 : trimmed.Length > 18 ? long.MaxValue : long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);

        if (Text(o, "statusListCredential") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problem = new Problem(StatusCodes.MalformedEntry, "statusListCredential must be an absolute URL (MALFORMED_VALUE_ERROR).");
            return false;
        }

        if (Text(o, "id") is { } entryId && entryId == url)
        {
            problem = new Problem(StatusCodes.MalformedEntry, "the entry's id must not be the status list's URL (§2.1).");
            return false;
        }

        var size = 1L;
        if (o["statusSize"] is { } sizeNode)
        {
            if (sizeNode is not JsonValue sv || sv.GetValueKind() != System.Text.Json.JsonValueKind.Number
                || !long.TryParse(sv.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < 1)
            {
                problem = new Problem(StatusCodes.MalformedEntry, "statusSize must be an integer greater than zero (MALFORMED_VALUE_ERROR).");
                return false;
            }

            size = s;
        }

        entry = new Entry(purpose, index, indexText, url, size);
        return true;
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private readonly record struct Entry(string Purpose, long Index, string IndexText, string ListUrl, long StatusSize);

    private sealed record ListOutcome(StatusListContent? Content, Problem? Error)
    {
        public static ListOutcome Failed(string code, string message) => new(null, new Problem(code, message));
    }
}
