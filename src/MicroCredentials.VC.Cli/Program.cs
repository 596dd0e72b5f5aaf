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

        // Signals are ours (Termination), not System.CommandLine's: ProcessTerminationTimeout = null.
        using var termination = Termination.Register();
        try
        {
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(configuration, termination.Token).ConfigureAwait(false);
        }
        catch (Exception) when (termination.Requested)
        {
            // Whatever the command was doing when it saw the cancellation (OperationCanceledException, or an error of the
            // step it interrupted), it stopped because it was asked to.
            Cli.Error("cancelled: nothing more was written.");
            return ExitCodes.Cancelled;
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
