using System.CommandLine;
using MicroCredentials.VC.Cli.Commands;

namespace MicroCredentials.VC.Cli;

/// <summary>mcred: issue, sign, verify and inspect EU micro-credentials.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Cli.Error(Words.Of(error));
            }

            Cli.Error("run 'mcred --help' or 'mcred <command> --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            Cli.Error(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            Cli.Error("cancelled.");
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The last line of defence: never a stack trace for the user.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Cli.Error(Words.Of(ex));
            return ExitCodes.BadInput;
        }
    }

    internal static RootCommand BuildRoot() => new("mcred: issue, sign, verify and inspect EU micro-credentials as W3C Verifiable Credentials (Europass EDC, Data Integrity EdDSA).")
    {
        DemoCommand.Create(),
        KeygenCommand.Create(),
        IssueCommand.Create(),
        SignCommand.Create(),
        VerifyCommand.Create(),
        PresentCommand.Create(),
        InspectCommand.Create(),
        CanonicalizeCommand.Create(),
        BenchCommand.Create(),
        StatusCommand.Create(),
        BatchCommand.Create(),
    };
}
