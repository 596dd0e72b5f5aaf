using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Status;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Cli.Commands;

/// <summary>
/// <c>mcred status create|set|clear</c>: W3C Bitstring Status List credentials. The list file is the signed
/// <c>BitstringStatusListCredential</c>, ready to publish at its URL. Beside it, <c>FILE.allocation.json</c> (see
/// <see cref="StatusListFiles"/>) records which indexes <c>mcred issue --status-list FILE</c> has given out; it is the
/// issuer's private state and is never published.
/// </summary>
internal static class StatusCommand
{
    public static Command Create() => new("status", "Bitstring Status List credentials: create a list, revoke or suspend (set), reinstate (clear).")
    {
        CreateCommand(),
        SetOrClearCommand(set: true),
        SetOrClearCommand(set: false),
    };

    private static Option<string> PurposeOption(bool withDefault)
    {
        var option = new Option<string>("--purpose") { Description = "The list's purpose: revocation or suspension." };
        if (withDefault)
        {
            option.DefaultValueFactory = _ => "revocation";
        }

        return option.AcceptOnlyFromAmong("revocation", "suspension");
    }

    private static Command CreateCommand()
    {
        var key = Cli.KeyOption();
        var url = new Option<string>("--url") { Description = "The https URL the list will be published at (its id, and every entry's statusListCredential); http only for localhost.", Required = true };
        var size = new Option<int>("--size") { Description = "Number of entries: at least 131072 (16 KiB) and a multiple of 8.", DefaultValueFactory = _ => BitstringStatusList.MinimumLength };
        var purpose = PurposeOption(withDefault: true);
        var created = Cli.DateTimeOption("--created", "The list's validFrom and proof time (default: now).");
        var output = new Option<string>("--out") { Description = "The list file to write; its allocation record is written beside it as FILE.allocation.json.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing list and allocation record (forgets which indexes were given out: their credentials would share indexes with new ones)." };
        var command = new Command("create", "Create an empty status list credential (signed) and its allocation record.") { key, url, size, purpose, created, output, force };
        command.SetAction(async (result, ct) =>
        {
            var listUrl = result.GetRequiredValue(url);
            var length = result.GetValue(size);
            if (length < BitstringStatusList.MinimumLength || length % 8 != 0 || length / 8 > BitstringStatusList.DefaultMaxDecodedBytes)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--size {length}: a status list has at least {BitstringStatusList.MinimumLength} entries, a multiple of 8, and at most {BitstringStatusList.DefaultMaxDecodedBytes * 8L}."));
            }

            StatusPurposes.TryParse(result.GetRequiredValue(purpose), out var listPurpose);
            StatusListAllocation allocation;
            try
            {
                allocation = StatusListAllocation.Create(listUrl, listPurpose, length); // the library's one rule for a list URL
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"--url '{listUrl}': {ex.Message.Split(" (Parameter", 2)[0]}");
            }

            var path = result.GetRequiredValue(output);
            var sidecar = StatusListFiles.AllocationPath(path);
            if (!result.GetValue(force) && (File.Exists(path) || File.Exists(sidecar)))
            {
                throw new UsageException($"{(File.Exists(path) ? path : sidecar)} exists: a new list would forget which indexes were given out. Use another --out, or --force.");
            }

            using var loaded = Cli.LoadKey(result.GetRequiredValue(key));
            var issuer = Issuer(loaded, result.GetValue(created));
            var credential = await BitstringStatusListCredential.IssueAsync(issuer, listUrl, listPurpose, BitstringStatusList.Create(length), null, ct).ConfigureAwait(false);
            StatusListFiles.WriteAllocation(path, allocation, overwrite: result.GetValue(force));
            Cli.WriteOutput(path, Cli.ToJson(credential));
            Cli.Note($"publish {path} at {listUrl}; keep {sidecar} private (it records which indexes are in use).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SetOrClearCommand(bool set)
    {
        var key = Cli.KeyOption();
        var list = new Option<string>("--list") { Description = "The list file (a signed BitstringStatusListCredential from 'mcred status create').", Required = true };
        var index = new Option<int>("--index") { Description = "The credential's statusListIndex.", Required = true };
        var purpose = PurposeOption(withDefault: false);
        var created = Cli.DateTimeOption("--created", "The new validFrom and proof time (default: now).");
        var output = Cli.OutOption();
        var force = new Option<bool>("--force") { Description = "Clear a bit of a revocation list (revocation is meant to be final; use only to undo a mistake)." };
        var command = new Command(
            set ? "set" : "clear",
            set ? "Set a credential's bit: revoke it (revocation list) or suspend it (suspension list). Re-signs the list." : "Clear a credential's bit: lift a suspension. Re-signs the list.")
        {
            key, list, index, purpose, created, output,
        };
        if (!set)
        {
            command.Add(force);
        }

        command.SetAction(async (result, ct) =>
        {
            var listPath = result.GetRequiredValue(list);
            var document = Cli.ReadJsonObject(listPath, "status list");
            if (!BitstringStatusListCredential.TryRead(document, out var content, out var error))
            {
                throw new UsageException($"{listPath}: not a usable status list: {error.Message}");
            }

            using var loaded = Cli.LoadKey(result.GetRequiredValue(key));
            var issuer = Issuer(loaded, result.GetValue(created));
            if (!string.Equals(content.Issuer, issuer.IssuerId, StringComparison.Ordinal))
            {
                throw new UsageException($"{listPath}: the list was issued by {content.Issuer}, not by the key's {issuer.IssuerId}.");
            }

            var report = await new CredentialVerifier().VerifyAsync(document, ct).ConfigureAwait(false);
            if (report[VerificationCheck.Signature].Status != CheckStatus.Passed || report[VerificationCheck.Issuer].Status != CheckStatus.Passed)
            {
                throw new UsageException($"{listPath}: the list's proof does not verify ({report[VerificationCheck.Signature].Detail}); refusing to re-sign it.");
            }

            var listPurpose = content.Purposes[0];
            if (result.GetValue(purpose) is { } asked && !content.Purposes.Contains(asked, StringComparer.Ordinal))
            {
                throw new UsageException($"{listPath} is a {listPurpose} list, not a {asked} list.");
            }

            var at = result.GetValue(index);
            if (at < 0 || at >= content.List.Length)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--index {at}: the list has indexes 0 to {content.List.Length - 1}."));
            }

            if (!set && listPurpose == "revocation" && !result.GetValue(force))
            {
                throw new UsageException("revocation is final (W3C Bitstring Status List §2.1): a revocation list's bit is not cleared. Use a suspension list for reversible holds, or --force to undo a mistake.");
            }

            if (content.List.IsSet(at) == set)
            {
                Cli.Note(string.Create(CultureInfo.InvariantCulture, $"bit {at} is already {(set ? "set" : "clear")}; the list is re-signed unchanged."));
            }

            var allocationPath = StatusListFiles.AllocationPath(listPath);
            if (StatusListFiles.TryReadAllocation(listPath, out var allocation, out _) && !allocation.IsAllocated(at))
            {
                Cli.Note(string.Create(CultureInfo.InvariantCulture, $"index {at} has not been given to any credential (per {allocationPath})."));
            }

            JsonObject updated;
            try
            {
                updated = await BitstringStatusListCredential.UpdateAsync(issuer, document, content.List.WithBit(at, set), ct).ConfigureAwait(false);
            }
            catch (ProofException ex)
            {
                throw new UsageException($"{listPath}: the list could not be re-signed: {ex.Message}");
            }

            var outPath = result.GetValue(output);
            var copyAllocation = outPath is not null and not "-" && File.Exists(allocationPath)
                && !string.Equals(Path.GetFullPath(outPath), Path.GetFullPath(listPath), StringComparison.Ordinal);
            if (copyAllocation)
            {
                PrivateFile.EnsureWritable(StatusListFiles.AllocationPath(outPath!), overwrite: false); // before the list is written
            }

            Cli.WriteOutput(outPath, Cli.ToJson(updated));
            if (copyAllocation)
            {
                PrivateFile.Write(StatusListFiles.AllocationPath(outPath!), File.ReadAllText(allocationPath), overwrite: false);
                Cli.Note($"copied the allocation record to {StatusListFiles.AllocationPath(outPath!)}: issue from {outPath} from now on.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static ICredentialSigner Issuer(LoadedKey loaded, DateTimeOffset? created) =>
        new DataIntegritySigner(
            new Crypto.Ed25519Signer(loaded.Key, loaded.VerificationMethodId),
            Cryptosuites.EdDsaRdfc2022,
            timeProvider: created is { } at ? new FixedTimeProvider(at) : TimeProvider.System);
}

/// <summary>
/// The files of a status list kept by the issuer: the list file (the signed list credential, published as is) and its
/// allocation record <c>LIST.allocation.json</c> (<see cref="StatusListAllocation.ToJson"/>: list URL, purpose, length,
/// count and the GZIP bitstring of used indexes). The record is read and rewritten under an exclusive lock on
/// <c>LIST.allocation.json.lock</c>, and saved (atomically: temporary file, then rename) before the credential that
/// uses the new index is written, so that an index is never given twice, even by concurrent <c>mcred issue</c> runs.
/// </summary>
internal static class StatusListFiles
{
    public static string AllocationPath(string listPath) => listPath + ".allocation.json";

    public static bool TryReadAllocation(string listPath, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StatusListAllocation? allocation, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        allocation = null;
        var path = AllocationPath(listPath);
        if (!File.Exists(path))
        {
            error = $"{path} is missing: it records which indexes of the list are in use. Create lists with 'mcred status create', which writes it, and keep it beside the list.";
            return false;
        }

        JsonObject json;
        try
        {
            json = Cli.ReadJsonObject(path, "allocation record");
        }
        catch (UsageException ex)
        {
            error = ex.Message;
            return false;
        }

        if (!StatusListAllocation.TryParse(json, out allocation, out var parseError))
        {
            error = $"{path}: {parseError.Message}";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Writes the allocation record: a private file (<see cref="PrivateFile"/>: mode 0600, atomic), refused when it exists unless <paramref name="overwrite"/>.</summary>
    public static void WriteAllocation(string listPath, StatusListAllocation allocation, bool overwrite) =>
        PrivateFile.Write(AllocationPath(listPath), Cli.ToJson(allocation.ToJson()), overwrite);

    /// <summary>Allocates an index of each list (<c>issue --status-list</c>), refusing a list given twice.</summary>
    public static List<BitstringStatusListEntry> AllocateAll(string[] listPaths, string issuerId)
    {
        var duplicate = listPaths.GroupBy(Path.GetFullPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"--status-list {duplicate.First()} is given twice: a credential takes one index per list.");
        }

        return [.. listPaths.Select(path => Allocate(path, issuerId))];
    }

    /// <summary>Allocates an index of a list and saves the record, under the record's lock.</summary>
    public static BitstringStatusListEntry Allocate(string listPath, string issuerId)
    {
        var document = Cli.ReadJsonObject(listPath, "status list");
        if (!BitstringStatusListCredential.TryRead(document, out var content, out var error))
        {
            throw new UsageException($"{listPath}: not a usable status list: {error.Message}");
        }

        if (!string.Equals(content.Issuer, issuerId, StringComparison.Ordinal))
        {
            throw new UsageException($"{listPath}: the list was issued by {content.Issuer}, not by the key's {issuerId}: a credential's status list must be its issuer's.");
        }

        if (content.Id is null)
        {
            throw new UsageException($"{listPath}: the list credential has no id (the URL it is published at).");
        }

        using var held = Lock(AllocationPath(listPath) + ".lock");
        if (!TryReadAllocation(listPath, out var allocation, out var allocationError))
        {
            throw new UsageException(allocationError);
        }

        if (!string.Equals(allocation.StatusListCredential, content.Id, StringComparison.Ordinal) || allocation.Length != content.List.Length
            || !content.Purposes.Contains(StatusPurposes.ToName(allocation.Purpose), StringComparer.Ordinal))
        {
            throw new UsageException($"{AllocationPath(listPath)} belongs to the list {allocation.StatusListCredential} ({StatusPurposes.ToName(allocation.Purpose)}, {allocation.Length} entries), not to {listPath} ({content.Id}).");
        }

        if (!allocation.TryAllocate(out var index))
        {
            throw new UsageException($"{listPath}: every index of the list is in use; create a new list with 'mcred status create'.");
        }

        WriteAllocation(listPath, allocation, overwrite: true); // the record's own update, under its lock
        return BitstringStatusListEntry.For(allocation, index);
    }

    private static FileStream Lock(string path)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(100);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{path}: cannot lock the allocation record: {ex.Message}");
            }
        }
    }
}
