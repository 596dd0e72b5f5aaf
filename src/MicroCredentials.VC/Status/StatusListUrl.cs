using System.Net;

namespace MicroCredentials.VC.Status;

/// <summary>
/// The one rule for the URL a status list is published at (every entry's <c>statusListCredential</c>, kept in the
/// <see cref="StatusListAllocation"/> record; the list credential's own <c>id</c> may differ, §2.2): verifiers fetch it, so it is an absolute <c>https</c> URL, without a fragment or a
/// user name; <c>http</c> only for a loopback host (tests). A <c>file:</c>, <c>data:</c> or other URL would send every
/// verifier to a place it must not read.
/// </summary>
internal static class StatusListUrl
{
    /// <summary>The sentence for a URL that breaks the rule, or null for a usable one.</summary>
    public static string? Problem(string? url)
    {
        // On Unix a path such as /status/1 parses as an absolute file: URI; it is a relative reference here.
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !url.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return "The status list URL must be an absolute https URL, e.g. https://example.edu/status/1.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            return $"The status list URL must be an https URL (http only for a loopback host, for tests), not {uri.Scheme}:, e.g. https://example.edu/status/1.";
        }

        if (uri.Fragment.Length > 0 || url.Contains('#', StringComparison.Ordinal))
        {
            return "The status list URL must not have a fragment (#…): the list's subject is the URL followed by #list.";
        }

        return uri.UserInfo.Length > 0
            ? "The status list URL must not carry a user name or password."
            : null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
