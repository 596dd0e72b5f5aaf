using Spectre.Console;

namespace MicroCredentials.VC.Cli;

/// <summary>
/// The one place that decides whether output is styled: colour and other ANSI styling only when the stream is a
/// terminal, and never when <c>NO_COLOR</c> is set to a non-empty value (https://no-color.org). Every Spectre
/// console of the commands comes from here, so a redirected stream or a CI log never receives escape codes.
/// </summary>
internal static class Terminal
{
    /// <summary>Whether to write ANSI styling to a stream.</summary>
    /// <param name="redirected">Whether the stream is redirected (a file or a pipe, not a terminal).</param>
    /// <param name="noColor">The value of the <c>NO_COLOR</c> environment variable.</param>
    public static bool UseAnsi(bool redirected, string? noColor) => !redirected && string.IsNullOrEmpty(noColor);

    /// <summary>A console for standard output.</summary>
    public static IAnsiConsole Stdout() => Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>A console for standard error (progress).</summary>
    public static IAnsiConsole Stderr() => Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var ansi = UseAnsi(redirected, Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            // Spectre's CI enrichers (GitHub Actions, …) would turn ANSI back on for a redirected stream.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
    }
}
