using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MicroCredentials.VC.Cli.Commands;

/// <summary>
/// <c>mcred batch</c>: one credential per row of a student-information-system export (see samples/batch/README.md).
/// Bad rows are reported by line in DIR/errors.csv, never skipped silently; ids whose DIR/ID.json exists are skipped,
/// so re-running the same command issues only what is missing.
/// </summary>
internal static partial class BatchCommand
{
    public const string ErrorsFileName = "errors.csv";

    /// <summary>The lock file of the output folder, held by the run that issues into it (see <see cref="LockOutput"/>).</summary>
    public const string LockFileName = ".mcred-batch.lock";

    public static Command Create()
    {
        var key = Cli.KeyOption();
        var template = new Option<string>("--template") { Description = "The model (JSON form of MicroCredential) every row starts from; the CSV columns override its fields.", Required = true };
        var input = new Option<string>("--in") { Description = "The CSV export: first column a unique row id, then the columns of samples/batch/README.md.", Required = true };
        var output = new Option<string>("--out") { Description = "The folder for ID.json (one credential per row) and errors.csv (the rows that were not issued).", Required = true };
        var proof = new Option<string>("--proof")
        {
            Description = "Proof: eddsa-rdfc-2022 (default) or eddsa-jcs-2022.",
            DefaultValueFactory = _ => "eddsa-rdfc-2022",
        }.AcceptOnlyFromAmong("eddsa-rdfc-2022", "eddsa-jcs-2022");
        var encoding = new Option<string>("--encoding")
        {
            Description = "The export's text encoding: utf-8 (default; strict, a byte that is not UTF-8 stops the run with its line and column), or a legacy single-byte encoding such as windows-1252 or iso-8859-1 to iso-8859-15.",
            DefaultValueFactory = _ => "utf-8",
        };
        var command = new Command("batch", "Issue one micro-credential per row of a CSV export, in parallel; resumable (re-running issues only what is missing).") { key, template, input, output, proof, encoding };
        command.SetAction((result, ct) => RunAsync(
            result.GetRequiredValue(key),
            result.GetRequiredValue(template),
            result.GetRequiredValue(input),
            result.GetRequiredValue(output),
            result.GetRequiredValue(proof),
            CsvEncoding.Resolve(result.GetRequiredValue(encoding)),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(string keyPath, string templatePath, string csvPath, string outDir, string proof, CsvEncoding encoding, CancellationToken ct)
    {
        Cli.RequireFile(csvPath);

        if (!MicroCredentialJson.TryParse(Cli.ReadInputText(templatePath), out var templateModel, out var templateProblem))
        {
            throw new UsageException($"{templatePath}: the template is not usable: {templateProblem.Message}");
        }

        using var loaded = Cli.LoadKey(keyPath);
        CheckText(csvPath, encoding);

        var malformed = new HashSet<long>();
        var opened = OpenCsv(csvPath, encoding, malformed);
        await using var csv = opened.Reader;
        var lines = opened.Lines;
        var mapper = await ReadHeaderAsync(csv, lines, csvPath, ct).ConfigureAwait(false);
        CheckTemplate(templateModel, mapper, templatePath);
        using var folderLock = LockOutput(outDir);
        var existing = PrepareOutput(outDir);

        var issuer = new CredentialIssuer(loaded.Key, loaded.VerificationMethodId, new IssuerOptions
        {
            Profile = CredentialProfiles.Edc,
            Cryptosuite = Cli.Suite(proof),
        });
        var run = new Run(outDir, existing);
        try
        {
            var interactive = !Console.IsErrorRedirected;
            if (interactive)
            {
                var total = await CountRecordsAsync(csvPath, encoding, ct).ConfigureAwait(false);
                var console = Terminal.Stderr();
                await console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("issuing", maxValue: Math.Max(1, total));
                        run.Progress = () => task.Increment(1);
                        await IssueAllAsync(issuer, csv, lines, csvPath, mapper, templateModel, malformed, run, ct).ConfigureAwait(false);
                        task.Value = task.MaxValue;
                    }).ConfigureAwait(false);
            }
            else
            {
                await IssueAllAsync(issuer, csv, lines, csvPath, mapper, templateModel, malformed, run, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: every DIR/ID.json written so far is complete (temporary file, then rename), and nothing
            // half-written is kept, so the next run of the same command issues exactly what is missing.
            Cli.Error(string.Create(CultureInfo.InvariantCulture, $"interrupted: issued {run.Issued} before stopping, each complete in {outDir}; run the same command again to issue the rest."));
            throw;
        }

        run.WriteErrors();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"issued {run.Issued}, skipped {run.Skipped} (already issued), failed {run.Failed}"));
        if (run.Failed > 0)
        {
            Cli.Error($"{run.Failed} row(s) were not issued; each is listed with its line and the reason in {Path.Combine(outDir, ErrorsFileName)}.");
            return ExitCodes.NotVerified;
        }

        return ExitCodes.Success;
    }

    private static async Task IssueAllAsync(CredentialIssuer issuer, CsvReader csv, CsvInput lines, string path, BatchRowMapper mapper, MicroCredential template, HashSet<long> malformed, Run run, CancellationToken ct)
    {
        // Writing a file and renaming it costs as much kernel time as signing on some file systems (ext4: ~0.5 ms),
        // so the results are written by as many writers as there are cores.
        await Parallel.ForEachAsync(
            issuer.IssueManyAsync(ReadItemsAsync(csv, lines, path, mapper, template, malformed, run, ct), BatchOptions.Default, ct),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            (result, _) =>
            {
                run.Complete(result);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
    }

    /// <summary>Refuses an export that is not text in its encoding before anything is issued, naming the line and column.</summary>
    private static void CheckText(string path, CsvEncoding encoding)
    {
        try
        {
            CsvInput.Check(path, encoding);
        }
        catch (InvalidTextException ex)
        {
            throw new UsageException(encoding == CsvEncoding.Utf8
                ? $"{path}: {ex.Message} Save the export as UTF-8, or give its encoding with --encoding (e.g. --encoding windows-1252)."
                : $"{path}: {ex.Message} Is --encoding {encoding.Name} the export's encoding?");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }

    private static (CsvReader Reader, CsvInput Lines) OpenCsv(string path, CsvEncoding encoding, HashSet<long>? malformedLines)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false, // a line break in a field is refused anyway: one stray quote cannot swallow the rows after it
            IncludeValuesInExceptions = false,
            Encoding = encoding.Legacy,
            MaxRecordSize = 4 * CsvInput.MaxLineBytes, // a guard only: CsvInput cuts every line at 1 MiB of the file (up to 3 MiB once transcoded to UTF-8)
        };
        if (malformedLines is not null)
        {
            options = options with { OnMalformedRecord = record => malformedLines.Add(record.LineNumber) };
        }

        try
        {
            var lines = CsvInput.Open(path, encoding);
            return (CsvReader.Create(lines, options, false), lines);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }

    private static async Task<BatchRowMapper> ReadHeaderAsync(CsvReader csv, CsvInput lines, string path, CancellationToken ct)
    {
        string[] headers;
        try
        {
            await csv.ReadHeaderAsync(ct).ConfigureAwait(false);
            headers = [.. csv.Headers];
        }
        catch (CsvFormatException ex)
        {
            throw new UsageException($"{path}: the header row is not valid CSV ({ex.GetType().Name}).");
        }
        catch (InvalidTextException ex)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }

        if (lines.OversizedLines.Contains(1))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{path}: the header row is longer than {CsvInput.MaxLineBytes} bytes."));
        }

        if (!BatchRowMapper.TryCreate(headers, out var mapper, out var problem))
        {
            throw new UsageException($"{path}: {problem.Message} (see samples/batch/README.md).");
        }

        return mapper;
    }

    /// <summary>Refuses a template that no row can fix: every problem it has must be in an element the CSV overrides.</summary>
    private static void CheckTemplate(MicroCredential template, BatchRowMapper mapper, string path)
    {
        var fatal = mapper.CheckTemplate(template);
        if (fatal.Count > 0)
        {
            throw new UsageException($"{path}: the template is not a complete micro-credential, and no column of the CSV fills in:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", fatal));
        }
    }

    /// <summary>
    /// Takes the output folder for this run: an exclusive lock on DIR/.mcred-batch.lock (FileShare.None; on Unix an
    /// advisory lock the system drops when the process ends, however it ends), held until the run is over. A second run
    /// on the same folder, while the first holds it, issues nothing and exits 2: two runs never sign the same row, and
    /// the temporary files of one are never taken for leftovers by the other.
    /// </summary>
    private static FileStream LockOutput(string outDir)
    {
        var path = Path.Combine(outDir, LockFileName);
        try
        {
            Directory.CreateDirectory(outDir);
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new UsageException($"{outDir} is in use by another 'mcred batch' run (it holds {path}); nothing was issued. Wait until it ends, then re-run this command: it issues only what is missing.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{outDir}: cannot use as the output folder: {ex.Message}");
        }
    }

    private static HashSet<string> PrepareOutput(string outDir)
    {
        try
        {
            Directory.CreateDirectory(outDir);
            var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.EnumerateFiles(outDir))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    File.Delete(file); // left by an interrupted run: its credential was never published
                }
                else if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    existing.Add(name[..^5]);
                }
            }

            return existing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{outDir}: cannot use as the output folder: {ex.Message}");
        }
    }

    private static async Task<long> CountRecordsAsync(string path, CsvEncoding encoding, CancellationToken ct)
    {
        await using var csv = OpenCsv(path, encoding, malformedLines: null).Reader;
        long n = 0;
        while (await csv.ReadAsync(ct).ConfigureAwait(false))
        {
            n++;
        }

        return n;
    }

    private static async IAsyncEnumerable<BatchItem> ReadItemsAsync(CsvReader csv, CsvInput lines, string path, BatchRowMapper mapper, MicroCredential template, HashSet<long> malformed, Run run, [EnumeratorCancellation] CancellationToken ct)
    {
        var firstLine = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var fields = new string[mapper.ColumnCount];
        while (await ReadRecordAsync(csv, path, ct).ConfigureAwait(false))
        {
            var line = csv.LineNumber;
            if (lines.OversizedLines.Contains(line))
            {
                // Cut at the limit by CsvInput: like a malformed line, its first field is not repeated.
                malformed.Remove(line);
                run.Bad(line, string.Empty, OversizedReason);
                continue;
            }

            var id = csv.FieldCount > 0 ? csv.GetString(0) : string.Empty;
            if (malformed.Remove(line))
            {
                // The first field of a malformed line may be the rest of someone's name: the line number alone identifies it.
                run.Bad(line, string.Empty, MalformedReason);
                continue;
            }

            if (mapper.CheckFieldCount(csv.FieldCount) is { } countProblem)
            {
                run.Bad(line, id, countProblem.Message);
                continue;
            }

            if (IdProblem(id) is { } idProblem)
            {
                run.Bad(line, id, idProblem);
                continue;
            }

            if (firstLine.TryGetValue(id, out var first))
            {
                run.Bad(line, id, string.Create(CultureInfo.InvariantCulture, $"duplicate row id: already used on line {first}"));
                continue;
            }

            firstLine.Add(id, line);
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i);
            }

            var mapped = mapper.Map(template, fields);
            if (!mapped.Succeeded)
            {
                run.Bad(line, id, mapped.ToString());
                continue;
            }

            if (run.AlreadyIssued(id))
            {
                continue;
            }

            run.Lines[id] = line;
            yield return new BatchItem(id, mapped.Model);
        }
    }

    /// <summary>The reason reported for a line with malformed quoting.</summary>
    internal const string MalformedReason = "malformed quoting (a stray or unclosed quote; a quoted field cannot span lines)";

    /// <summary>The reason reported for a line over <see cref="CsvInput.MaxLineBytes"/>.</summary>
    internal static readonly string OversizedReason = string.Create(CultureInfo.InvariantCulture, $"the line is longer than {CsvInput.MaxLineBytes} bytes (1 MiB)");

    /// <summary>The next record; input that cannot be read on (the file changed since it was checked) is unusable input.</summary>
    private static async ValueTask<bool> ReadRecordAsync(CsvReader csv, string path, CancellationToken ct)
    {
        try
        {
            return await csv.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (CsvFormatException ex)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{path}: cannot read on from line {ex.LineNumber}: the CSV is malformed there."));
        }
        catch (InvalidTextException ex)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }

    private static string? IdProblem(string id)
    {
        if (id.Length == 0)
        {
            return "the row id (first column) is empty";
        }

        if (HasControlCharacter(id))
        {
            return "the row id contains a control character";
        }

        if (id.Length > 100 || !SafeId().IsMatch(id) || id.EndsWith('.'))
        {
            return "the row id cannot be used as a file name (use at most 100 letters A-Z, digits, '.', '_' or '-', starting with a letter or digit)";
        }

        var stem = id.Split('.')[0].ToUpperInvariant();
        return stem is "CON" or "PRN" or "AUX" or "NUL" || ((stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && stem.Length == 4 && char.IsAsciiDigit(stem[3]))
            ? "the row id is a reserved device name on Windows and cannot be used as a file name"
            : null;
    }

    private static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));

    /// <summary>Per-run state shared by the reader of rows (one thread) and the writer of results (another).</summary>
    private sealed class Run(string outDir, HashSet<string> existing)
    {
        private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = Cli.Indented.Encoder };
        private readonly ConcurrentQueue<(long Line, string Id, string Reason)> _errors = new();
        private long _issued;
        private long _skipped;
        private long _failed;

        public ConcurrentDictionary<string, long> Lines { get; } = new(StringComparer.Ordinal);

        public Action? Progress { get; set; }

        public long Issued => Interlocked.Read(ref _issued);

        public long Skipped => Interlocked.Read(ref _skipped);

        public long Failed => Interlocked.Read(ref _failed);

        public void Bad(long line, string id, string reason)
        {
            _errors.Enqueue((line, id, reason));
            Interlocked.Increment(ref _failed);
            Progress?.Invoke();
        }

        public bool AlreadyIssued(string id)
        {
            if (!existing.Contains(id))
            {
                return false;
            }

            Interlocked.Increment(ref _skipped);
            Progress?.Invoke();
            return true;
        }

        public void Complete(BatchResult result)
        {
            Lines.TryRemove(result.Id, out var line);
            switch (result.Outcome)
            {
                case BatchOutcome.Issued:
                    if (Write(result.Id, result.Credential!))
                    {
                        Interlocked.Increment(ref _issued);
                        Progress?.Invoke();
                    }
                    else
                    {
                        Interlocked.Increment(ref _skipped); // another run wrote it first
                        Progress?.Invoke();
                    }

                    break;
                default:
                    // Invalid (the validation errors) or failed (only the signing error's code: the exception's message may quote the document).
                    Bad(line, result.Id, result.Problem!.Message);
                    break;
            }
        }

        /// <summary>Writes DIR/ID.json atomically: a hidden temporary file in the same folder, then a rename that never overwrites.</summary>
        private bool Write(string id, System.Text.Json.Nodes.JsonObject credential)
        {
            var final = Path.Combine(outDir, id + ".json");
            var temp = Path.Combine(outDir, "." + id + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024))
                {
                    using (var writer = new Utf8JsonWriter(stream, WriterOptions))
                    {
                        credential.WriteTo(writer);
                    }

                    stream.WriteByte((byte)'\n');
                }

                File.Move(temp, final, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(final))
            {
                File.Delete(temp);
                return false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{final}: cannot write: {ex.Message}");
            }
        }

        /// <summary>Writes DIR/errors.csv (line, id, reason; by line), or removes a stale one when every row was issued.</summary>
        public void WriteErrors()
        {
            var path = Path.Combine(outDir, ErrorsFileName);
            if (_errors.IsEmpty)
            {
                File.Delete(path);
                return;
            }

            var temp = Path.Combine(outDir, ".errors." + Guid.NewGuid().ToString("N") + ".tmp");
            using (var csv = CsvWriter.Create(File.Create(temp), CsvWriterOptions.Default with { Injection = CsvInjection.Escape, NewLine = "\n" }, false))
            {
                csv.WriteHeader(["line", "id", "reason"]);
                foreach (var (line, id, reason) in _errors.OrderBy(e => e.Line))
                {
                    csv.WriteRecord([line.ToString(CultureInfo.InvariantCulture), Printable(id), reason]);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
    }

    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Speed ?? 0:0}/s"));
    }
}
