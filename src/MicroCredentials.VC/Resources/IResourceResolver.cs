namespace MicroCredentials.VC.Resources;

/// <summary>
/// Fetches documents a verification needs besides JSON-LD contexts: DID documents (did:web), status lists. The
/// caller chooses where they come from (offline files, or an opt-in HTTPS client); nothing is fetched implicitly.
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
/// <param name="Code">A stable code when it failed, e.g. <c>resource.notFound</c>.</param>
/// <param name="Message">Why it failed.</param>
public sealed record ResourceResult(ReadOnlyMemory<byte>? Content, string? MediaType = null, string? Code = null, string? Message = null)
{
    /// <summary>Whether the resource was found.</summary>
    public bool Succeeded => Content is not null;

    /// <summary>A found resource.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="mediaType">The media type.</param>
    /// <returns>The result.</returns>
    public static ResourceResult Found(ReadOnlyMemory<byte> content, string? mediaType = null) => new(content, mediaType);

    /// <summary>A failure.</summary>
    /// <param name="code">A stable code.</param>
    /// <param name="message">Why.</param>
    /// <returns>The result.</returns>
    public static ResourceResult Failed(string code, string message) => new(null, null, code, message);
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
