using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Cli;

/// <summary>Exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int NotVerified = 1;
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl-C (SIGINT) or SIGTERM before the end: nothing was written (batch: what was issued is complete; re-run to go on). 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}

/// <summary>Input that cannot be used: printed to stderr as one line, exit code 2, no stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Shared options and I/O of the commands.</summary>
internal static class Cli
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Option<string?> InOption(string description = "Input file; '-' or absent reads stdin.") =>
        new("--in") { Description = description };

    public static Option<string?> OutOption() => new("--out") { Description = "Output file; stdout when absent." };

    public static Option<string> KeyOption(bool required = true) =>
        new("--key") { Description = "Ed25519 key file (from 'mcred keygen', or a vc-di-eddsa / Open Badges test-vector key).", Required = required };

    public static Option<string> ProofOption(string defaultValue) => new Option<string>("--proof")
    {
        Description = "Proof format: eddsa-rdfc-2022 or eddsa-jcs-2022 (Data Integrity), jades (a JAdES e-seal, with --cert), or jose (VC-JOSE-COSE vc+jwt, VC 2.0 only).",
        DefaultValueFactory = _ => defaultValue,
    }.AcceptOnlyFromAmong("eddsa-rdfc-2022", "eddsa-jcs-2022", JadesCli.Proof, "jose");

    public static Option<DateTimeOffset?> DateTimeOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            if (XsdDateTime.TryParse(text, out var value))
            {
                return value;
            }

            r.AddError($"{name}: '{text}' is not an ISO 8601 date-time with a time zone, e.g. 2026-06-30T10:00:00Z.");
            return null;
        },
    };

    /// <summary>Reads an input whole, refusing one over the library's size limit (<see cref="InputLimits.MaxDocumentBytes"/>, the same for every command).</summary>
    public static byte[] ReadInputBytes(string? path, int? limit = null)
    {
        var maxBytes = limit ?? InputLimits.Default.MaxDocumentBytes;
        try
        {
            if (path is null or "-")
            {
                if (!Console.IsInputRedirected)
                {
                    throw new UsageException("no input: give --in FILE or pipe the document to stdin.");
                }

                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                return buffer.Length > maxBytes ? throw new UsageException($"the input is larger than {maxBytes} bytes.") : buffer.ToArray();
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new UsageException($"{path}: no such file.");
            }

            return info.Length > maxBytes ? throw new UsageException($"{path}: larger than {maxBytes} bytes.") : File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new UsageException($"{path ?? "stdin"}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }

    /// <summary>Reads a text input: strict UTF-8 (a byte-order mark is skipped), refused with its line and column where it is not.</summary>
    public static string ReadInputText(string? path) => DecodeText(ReadInputBytes(path), path ?? "stdin");

    /// <summary>Decodes strict UTF-8 (see <see cref="StrictText"/>); never replaces a byte with U+FFFD.</summary>
    public static string DecodeText(byte[] bytes, string source) =>
        StrictText.TryDecodeUtf8(bytes, out var text, out var invalidAt)
            ? text
            : throw new UsageException($"{source}: {StrictText.NotUtf8(invalidAt.Value)} Save the file as UTF-8.");

    public static JsonObject ReadJsonObject(string? path, string what) => ParseJsonObject(ReadInputBytes(path), path ?? "stdin", what);

    /// <summary>Parses a JSON input with the checks of every JSON the library reads (<see cref="JsonInput"/>: strict UTF-8, no member name twice, depth, numbers).</summary>
    public static JsonObject ParseJsonObject(byte[] bytes, string source, string what)
    {
        if (!JsonInput.TryParse(bytes, int.MaxValue, 128, out var node, out var problem))
        {
            throw new UsageException($"{source}: the {what} is not usable JSON: {problem.Message}");
        }

        return node as JsonObject ?? throw new UsageException($"{source}: the {what} must be a JSON object.");
    }

    public static void WriteOutput(string? path, string text)
    {
        if (path is null or "-")
        {
            var stdout = Console.OpenStandardOutput();
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stdout.Write(bytes);
            stdout.Flush();
            return;
        }

        try
        {
            var full = Path.GetFullPath(path);
            // A new file of an unguessable name, never one that exists (a planted link would redirect the write).
            var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            Termination.Track(temp);
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(new UTF8Encoding(false).GetBytes(text));
                }

                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                File.Delete(temp); // only left when the write or the rename failed
                Termination.Untrack(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write: {ex.Message}");
        }
    }

    public static string ToJson(JsonNode node) => node.ToJsonString(Indented) + "\n";

    public static LoadedKey LoadKey(string path)
    {
        var json = ReadInputText(path);
        return KeyFile.TryLoad(json, out var key, out var error)
            ? key
            : throw new UsageException($"{path}: not a usable Ed25519 key file: {error}");
    }

    public static ICryptosuite Suite(string name) => name switch
    {
        "eddsa-rdfc-2022" => Cryptosuites.EdDsaRdfc2022,
        "eddsa-jcs-2022" => Cryptosuites.EdDsaJcs2022,
        _ => throw new UsageException($"unknown proof format '{name}' (use eddsa-rdfc-2022 or eddsa-jcs-2022)."),
    };

    public static void Error(string message) => Console.Error.WriteLine("mcred: " + message);

    public static void Note(string message) => Console.Error.WriteLine("note: " + message);

}
