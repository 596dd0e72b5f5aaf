using System.Globalization;
using System.Text.RegularExpressions;

namespace MicroCredentials.VC.Model;

/// <summary>
/// XML Schema 1.1 <c>dateTimeStamp</c> values (an <c>xsd:dateTime</c> with a time zone), as the VC data model
/// requires for <c>validFrom</c>, <c>validUntil</c>, <c>issuanceDate</c>, <c>expirationDate</c> and proof <c>created</c>.
/// </summary>
public static partial class XsdDateTime
{
    /// <summary>Parses a date-time that carries a time zone (<c>Z</c> or <c>±hh:mm</c>).</summary>
    /// <param name="value">E.g. <c>2026-06-30T12:00:00Z</c> or <c>2026-06-30T14:00:00.5+02:00</c>.</param>
    /// <param name="result">The instant.</param>
    /// <returns>False for anything else, including date-times without a time zone.</returns>
    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        return value is not null && Pattern().IsMatch(value) &&
               DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out result);
    }

    /// <summary>Formats an instant in UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>, with fractional seconds only when present.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
