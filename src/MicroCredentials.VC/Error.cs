using System.Globalization;

namespace MicroCredentials.VC;

/// <summary>
/// The one place misuse exceptions come from (null or malformed arguments, keys of the wrong kind, wrong buffer
/// lengths). Invalid credentials never throw; they fail a check with a code.
/// </summary>
internal static class Error
{
    internal static ArgumentException Argument(string paramName, string message) => new(message, paramName);

    internal static ArgumentException ArgumentLength(string paramName, int expected, int actual) =>
        new(string.Format(CultureInfo.InvariantCulture, "Expected {0} bytes, got {1}.", expected, actual), paramName);

    internal static ObjectDisposedException Disposed(string objectName) => new(objectName);

    internal static InvalidOperationException InvalidOperation(string message) => new(message);

    internal static FormatException Format(string message) => new(message);
}
