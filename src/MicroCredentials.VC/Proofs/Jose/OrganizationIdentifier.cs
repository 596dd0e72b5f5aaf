using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// The legal-person identifier of an eIDAS seal certificate: the subject's <c>organizationIdentifier</c> attribute
/// (OID 2.5.4.97, X.520), in the form of ETSI EN 319 412-1 §5.1.4: three letters naming the identity type
/// (<c>VAT</c>, <c>NTR</c>, <c>PSD</c>, <c>LEI</c>), the ISO 3166-1 alpha-2 country code (or <c>EL</c> for Greece
/// in VAT numbers, <c>XG</c> for global schemes), a hyphen, and the identifier itself, e.g. <c>VATES-A00000000</c>,
/// <c>NTREE-17207834</c>.
/// </summary>
/// <param name="Value">The attribute value as written in the certificate.</param>
public sealed partial record OrganizationIdentifier(string Value)
{
    /// <summary>The object identifier of the <c>organizationIdentifier</c> attribute (X.520): <c>2.5.4.97</c>.</summary>
    public const string AttributeOid = "2.5.4.97";

    /// <summary>The identity type (<c>VAT</c>, <c>NTR</c>, …) when the value has the EN 319 412-1 form; otherwise null.</summary>
    public string? Semantics => Parts() is { } p ? p.Groups[1].Value : null;

    /// <summary>The two-letter country code when the value has the EN 319 412-1 form; otherwise null.</summary>
    public string? Country => Parts() is { } p ? p.Groups[2].Value : null;

    /// <summary>The identifier after the hyphen when the value has the EN 319 412-1 form; otherwise the whole value.</summary>
    public string Identifier => Parts() is { } p ? p.Groups[3].Value : Value;

    /// <summary>Reads the <c>organizationIdentifier</c> of a certificate's subject.</summary>
    /// <param name="certificate">The (seal) certificate.</param>
    /// <param name="identifier">The identifier, when the subject has one.</param>
    /// <returns>Whether the subject carries an <c>organizationIdentifier</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    public static bool TryFromCertificate(X509Certificate2 certificate, [NotNullWhen(true)] out OrganizationIdentifier? identifier)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            if (rdn.GetSingleElementType().Value == AttributeOid && rdn.GetSingleElementValue() is { Length: > 0 } value)
            {
                identifier = new OrganizationIdentifier(value.Trim());
                return true;
            }
        }

        identifier = null;
        return false;
    }

    /// <summary>
    /// Whether an issuer's legal identifier (an ELM <c>LegalIdentifier</c> <c>notation</c>) names this organisation.
    /// Compared without case, spaces, dots, hyphens or slashes, it matches when it is:
    /// the whole value (<c>VATES-A00000000</c>);
    /// the identifier after the prefix when the legal identifier's country is the prefix's country
    /// (<c>17207834</c> issued in Estonia for <c>NTREE-17207834</c>);
    /// or, for the <c>VAT</c> type, the country code followed by the identifier, as VAT numbers are written
    /// (<c>BE0123456789</c> for <c>VATBE-0123456789</c>; Greece as <c>EL</c> or <c>GR</c>).
    /// </summary>
    /// <param name="notation">The issuer's legal identifier.</param>
    /// <param name="country">The ISO 3166-1 alpha-2 country of that identifier (or of the issuer), when known.</param>
    /// <returns>Whether they name the same organisation.</returns>
    public bool Matches(string? notation, string? country)
    {
        if (string.IsNullOrWhiteSpace(notation))
        {
            return false;
        }

        var candidate = Normalize(notation);
        if (candidate.Length == 0)
        {
            return false;
        }

        if (candidate == Normalize(Value))
        {
            return true;
        }

        if (Parts() is not { } parts)
        {
            return false;
        }

        var prefixCountry = parts.Groups[2].Value;
        var id = Normalize(parts.Groups[3].Value);
        if (id.Length == 0)
        {
            return false;
        }

        if (candidate == id && country is not null && SameCountry(country, prefixCountry))
        {
            return true;
        }

        if (parts.Groups[1].Value == "VAT")
        {
            foreach (var code in CountryAliases(prefixCountry))
            {
                if (candidate == code + id)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The value.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;

    private Match? Parts()
    {
        var match = Form().Match(Value);
        return match.Success ? match : null;
    }

    private static bool SameCountry(string a, string b) =>
        CountryAliases(a.ToUpperInvariant()).Contains(b.ToUpperInvariant(), StringComparer.Ordinal);

    private static string[] CountryAliases(string code) => code switch
    {
        "EL" or "GR" => ["EL", "GR"],
        _ => [code],
    };

    private static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && c is not ('.' or '-' or '/'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("^([A-Z]{3})([A-Z]{2})-(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
