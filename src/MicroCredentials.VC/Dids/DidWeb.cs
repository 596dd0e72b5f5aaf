using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.Dids;

/// <summary>
/// The did:web method (W3C CCG "did:web Method Specification", §3.1 syntax and §3.2.2 Read): the DID names a web
/// location of its DID document. <c>did:web:example.edu</c> → <c>https://example.edu/.well-known/did.json</c>;
/// <c>did:web:example.edu:issuers:42</c> → <c>https://example.edu/issuers/42/did.json</c>; a port is percent-encoded,
/// <c>did:web:example.edu%3A8443</c> → <c>https://example.edu:8443/.well-known/did.json</c>.
/// </summary>
public static class DidWeb
{
    /// <summary>The <c>did:web:</c> prefix.</summary>
    public const string Prefix = "did:web:";

    /// <summary>The URL of a did:web DID's document (§3.2.2 steps 1–6).</summary>
    /// <param name="did">The DID, without fragment, query or path.</param>
    /// <returns>The HTTPS URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="did"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a valid did:web (the message says why).</exception>
    public static Uri DocumentUrl(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        return TryGetDocumentUrlCore(did, out var url, out var error) ? url : throw Error.Format(error);
    }

    /// <summary>The URL of a did:web DID's document, without throwing.</summary>
    /// <param name="did">The DID.</param>
    /// <param name="url">The HTTPS URL, when the DID is valid.</param>
    /// <param name="problem">Why the DID was rejected: code <c>did.invalidDid</c>, and a message naming the part at fault.</param>
    /// <returns>Whether the DID is a valid did:web.</returns>
    public static bool TryGetDocumentUrl([NotNullWhen(true)] string? did, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out Problem? problem)
    {
        problem = TryGetDocumentUrlCore(did, out url, out var error) ? null : new Problem(DidCodes.InvalidDid, error);
        return problem is null;
    }

    private static bool TryGetDocumentUrlCore([NotNullWhen(true)] string? did, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        if (did is null || !did.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "Not a did:web DID: it must start with \"did:web:\".";
            return false;
        }

        var msid = did[Prefix.Length..];
        if (msid.AsSpan().IndexOfAny("/?#") >= 0)
        {
            error = "A did:web DID has no path, query or fragment here ('/', '?', '#').";
            return false;
        }

        var segments = msid.Split(':');
        if (!TryDecode(segments[0], out var authority) || authority.Length == 0)
        {
            error = "The did:web domain is missing or badly percent-encoded.";
            return false;
        }

        var colon = authority.IndexOf(':', StringComparison.Ordinal);
        var host = colon < 0 ? authority : authority[..colon];
        if (!IsHostName(host))
        {
            error = "The did:web domain '" + host + "' is not a valid host name (letters, digits, '-' and '.').";
            return false;
        }

        if (colon >= 0 && (!int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535))
        {
            error = "The did:web port (after %3A) must be a number from 1 to 65535.";
            return false;
        }

        var path = new List<string>(segments.Length);
        foreach (var segment in segments.AsSpan(1))
        {
            if (!TryDecode(segment, out var decoded) || decoded.Length == 0 || decoded is "." or ".." || decoded.AsSpan().IndexOfAny("/?#\\") >= 0 || decoded.Any(char.IsControl))
            {
                error = "A did:web path segment is empty, '.' or '..', or holds '/', '?', '#' or a control character.";
                return false;
            }

            path.Add(Uri.EscapeDataString(decoded));
        }

        var text = "https://" + authority.ToLowerInvariant() + "/" + (path.Count == 0 ? ".well-known" : string.Join('/', path)) + "/did.json";
        if (!Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            error = "The did:web DID does not give a valid URL.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryDecode(string segment, out string decoded)
    {
        decoded = segment;
        if (!segment.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = segment.IndexOf('%', StringComparison.Ordinal); i >= 0; i = segment.IndexOf('%', i + 1))
        {
            if (i + 2 >= segment.Length || !char.IsAsciiHexDigit(segment[i + 1]) || !char.IsAsciiHexDigit(segment[i + 2]))
            {
                return false;
            }
        }

        decoded = Uri.UnescapeDataString(segment);
        return true;
    }

    private static bool IsHostName(string host)
    {
        if (host.Length is 0 or > 253 || host.StartsWith('.') || host.EndsWith('.') || host.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length > 63 || label.StartsWith('-') || label.EndsWith('-') || label.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") >= 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Resolves <c>did:web</c> DIDs (see <see cref="DidWeb"/>) through the caller's <see cref="IResourceResolver"/>: offline
/// files (<see cref="OfflineResourceResolver"/>) or an opt-in HTTPS client (<see cref="HttpResourceResolver"/>). The
/// document is parsed with size and depth limits, and its <c>id</c> must equal the DID (DID Core 1.0 §7.1.2; did:web §3.2.2).
/// </summary>
/// <remarks>
/// Failure codes: <c>did.invalidDid</c> (not a valid did:web), <c>did.notFound</c> (the document could not be fetched;
/// the message carries the resource resolver's reason), <c>did.invalidDocument</c> (too large, not JSON, not an
/// object), <c>did.idMismatch</c> (the document is another DID's).
/// </remarks>
public sealed class DidWebResolver : IDidResolver
{
    private readonly IResourceResolver _resources;
    private readonly int _maxBytes;

    /// <summary>Creates a resolver.</summary>
    /// <param name="resources">Where documents come from.</param>
    /// <param name="maxDocumentBytes">Largest accepted DID document, in bytes (default 256 KiB).</param>
    /// <exception cref="ArgumentNullException"><paramref name="resources"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDocumentBytes"/> is not positive.</exception>
    public DidWebResolver(IResourceResolver resources, int maxDocumentBytes = DefaultMaxDocumentBytes)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDocumentBytes);
        _resources = resources;
        _maxBytes = maxDocumentBytes;
    }

    /// <summary>The default size limit of a DID document: 256 KiB.</summary>
    public const int DefaultMaxDocumentBytes = 256 * 1024;

    /// <inheritdoc/>
    public async ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!DidWeb.TryGetDocumentUrl(did, out var url, out var problem))
        {
            return DidResolutionResult.Failed(problem.Code, "'" + did + "' is not a valid did:web: " + problem.Message);
        }

        var resource = await _resources.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (resource.Content is not { } content)
        {
            return DidResolutionResult.Failed(DidCodes.NotFound, $"The DID document of {did} could not be fetched from {url} ({resource.Problem?.ToString() ?? "resource.unavailable: no reason given"}).");
        }

        if (content.Length > _maxBytes)
        {
            return DidResolutionResult.Failed(DidCodes.InvalidDocument, $"The DID document of {did} at {url} is {content.Length} bytes, over the limit of {_maxBytes} bytes.");
        }

        var utf8 = content.Span.StartsWith("\uFEFF"u8) ? content.Span[3..] : content.Span;
        if (!JsonInput.TryParse(utf8, _maxBytes, 64, out var node, out var parseProblem))
        {
            return DidResolutionResult.Failed(DidCodes.InvalidDocument, $"The DID document of {did} at {url} is not valid JSON: {parseProblem.Message}");
        }

        if (node is not JsonObject document)
        {
            return DidResolutionResult.Failed(DidCodes.InvalidDocument, $"The DID document of {did} at {url} is not a JSON object.");
        }

        var id = PublicJwk.Str(document["id"]);
        if (!string.Equals(id, did, StringComparison.Ordinal))
        {
            return DidResolutionResult.Failed(DidCodes.IdMismatch, $"The document at {url} is not the DID document of {did}: its id is {(id is null ? "missing" : "'" + id + "'")}.");
        }

        return new DidResolutionResult(document);
    }
}
