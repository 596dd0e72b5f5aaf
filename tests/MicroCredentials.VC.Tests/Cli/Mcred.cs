using System.Diagnostics;
using System.Text;

namespace MicroCredentials.VC.Tests.Cli;

/// <summary>Runs the real mcred program (the built mcred.dll) as a process.</summary>
internal static class Mcred
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    public static Result Run(string? stdin, params string[] args) => RunWith(new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, stdin, args);

    /// <summary>Runs mcred with these environment variables set (a null value removes the variable).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "mcred.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                psi.Environment.Remove(name);
            }
            else
            {
                psi.Environment[name] = value;
            }
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("mcred " + string.Join(' ', args) + " did not finish");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A running mcred (stdin closed, stdout and stderr collected), for tests that signal it or run two at once.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        internal Running(Process process)
        {
            _process = process;
            _stdout = process.StandardOutput.ReadToEndAsync();
            _stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Close();
        }

        public bool HasExited => _process.HasExited;

        /// <summary>
        /// Waits until the process catches <paramref name="signal"/> (2 SIGINT, 15 SIGTERM; Linux: the SigCgt mask of
        /// /proc/PID/status), so that a signal sent then reaches mcred's handler rather than a default action during
        /// start-up; elsewhere, a fixed wait. False when the process ignores the signal (SigIgn): inherited from a parent
        /// that ignores it, e.g. a background job without job control, which mcred rightly respects.
        /// </summary>
        public bool WaitUntilCatching(int signal, TimeSpan timeout)
        {
            var status = $"/proc/{_process.Id}/status";
            var bit = 1UL << (signal - 1);
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < timeout && !_process.HasExited)
            {
                if (!File.Exists(status))
                {
                    Thread.Sleep(TimeSpan.FromSeconds(1));
                    return true;
                }

                var lines = File.ReadAllLines(status);
                if ((Mask(lines, "SigIgn:") & bit) != 0)
                {
                    return false;
                }

                if ((Mask(lines, "SigCgt:") & bit) != 0)
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            return true;
        }

        private static ulong Mask(string[] lines, string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
                ? ulong.Parse(line[name.Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)
                : 0;

        /// <summary>Sends a signal (INT, TERM) with kill(1), as a terminal or a service manager would.</summary>
        public void Signal(string name)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            kill.WaitForExit();
        }

        public Result Wait(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException("mcred did not finish in " + timeout);
            }

            return new Result(_process.ExitCode, _stdout.Result, _stderr.Result);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }

    /// <summary>Starts mcred without waiting for it.</summary>
    public static Running Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mcred.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        return new Running(Process.Start(psi)!);
    }
}
