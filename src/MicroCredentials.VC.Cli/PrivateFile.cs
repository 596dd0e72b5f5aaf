using System.Text;

namespace MicroCredentials.VC.Cli;

/// <summary>
/// Writes the files that hold the issuer's secrets: key files (<c>keygen</c>, <c>demo --out</c>) and status list
/// allocation records (<c>status create</c>, <c>issue --status-list</c>, <c>status set|clear --out</c>). Every such file
/// is written the same way: a temporary file in the target's folder, created exclusively and (on Unix) with mode 0600
/// from the start, so the secret is never readable by others, not even for a moment; then renamed over the target, so a
/// reader never sees half a file. An existing target is refused unless the caller overwrites on purpose (<c>--force</c>,
/// or the record's own update under its lock).
/// </summary>
internal static class PrivateFile
{
    /// <summary>Owner read and write only (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The refusal for an existing private file, before anything is written.</summary>
    public static UsageException Exists(string path) =>
        new($"{path} exists and holds private data; it is not overwritten: choose another path, or pass --force to replace it.");

    /// <summary>Refuses an existing <paramref name="path"/> unless <paramref name="overwrite"/>: call it before any work whose result would then be lost.</summary>
    public static void EnsureWritable(string path, bool overwrite)
    {
        if (!overwrite && (File.Exists(path) || Directory.Exists(path)))
        {
            throw Exists(path);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/>, mode 0600, atomically.</summary>
    /// <exception cref="UsageException">The target exists and <paramref name="overwrite"/> is false, or it cannot be written.</exception>
    public static void Write(string path, string text, bool overwrite)
    {
        EnsureWritable(path, overwrite);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        Termination.Track(temp);
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            // Without overwrite, the move itself refuses a target that appeared meanwhile (another run).
            File.Move(temp, full, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(full))
        {
            throw Exists(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write: {ex.Message}");
        }
        finally
        {
            TryDelete(temp);
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
            // Left behind: a hidden, owner-only temporary file.
        }
    }
}
