namespace MicroCredentials.VC;

/// <summary>
/// Why an operation did not succeed: a stable code for programs and support, and a sentence a person understands.
/// Every <c>Try*</c> method and result type of this library reports its failure as one.
/// </summary>
/// <param name="Code">A stable code, e.g. <c>key.malformed</c> or <c>status.listExpired</c>; never localized.</param>
/// <param name="Message">What went wrong and, where it helps, what to do. Never contains personal data or secret key material.</param>
public sealed record Problem(string Code, string Message)
{
    /// <summary><c>code: message</c>.</summary>
    /// <returns>One line.</returns>
    public override string ToString() => Code + ": " + Message;
}
