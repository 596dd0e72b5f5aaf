using System.Globalization;

namespace MicroCredentials.VC;

/// <summary>
/// The one place misuse exceptions come from (null or malformed arguments, keys of the wrong kind, wrong buffer
/// lengths). Invalid credentials never throw; they fail a check with a code.
/// </summary>
/// <remarks>
/// Messages never contain secret key material: callers pass only lengths, field names and codec numbers.
/// </remarks>
internal static class Error
{
    internal static ArgumentException Argument(string paramName, string message) => new(message, paramName);

    internal static ArgumentException ArgumentLength(string paramName, int expected, int actual) =>
        new(string.Format(CultureInfo.InvariantCulture, "Expected {0} bytes, got {1}.", expected, actual), paramName);

    internal static ArgumentOutOfRangeException ArgumentOutOfRange(string paramName, string message) => new(paramName, message);

    internal static ObjectDisposedException Disposed(string objectName) => new(objectName);

    internal static InvalidOperationException InvalidOperation(string message) => new(message);

    internal static InvalidOperationException ExportNotAllowed() =>
        new("The private key cannot be exported: it was created or imported with KeyExportPolicy.None. "
            + "Pass KeyExportPolicy.AllowPlaintextExport when creating or importing the key to allow export.");

    internal static FormatException Format(string message) => new(message);

    internal static FormatException Format(string message, Exception inner) => new(message, inner);
    internal static ArgumentNullException ArgumentNull(string paramName) => new(paramName);

    internal static ArgumentException InvalidQuad(string paramName, int index, string message) =>
        new(string.Format(CultureInfo.InvariantCulture, "Quad {0} is not a valid RDF quad: {1}", index, message), paramName);

    internal static ArgumentOutOfRangeException ArgumentOutOfRange(string paramName, object? actualValue, string message) =>
        new(paramName, actualValue, message);
}
