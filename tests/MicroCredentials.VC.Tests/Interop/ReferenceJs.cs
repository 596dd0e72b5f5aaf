using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Interop;

/// <summary>The outcome of one run of the reference JavaScript harness (<c>tests/interop/vcjs.mjs</c>).</summary>
/// <param name="ExitCode">0 success or verified, 1 not verified, 2 usage or input error.</param>
/// <param name="Stdout">Everything the script wrote to stdout (UTF-8).</param>
/// <param name="Stderr">Everything the script wrote to stderr (UTF-8).</param>
internal sealed record ReferenceJsResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as JSON (the JSON-producing subcommands).</summary>
    public JsonNode Json =>
        JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("vcjs printed JSON null.");

    /// <summary>Fails the test unless the exit code is 0; returns this result for chaining.</summary>
    public ReferenceJsResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            Assert.Fail($"vcjs exited with {ExitCode}.\nstderr: {Stderr}\nstdout: {Stdout}");
        }

        return this;
    }
}

/// <summary>
/// Runs the reference JavaScript implementation (digitalbazaar vc / data-integrity / eddsa cryptosuites,
/// jsonld.js, jose) through the Node.js script in <c>tests/interop/vcjs.mjs</c>, so tests can check our output
/// against an independent implementation. See <c>tests/interop/README.md</c> for the subcommands and their JSON.
/// Node.js 20+ and npm are required: the tests fail (never skip) when they are missing.
/// </summary>
internal static class ReferenceJs
{
    /// <summary>How long one script run may take before it is killed and the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly Lock InstallLock = new();
    private static string? installFailure;
    private static bool installed;

    /// <summary>The folder holding <c>package.json</c>, the lockfile and <c>vcjs.mjs</c>.</summary>
    public static string InteropDir => Shared.Repo("tests", "interop");

    /// <summary>The harness script.</summary>
    public static string ScriptPath => Path.Combine(InteropDir, "vcjs.mjs");

    /// <summary>
    /// Runs <c>node vcjs.mjs SUBCOMMAND ARGS...</c> with <paramref name="stdin"/> as standard input (none when null),
    /// no shell involved, UTF-8 both ways, <see cref="DefaultTimeout"/>. Installs the npm packages first if needed.
    /// </summary>
    public static ReferenceJsResult Run(string subcommand, string? stdin, params string[] args) =>
        RunWithTimeout(DefaultTimeout, subcommand, stdin, args);

    /// <summary>As <see cref="Run"/>, with an explicit timeout.</summary>
    public static ReferenceJsResult RunWithTimeout(TimeSpan timeout, string subcommand, string? stdin, params string[] args)
    {
        ArgumentException.ThrowIfNullOrEmpty(subcommand);
        ArgumentNullException.ThrowIfNull(args);
        EnsureInstalled();
        string[] all = [ScriptPath, subcommand, .. args];
        var result = Exec("node", all, InteropDir, stdin, timeout);
        if (result is null)
        {
            Assert.Fail($"vcjs {subcommand} did not finish within {timeout.TotalSeconds:0} s and was killed.");
        }

        return result!;
    }

    /// <summary>Runs a subcommand that prints JSON, fails the test unless it exits 0, and returns the JSON.</summary>
    public static JsonNode RunJson(string subcommand, string? stdin, params string[] args) =>
        Run(subcommand, stdin, args).EnsureSuccess().Json;

    /// <summary>
    /// Makes sure <c>tests/interop/node_modules</c> matches the committed lockfile: runs
    /// <c>npm ci --no-audit --no-fund</c> when <c>node_modules</c> is missing or older than the lockfile, at most
    /// once per test run, under a machine-wide file lock so parallel test runs do not install over each other.
    /// Fails the test with a clear message when node or npm is not available or the install fails.
    /// </summary>
    public static void EnsureInstalled()
    {
        // The harness loads the published contexts from ../shared: without the data, skip (with that reason), not fail.
        _ = Shared.Vectors("contexts");
        lock (InstallLock)
        {
            if (installed)
            {
                return;
            }

            if (installFailure is not null)
            {
                Assert.Fail(installFailure);
            }

            try
            {
                installFailure = Install();
            }
            catch (Win32Exception e)
            {
                installFailure = "Node.js 20+ and npm must be on PATH for the interop tests (category Interop): "
                    + e.Message;
            }
#pragma warning disable CA1031 // any failure here becomes the one clear message every interop test reports
            catch (Exception e)
#pragma warning restore CA1031
            {
                installFailure = "Installing the interop harness (npm ci in tests/interop) failed: " + e.Message;
            }

            if (installFailure is not null)
            {
                Assert.Fail(installFailure);
            }

            installed = true;
        }
    }

    // Returns null on success, else the failure message.
    private static string? Install()
    {
        var node = Exec("node", ["--version"], InteropDir, null, TimeSpan.FromSeconds(30));
        if (node is null || node.ExitCode != 0)
        {
            return "Node.js is required for the interop tests (category Interop) but `node --version` failed: "
                + (node?.Stderr ?? "timed out") + ". Install Node.js 20 or later and npm.";
        }

        var version = node.Stdout.Trim().TrimStart('v');
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        if (!int.TryParse(dot > 0 ? version[..dot] : version, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || major < 20)
        {
            return $"The interop tests need Node.js 20 or later; found {node.Stdout.Trim()}.";
        }

        var lockFile = Path.Combine(InteropDir, "package-lock.json");
        if (!File.Exists(lockFile))
        {
            return "Missing " + lockFile + ": the interop harness is not checked out.";
        }

        var marker = Path.Combine(InteropDir, "node_modules", ".mcred-npm-ci");
        if (IsUpToDate(marker))
        {
            return null;
        }

        using var machineLock = AcquireFileLock(TimeSpan.FromMinutes(15));
        if (IsUpToDate(marker))
        {
            return null; // another test run installed while we waited
        }

        var npm = OperatingSystem.IsWindows()
            ? Exec("cmd.exe", ["/d", "/c", "npm", "ci", "--no-audit", "--no-fund"], InteropDir, null, InstallTimeout)
            : Exec("npm", ["ci", "--no-audit", "--no-fund"], InteropDir, null, InstallTimeout);
        if (npm is null)
        {
            return $"`npm ci` in {InteropDir} did not finish within {InstallTimeout.TotalMinutes:0} minutes.";
        }

        if (npm.ExitCode != 0)
        {
            return $"`npm ci` in {InteropDir} failed with exit code {npm.ExitCode}:\n{Tail(npm.Stderr)}\n{Tail(npm.Stdout)}";
        }

        File.WriteAllText(marker, "npm ci completed\n");
        return null;
    }

    private static bool IsUpToDate(string marker)
    {
        if (!File.Exists(marker))
        {
            return false;
        }

        var stamp = File.GetLastWriteTimeUtc(marker);
        return stamp >= File.GetLastWriteTimeUtc(Path.Combine(InteropDir, "package-lock.json"))
            && stamp >= File.GetLastWriteTimeUtc(Path.Combine(InteropDir, "package.json"));
    }

    private static FileStream AcquireFileLock(TimeSpan timeout)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(InteropDir))))[..16];
        var path = Path.Combine(Path.GetTempPath(), "mcred-interop-npm-" + key + ".lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static string Tail(string text, int max = 4000) =>
        text.Length <= max ? text : "..." + text[^max..];

    // Runs a program without a shell. Returns null when it timed out (it is killed with its children).
    private static ReferenceJsResult? Exec(string fileName, IEnumerable<string> args, string workingDirectory,
        string? stdin, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
            CreateNoWindow = true,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["MCRED_SHARED"] = Shared.Root;
        psi.Environment["npm_config_update_notifier"] = "false";
        psi.Environment["npm_config_fund"] = "false";
        psi.Environment["npm_config_audit"] = "false";
        psi.Environment["NO_COLOR"] = "1";

        using var process = new Process { StartInfo = psi };
        process.Start(); // Win32Exception when the program is not on PATH

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // the process exited without reading all of its input; its exit code and stderr tell why
        }

        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            process.WaitForExit();
            return null;
        }

        process.WaitForExit(); // drain the redirected streams
        return new ReferenceJsResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
