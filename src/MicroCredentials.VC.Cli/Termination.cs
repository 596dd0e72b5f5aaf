using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MicroCredentials.VC.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM, handled once for every command instead of by System.CommandLine (whose handler waits
/// a fixed time on the signal thread and fails on a second signal). The first signal cancels <see cref="Token"/>, the
/// token every command passes to the library: the work stops at its next cancellation point, no output is written
/// (outputs are written to a temporary file and renamed only when complete), and mcred exits
/// <see cref="ExitCodes.Cancelled"/>. A second signal stops at once, with the same exit code, after deleting the
/// temporary files being written.
/// </summary>
internal sealed class Termination : IDisposable
{
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    private Termination()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // No signals here (e.g. a browser): the default handling stays.
            }
        }
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Whether a signal asked mcred to stop.</summary>
    public bool Requested => Volatile.Read(ref _signals) > 0;

    /// <summary>Starts handling SIGINT and SIGTERM.</summary>
    public static Termination Register() => new();

    /// <summary>Records a temporary file being written, to be deleted if mcred is stopped at once.</summary>
    public static void Track(string path) => Pending.TryAdd(path, 0);

    /// <summary>The temporary file is renamed or deleted.</summary>
    public static void Untrack(string path) => Pending.TryRemove(path, out _);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // mcred decides how it ends
        if (Interlocked.Increment(ref _signals) == 1)
        {
            Console.Error.WriteLine($"mcred: {context.Signal}: stopping (again to stop at once)...");

            // Off the signal thread: cancellation callbacks run synchronously and must not delay the next signal.
            _ = Task.Run(() =>
            {
                try
                {
                    _cancellation.Cancel();
                }
                catch (AggregateException)
                {
                    // A callback failed; the token is cancelled all the same.
                }
                catch (ObjectDisposedException)
                {
                    // The command has ended meanwhile.
                }
            });
            return;
        }

        foreach (var path in Pending.Keys)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a hidden temporary file, never the output itself.
            }
        }

        Environment.Exit(ExitCodes.Cancelled);
    }
}
