using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Trust;

/// <summary>One trusted (accredited) issuer of a <see cref="TrustList"/>.</summary>
/// <param name="Id">What identifies it: a DID, a URL, or an organisation identifier (eIDAS organisationIdentifier such as <c>VATBE-0123456789</c>, a VAT or registration number).</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">Its country (ISO 3166-1 alpha-2, e.g. <c>BE</c>).</param>
public sealed record TrustedIssuer(string Id, string Name, string Country)
{
    /// <summary>The accrediting body (a quality assurance agency, a ministry), when known.</summary>
    public string? AccreditedBy { get; init; }

    /// <summary>The start of the accreditation (inclusive); unbounded when null.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>The end of the accreditation (exclusive); unbounded when null.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Whether the accreditation covers a time.</summary>
    /// <param name="at">The time.</param>
    /// <returns>True when <see cref="ValidFrom"/> ≤ <paramref name="at"/> &lt; <see cref="ValidUntil"/>.</returns>
    public bool IsValidAt(DateTimeOffset at) => (ValidFrom is not { } from || at >= from) && (ValidUntil is not { } until || at < until);

    internal string Period() => (ValidFrom, ValidUntil) switch
    {
        (null, null) => "without time limit",
        ({ } f, null) => "from " + XsdDateTime.Format(f),
        (null, { } u) => "until " + XsdDateTime.Format(u),
        ({ } f, { } u) => "from " + XsdDateTime.Format(f) + " until " + XsdDateTime.Format(u),
    };
}

/// <summary>
/// A local register of trusted providers, in the spirit of DEQAR and the EU trusted lists, read from the trust-list
/// file of <c>mcred verify --trust FILE</c>:
/// <c>{"issuers": [{"id", "name", "country", "accreditedBy"?, "validFrom"?, "validUntil"?}], "certificates": [PEM, …]}</c>.
/// </summary>
/// <remarks>
/// An issuer matches an entry when its <see cref="IssuerIdentity.Id"/> equals the entry's <c>id</c> (exactly), or one
/// of its <see cref="IssuerIdentity.LegalIdentifiers"/> does (ignoring case and surrounding spaces). It is trusted at a
/// time when a matching entry's validity covers that time. <c>validFrom</c>/<c>validUntil</c> are XML Schema dateTime
/// values with a time zone, or dates (<c>2026-01-31</c>: <c>validFrom</c> from the start of that day UTC,
/// <c>validUntil</c> through its end). <c>certificates</c> are PEM certificates (root CAs of accredited providers' seals).
/// </remarks>
public sealed class TrustList : ITrustRegistry
{
    /// <summary>Largest accepted trust-list file (16 MiB).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Creates a trust list.</summary>
    /// <param name="issuers">The trusted issuers.</param>
    /// <param name="certificates">Trusted certificates, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="issuers"/> or one of the entries is <see langword="null"/>.</exception>
    public TrustList(IEnumerable<TrustedIssuer> issuers, IEnumerable<X509Certificate2>? certificates = null)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        Issuers = [.. issuers];
        Certificates = certificates is null ? [] : [.. certificates];
        if (Issuers.Any(i => i is null) || Certificates.Any(c => c is null))
        {
            throw Error.Argument(nameof(issuers), "Trust-list entries must not be null.");
        }
    }

    /// <summary>The trusted issuers.</summary>
    public IReadOnlyList<TrustedIssuer> Issuers { get; }

    /// <summary>The trusted certificates (for e-seal chains).</summary>
    public IReadOnlyList<X509Certificate2> Certificates { get; }

    /// <summary>Reads a trust-list file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The trust list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">The file is not a valid trust list (the message names the entry and the member).</exception>
    public static TrustList Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxBytes)
        {
            throw Error.Format($"The trust list is {info.Length} bytes, over the limit of {MaxBytes} bytes.");
        }

        return Parse(File.ReadAllBytes(path));
    }

    /// <summary>Reads a trust list from its JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <returns>The trust list.</returns>
    /// <exception cref="FormatException">Not a valid trust list (the message names the entry and the member).</exception>
    public static TrustList Parse(ReadOnlySpan<byte> utf8Json) =>
        TryParseCore(utf8Json, out var list, out var error) ? list : throw Error.Format(error);

    /// <summary>Reads a trust list from its JSON without throwing.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="list">The trust list, when valid.</param>
    /// <param name="problem">What is wrong: code <see cref="MalformedCode"/>, and a message naming the entry and the member.</param>
    /// <returns>Whether the JSON is a valid trust list.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out TrustList? list, [NotNullWhen(false)] out Problem? problem)
    {
        problem = TryParseCore(utf8Json, out list, out var error) ? null : new Problem(MalformedCode, error);
        return problem is null;
    }

    /// <summary>The code of every <see cref="TryParse"/> failure: the JSON is not a trust list this library reads.</summary>
    public const string MalformedCode = "trustList.malformed";

    private static bool TryParseCore(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out TrustList? list, [NotNullWhen(false)] out string? error)
    {
        list = null;
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (!JsonInput.TryParse(utf8Json, MaxBytes, 32, out var node, out var jsonProblem))
        {
            error = "The trust list is not valid JSON: " + jsonProblem.Message;
            return false;
        }

        if (node is not JsonObject root)
        {
            error = "The trust list must be a JSON object {\"issuers\": [...], \"certificates\": [...]}.";
            return false;
        }

        foreach (var (name, _) in root)
        {
            if (name is not "issuers" and not "certificates" and not "@context" and not "name" and not "description")
            {
                error = $"The trust list has an unknown member \"{name}\" (expected \"issuers\" and \"certificates\").";
                return false;
            }
        }

        var issuers = new List<TrustedIssuer>();
        if (root["issuers"] is not JsonArray entries)
        {
            error = "The trust list must have an \"issuers\" array (it may be empty).";
            return false;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (!TryReadIssuer(entries[i], out var issuer, out var problem))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"issuers[{i}]: {problem}");
                return false;
            }

            issuers.Add(issuer);
        }

        var certificates = new List<X509Certificate2>();
        switch (root["certificates"])
        {
            case null:
                break;
            case JsonArray pems:
                for (var i = 0; i < pems.Count; i++)
                {
                    if (!TryReadCertificates(pems[i], certificates, out var problem))
                    {
                        error = string.Create(CultureInfo.InvariantCulture, $"certificates[{i}]: {problem}");
                        return false;
                    }
                }

                break;
            default:
                error = "\"certificates\" must be an array of PEM certificates.";
                return false;
        }

        list = new TrustList(issuers, certificates);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public ValueTask<TrustDecision> CheckIssuerAsync(IssuerIdentity issuer, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var matches = Issuers.Where(e => Matches(e, issuer)).ToList();
        var who = Describe(issuer);
        if (matches.Count == 0)
        {
            return ValueTask.FromResult(new TrustDecision(false, "accreditation.notListed", $"The issuer {who} is not in the trust list."));
        }

        var valid = matches.FirstOrDefault(e => e.IsValidAt(at));
        if (valid is null)
        {
            var entry = matches[0];
            return ValueTask.FromResult(new TrustDecision(false, "accreditation.outsideValidity", $"{entry.Name} ({entry.Country}) is in the trust list as {entry.Id}, but accredited only {string.Join("; ", matches.Select(m => m.Period()))}, not at {XsdDateTime.Format(at)}."));
        }

        return ValueTask.FromResult(new TrustDecision(true, null, $"{valid.Name} ({valid.Country}) is in the trust list as {valid.Id}{(valid.AccreditedBy is { } body ? ", accredited by " + body : string.Empty)}, {valid.Period()} (checked at {XsdDateTime.Format(at)})."));
    }

    private static bool Matches(TrustedIssuer entry, IssuerIdentity issuer) =>
        (issuer.Id is { } id && string.Equals(entry.Id, id, StringComparison.Ordinal))
        || issuer.LegalIdentifiers.Any(l => string.Equals(entry.Id.Trim(), l?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Describe(IssuerIdentity issuer)
    {
        var text = issuer.Id ?? "(no id)";
        return issuer.LegalIdentifiers.Count == 0 ? text : text + " (organisation identifiers: " + string.Join(", ", issuer.LegalIdentifiers) + ")";
    }

    private static bool TryReadIssuer(JsonNode? node, [NotNullWhen(true)] out TrustedIssuer? issuer, [NotNullWhen(false)] out string? error)
    {
        issuer = null;
        if (node is not JsonObject entry)
        {
            error = "an issuer entry must be an object {\"id\", \"name\", \"country\", ...}.";
            return false;
        }

        foreach (var (member, _) in entry)
        {
            if (member is not "id" and not "name" and not "country" and not "accreditedBy" and not "validFrom" and not "validUntil")
            {
                error = $"unknown member \"{member}\" (expected id, name, country, accreditedBy, validFrom, validUntil).";
                return false;
            }
        }

        if (!TryString(entry, "id", required: true, out var id, out error)
            || !TryString(entry, "name", required: true, out var name, out error)
            || !TryString(entry, "country", required: true, out var country, out error)
            || !TryString(entry, "accreditedBy", required: false, out var accreditedBy, out error)
            || !TryDate(entry, "validFrom", endOfDay: false, out var from, out error)
            || !TryDate(entry, "validUntil", endOfDay: true, out var until, out error))
        {
            return false;
        }

        if (!CountryCodes.IsKnownAlpha2(country!.ToUpperInvariant()))
        {
            error = $"\"country\" must be an ISO 3166-1 alpha-2 code (e.g. \"BE\"), not \"{country}\".";
            return false;
        }

        if (from is { } f && until is { } u && u <= f)
        {
            error = "\"validUntil\" must be later than \"validFrom\".";
            return false;
        }

        issuer = new TrustedIssuer(id!, name!, country.ToUpperInvariant()) { AccreditedBy = accreditedBy, ValidFrom = from, ValidUntil = until };
        return true;
    }

    private static bool TryString(JsonObject entry, string name, bool required, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        switch (entry[name])
        {
            case null when !required:
                return true;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetValue<string>()):
                value = v.GetValue<string>().Trim();
                return true;
            default:
                error = $"\"{name}\" {(required ? "is required and " : string.Empty)}must be a non-empty string.";
                return false;
        }
    }

    private static bool TryDate(JsonObject entry, string name, bool endOfDay, out DateTimeOffset? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (!TryString(entry, name, required: false, out var text, out error))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (XsdDateTime.TryParse(text, out var dateTime))
        {
            value = dateTime;
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            value = endOfDay ? start.AddDays(1) : start;
            return true;
        }

        error = $"\"{name}\" must be an XML Schema dateTime with a time zone (2026-01-31T00:00:00Z) or a date (2026-01-31), not \"{text}\".";
        return false;
    }

    private static bool TryReadCertificates(JsonNode? node, List<X509Certificate2> certificates, [NotNullWhen(false)] out string? error)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            error = "must be a PEM certificate string (-----BEGIN CERTIFICATE----- …).";
            return false;
        }

        var text = v.GetValue<string>().AsSpan();
        var found = 0;
        while (PemEncoding.TryFind(text, out var fields))
        {
            if (!text[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                error = "holds a PEM block labelled \"" + text[fields.Label].ToString() + "\"; only CERTIFICATE blocks are allowed (never private keys).";
                return false;
            }

            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(text[fields.Base64Data], der, out _))
            {
                error = "holds a certificate whose base64 is invalid.";
                return false;
            }

            try
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(der));
            }
            catch (CryptographicException ex)
            {
                error = "holds a certificate that cannot be read: " + ex.Message;
                return false;
            }

            found++;
            text = text[fields.Location.End..];
        }

        if (found == 0)
        {
            error = "holds no PEM certificate (-----BEGIN CERTIFICATE----- …).";
            return false;
        }

        error = null;
        return true;
    }
}
