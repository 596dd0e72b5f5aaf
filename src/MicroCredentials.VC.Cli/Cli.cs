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

    /// <summary>The Data Integrity proofs every signing command makes.</summary>
    public static readonly string[] DataIntegrityProofs = ["eddsa-rdfc-2022", "eddsa-jcs-2022"];

    /// <summary>
    /// The <c>--proof</c> option of a command: it offers (in its help and its accepted values) exactly the formats
    /// the command makes, so that help never offers what the command then refuses.
    /// </summary>
    public static Option<string> ProofOption(string defaultValue, params string[] accepted)
    {
        string[] formats = accepted.Length > 0 ? accepted : [.. DataIntegrityProofs, JadesCli.Proof, "jose"];
        var described = formats.Select(f => f switch
        {
            "eddsa-rdfc-2022" or "eddsa-jcs-2022" => f + " (Data Integrity)",
            JadesCli.Proof => f + " (a JAdES e-seal, with --cert)",
            "jose" => f + " (VC-JOSE-COSE vc+jwt, VC 2.0 only)",
            "jose-vp" => "jose (VC-JOSE-COSE vp+jwt)",
            _ => f,
        });
        var values = formats.Select(f => f == "jose-vp" ? "jose" : f).ToArray();
        return new Option<string>("--proof")
        {
            Description = "Proof format: " + string.Join(", ", described) + $"; default {defaultValue}.",
            DefaultValueFactory = _ => defaultValue,
        }.AcceptOnlyFromAmong(values);
    }

    public static Option<string[]> ResourceOption(string description = "Serve a JSON-LD context offline: URL=FILE. Repeatable.") =>
        new("--resource") { Description = description, AllowMultipleArgumentsPerToken = false };

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

            var info = new FileInfo(RequireFile(path));

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

    /// <summary>The path of an input file that exists and is a file; otherwise a usage error that says what the path is instead.</summary>
    public static string RequireFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("an input file name is empty.");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"{path}: is a directory, not a file.");
        }

        return File.Exists(path) ? path : throw new UsageException($"{path}: no such file.");
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

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("--out: the path is empty.");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"{path}: is a directory; --out needs a file name.");
        }

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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);

            // The message names the user's file, never the temporary file it is written through.
            throw new UsageException(ex switch
            {
                DirectoryNotFoundException => $"{path}: cannot write: the folder {Path.GetDirectoryName(full)} does not exist.",
                UnauthorizedAccessException => $"{path}: cannot write: permission denied.",
                _ => $"{path}: cannot write: {ex.Message.Replace(temp, full, StringComparison.Ordinal)}",
            });
        }
        finally
        {
            TryDelete(temp); // only there when the write or the rename failed
            Termination.Untrack(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or it cannot be removed: the error about the target is what matters.
        }
    }

    public static string ToJson(JsonNode node) => node.ToJsonString(Indented) + "\n";

    /// <summary>The key formats every <c>--key</c> accepts, said once.</summary>
    public const string KeyFormats =
        "(--key takes an Ed25519 key: a 'mcred keygen' file, a vc-di-eddsa or Open Badges test-vector key file, a private JWK, or a PKCS#8 PEM key; "
        + "with --proof jose also an EC or RSA key as JWK or PEM.)";

    public static LoadedKey LoadKey(string path)
    {
        var json = ReadInputText(path);
        return KeyFile.TryLoad(json, out var key, out var error)
            ? key
            : throw new UsageException($"{path}: not a usable Ed25519 key file: {error} {KeyFormats}");
    }

    public static ICryptosuite Suite(string name) => name switch
    {
        "eddsa-rdfc-2022" => Cryptosuites.EdDsaRdfc2022,
        "eddsa-jcs-2022" => Cryptosuites.EdDsaJcs2022,
        "ecdsa-rdfc-2019" => Cryptosuites.EcdsaRdfc2019,
        "ecdsa-jcs-2019" => Cryptosuites.EcdsaJcs2019,
        _ => throw new UsageException($"unknown proof format '{name}' (use eddsa-rdfc-2022 or eddsa-jcs-2022)."),
    };

    /// <summary>The number of dot-separated parts when the text is shaped like a compact JWS/JWT, else 0 (the library's one shape test).</summary>
    public static int TokenParts(string text) => Proofs.Jose.JoseSecuring.TokenParts(Encoding.UTF8.GetBytes(text));

    /// <summary>The message for a token with the wrong number of parts, the words <c>verify</c> reports.</summary>
    public static string MalformedToken(string source, int parts) => $"{source}: {Proofs.Jose.JwsCompact.MalformedParts(parts).Message}";

    public static void Error(string message) => Console.Error.WriteLine("mcred: " + message);

    public static void Note(string message) => Console.Error.WriteLine("note: " + message);

    public static void Warn(string message) => Console.Error.WriteLine("warning: " + message);
}
