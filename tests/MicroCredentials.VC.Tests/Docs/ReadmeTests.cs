using System.Diagnostics;
using System.Text.RegularExpressions;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Docs;

public partial class ReadmeTests
{
    private static string Readme => File.ReadAllText(Shared.Repo("README.md"));

    [Test]
    public void QuickStart_InReadme_IsTheCompiledSample()
    {
        var match = QuickStartBlock().Match(Readme);
        Assert.That(match.Success, Is.True, "README has no C# quick start block");
        Assert.That(match.Groups[1].Value, Is.EqualTo(File.ReadAllText(Shared.Repo("samples", "QuickStart", "Program.cs"))));
    }

    [Test]
    public void QuickStart_Runs_AndVerifies()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QuickStart.dll"));
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True);
        Assert.That(process.ExitCode, Is.Zero, stdout.Result + stderr.Result);
        Assert.That(stdout.Result, Does.Contain("signature: passed"));
        Assert.That(stdout.Result, Does.EndWith("Verified." + Environment.NewLine));
    }

    [TestCase("dotnet run --project src/MicroCredentials.VC.Cli -- demo", TestName = "Readme_GivesTheMainJobCommand")]
    [TestCase("dotnet test MicroCredentials.VC.sln -c Release", TestName = "Readme_GivesTheTestCommand")]
    public void Readme_SetUpCommands(string command) => Assert.That(Readme, Does.Contain("\n" + command + "\n"));

    [Test]
    public void CiScript_RunsTheReadmeTestCommand() =>
        Assert.That(File.ReadAllText(Shared.Repo(".ci", "run")), Does.Contain("dotnet test MicroCredentials.VC.sln -c Release"));

    [GeneratedRegex("## Quick start \\(C#\\).*?```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();
}
