using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.VC.Status;

/// <summary>
/// The purposes of a status list this library issues and checks (W3C Bitstring Status List v1.0 §2.1,
/// <c>statusPurpose</c>). One list has one purpose; a credential can carry one entry per purpose.
/// </summary>
public enum StatusPurpose
{
    /// <summary><c>revocation</c>: a set bit cancels the credential for good (not reversible, §2.1).</summary>
    Revocation,

    /// <summary><c>suspension</c>: a set bit holds the credential temporarily; clearing it makes the credential acceptable again.</summary>
    Suspension,
}

/// <summary>Converts <see cref="StatusPurpose"/> to and from its JSON name.</summary>
public static class StatusPurposes
{
    /// <summary>The JSON name of a purpose: <c>revocation</c> or <c>suspension</c>.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>The name used in <c>statusPurpose</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purpose"/> is not a defined value.</exception>
    public static string ToName(StatusPurpose purpose) => purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
        _ => throw Error.ArgumentOutOfRange(nameof(purpose), purpose, "Not a status purpose."),
    };

    /// <summary>Reads a purpose from its JSON name (exact, case-sensitive: <c>revocation</c>, <c>suspension</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="purpose">The purpose, when the name is one of this library's.</param>
    /// <returns>Whether the name is <c>revocation</c> or <c>suspension</c>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out StatusPurpose purpose)
    {
        switch (name)
        {
            case "revocation":
                purpose = StatusPurpose.Revocation;
                return true;
            case "suspension":
                purpose = StatusPurpose.Suspension;
                return true;
            default:
                purpose = default;
                return false;
        }
    }
}
