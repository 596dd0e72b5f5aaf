using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace MicroCredentials.VC.Cli;

/// <summary>
/// The one place where what the runtime and the parser say becomes what a user reads: option values in words
/// ("a whole number", not <c>System.Int32</c>), and no CLR type names, exception names or parameter names.
/// </summary>
internal static partial class Words
{
    /// <summary>A parse error in words: a value that does not convert names the option and what it expects.</summary>
    public static string Of(ParseError error)
    {
        var match = CannotParse().Match(error.Message);
        return match.Success
            ? $"{match.Groups["name"].Value}: '{match.Groups["value"].Value}' is not {Expected(match.Groups["type"].Value)}."
            : Clean(error.Message);
    }

    /// <summary>An exception nobody turned into a usage error, in words: its message without parameter or type names.</summary>
    public static string Of(Exception exception) => exception switch
    {
        UsageException => exception.Message,
        FileNotFoundException or DirectoryNotFoundException => "a file or folder does not exist: " + Clean(exception.Message),
        UnauthorizedAccessException => "permission denied: " + Clean(exception.Message),
        _ => "mcred could not finish (please report this): " + Clean(exception.Message),
    };

    /// <summary>What a value of the type is, in words.</summary>
    public static string Expected(string clrType)
    {
        string[] whole = ["Int16", "Int32", "Int64", "UInt16", "UInt32", "UInt64", "Byte"];
        return whole.Any(t => clrType.Contains("System." + t, StringComparison.Ordinal)) ? "a whole number"
            : clrType.Contains("System.Double", StringComparison.Ordinal) || clrType.Contains("System.Single", StringComparison.Ordinal) || clrType.Contains("System.Decimal", StringComparison.Ordinal) ? "a number, e.g. 2.5"
            : clrType.Contains("System.Boolean", StringComparison.Ordinal) ? "true or false"
            : clrType.Contains("System.DateTime", StringComparison.Ordinal) ? "a date-time with a time zone, e.g. 2026-06-30T10:00:00Z"
            : clrType.Contains("System.TimeSpan", StringComparison.Ordinal) ? "a duration, e.g. 00:00:30"
            : clrType.Contains("System.Uri", StringComparison.Ordinal) ? "a URL"
            : "a value of the expected kind";
    }

    /// <summary>Drops what only a .NET developer reads: <c>(Parameter 'x')</c>, type names in quotes.</summary>
    public static string Clean(string message)
    {
        var text = ParameterSuffix().Replace(message, string.Empty);
        return TypeName().Replace(text, m => Expected(m.Value));
    }

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@" ?\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"System(\.[A-Z][A-Za-z0-9_`]*)+")]
    private static partial Regex TypeName();
}
