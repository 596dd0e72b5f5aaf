namespace MicroCredentials.VC.JsonLd;

/// <summary>
/// Raised when a JSON-LD document or context is invalid (JSON-LD 1.1 Processing Algorithms and API §9.4.2,
/// <c>JsonLdErrorCode</c>), when a document cannot be loaded, or when safe mode rejects a value that expansion
/// would otherwise drop silently.
/// </summary>
/// <remarks>
/// <see cref="Code"/> is the spec's error-code string (for example <c>protected term redefinition</c>) or, for safe
/// mode, the event code used by jsonld.js safe mode (for example <c>invalid property</c>). The message names the
/// offending term or IRI, never a literal value from the document.
/// </remarks>
public sealed class JsonLdException : Exception
{
    /// <summary>Creates an exception with an error code and a message.</summary>
    /// <param name="code">The JSON-LD error code (see <see cref="JsonLdErrorCode"/>).</param>
    /// <param name="message">A message for a person.</param>
    public JsonLdException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Creates an exception with an error code, a message and the exception that caused it.</summary>
    /// <param name="code">The JSON-LD error code (see <see cref="JsonLdErrorCode"/>).</param>
    /// <param name="message">A message for a person.</param>
    /// <param name="innerException">The cause.</param>
    public JsonLdException(string code, string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Creates an exception with the generic code <see cref="JsonLdErrorCode.LoadingDocumentFailed"/>.</summary>
    public JsonLdException()
        : this(JsonLdErrorCode.LoadingDocumentFailed, "JSON-LD processing failed.")
    {
    }

    /// <summary>Creates an exception with the generic code <see cref="JsonLdErrorCode.LoadingDocumentFailed"/>.</summary>
    /// <param name="message">A message for a person.</param>
    public JsonLdException(string message)
        : this(JsonLdErrorCode.LoadingDocumentFailed, message)
    {
    }

    /// <summary>Creates an exception with the generic code <see cref="JsonLdErrorCode.LoadingDocumentFailed"/>.</summary>
    /// <param name="message">A message for a person.</param>
    /// <param name="innerException">The cause.</param>
    public JsonLdException(string message, Exception? innerException)
        : this(JsonLdErrorCode.LoadingDocumentFailed, message, innerException)
    {
    }

    /// <summary>
    /// Where in the input document the problem is, as a JSONPath such as <c>$.credentialSubject.degree</c> (set for
    /// safe-mode violations found during expansion); <see langword="null"/> when unknown.
    /// </summary>
    public string? JsonPath { get; init; }

    /// <summary>The error code: a JSON-LD 1.1 API error code, or a safe-mode event code.</summary>
    public string Code { get; }

    /// <summary>Whether the code is one raised only by safe mode (see <see cref="JsonLdErrorCode"/>).</summary>
    public bool IsSafeModeViolation => JsonLdErrorCode.IsSafeModeCode(Code);
}
