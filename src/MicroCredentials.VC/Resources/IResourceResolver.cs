namespace MicroCredentials.VC.Resources;

/// <summary>
/// Fetches the documents a verification needs: DID documents (did:web), status lists, and (through
/// <c>JsonLd.ResourceDocumentLoader</c>) JSON-LD contexts. The one fetch stack of the library: the caller chooses
/// where documents come from (offline files with <see cref="OfflineResourceResolver"/>, or opt-in HTTPS with
/// <see cref="HttpResourceResolver"/>); nothing is fetched implicitly. Failures are results with <c>resource.*</c> codes.
/// </summary>
public interface IResourceResolver
{
    /// <summary>Gets the document at a URL.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The content, or a failure with a reason.</returns>
    ValueTask<ResourceResult> GetAsync(Uri url, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of fetching a resource.</summary>
/// <param name="Content">The bytes, when found.</param>
/// <param name="MediaType">The media type, when known.</param>
/// <param name="Problem">Why it failed, with a stable code, e.g. <c>resource.notFound</c>; null when found.</param>
public sealed record ResourceResult(ReadOnlyMemory<byte>? Content, string? MediaType = null, Problem? Problem = null)
{
    /// <summary>Whether the resource was found.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Content))]
    public bool Succeeded => Content is not null && Problem is null;

    /// <summary>The URL the content was served from in the end (after redirects), when the resolver knows it; otherwise <see langword="null"/> (the requested URL).</summary>
    public Uri? Location { get; init; }

    /// <summary>The values of the response's HTTP <c>Link</c> headers (RFC 8288), unparsed; empty when there were none or the resolver has no headers.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>A found resource.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="mediaType">The media type.</param>
    /// <returns>The result.</returns>
    public static ResourceResult Found(ReadOnlyMemory<byte> content, string? mediaType = null) => new(content, mediaType);

    /// <summary>A failure.</summary>
    /// <param name="code">A stable code.</param>
    /// <param name="message">Why.</param>
    /// <returns>The result.</returns>
    public static ResourceResult Failed(string code, string message) => new(null, null, new Problem(code, message));
}

/// <summary>The default resolver: resolves nothing, and says so (verification stays offline unless the caller supplies resources).</summary>
public sealed class NoResourceResolver : IResourceResolver
{
    /// <summary>The resolver.</summary>
    public static NoResourceResolver Instance { get; } = new();

    /// <inheritdoc/>
    public ValueTask<ResourceResult> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ValueTask.FromResult(ResourceResult.Failed("resource.unavailable", $"No resource resolver was given, so {url} could not be fetched (nothing is fetched from the network unless the caller allows it)."));
    }
}
