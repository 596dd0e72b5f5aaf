using System.Collections.Frozen;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Resources;

namespace MicroCredentials.VC.Dids;

/// <summary>Resolves a DID to its DID document (W3C DID Core 1.0 §7.1). Implementations never touch the network unless the caller set them up to.</summary>
public interface IDidResolver
{
    /// <summary>Resolves a DID (without fragment).</summary>
    /// <param name="did">The DID, e.g. <c>did:key:z6Mk…</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The document, or a failure with a reason.</returns>
    ValueTask<DidResolution> ResolveAsync(string did, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of resolving a DID.</summary>
/// <param name="Document">The DID document, when resolution succeeded.</param>
/// <param name="Code">A stable code when it failed, e.g. <c>did.notFound</c>, <c>did.invalidDocument</c>, <c>did.idMismatch</c>, <c>did.methodNotSupported</c>.</param>
/// <param name="Message">Why it failed.</param>
public sealed record DidResolution(JsonObject? Document, string? Code = null, string? Message = null)
{
    /// <summary>Whether a document was found.</summary>
    public bool Succeeded => Document is not null;

    /// <summary>A failed resolution.</summary>
    /// <param name="code">A stable code.</param>
    /// <param name="message">Why it failed.</param>
    /// <returns>The result.</returns>
    public static DidResolution Failed(string code, string message) => new(null, code, message);
}

/// <summary>Resolves <c>did:key</c> DIDs (Ed25519) locally: the document is derived from the key itself.</summary>
public sealed class DidKeyResolver : IDidResolver
{
    /// <summary>The resolver.</summary>
    public static DidKeyResolver Instance { get; } = new();

    /// <inheritdoc/>
    public ValueTask<DidResolution> ResolveAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        try
        {
            return ValueTask.FromResult(new DidResolution(DidKey.ResolveDocument(did)));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException)
        {
            return ValueTask.FromResult(DidResolution.Failed("did.invalidDid", "'" + did + "' is not a did:key this library supports: " + ex.Message));
        }
    }
}

/// <summary>Dispatches to a resolver by DID method; an unknown method fails with a reason.</summary>
public sealed class DidResolverRegistry : IDidResolver
{
    private readonly FrozenDictionary<string, IDidResolver> _byMethod;

    /// <summary>Creates a registry.</summary>
    /// <param name="resolvers">Method name (e.g. <c>key</c>, <c>web</c>) to resolver.</param>
    public DidResolverRegistry(IEnumerable<KeyValuePair<string, IDidResolver>> resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        _byMethod = resolvers.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The offline default: <c>did:key</c> and <c>did:jwk</c>, both resolved locally from the DID itself.</summary>
    public static DidResolverRegistry Default { get; } = new([new("key", DidKeyResolver.Instance), new("jwk", DidJwkResolver.Instance)]);

    /// <summary>
    /// The registry for a verification environment: <c>did:key</c> and <c>did:jwk</c> always, and <c>did:web</c>
    /// through <paramref name="resources"/> when one is given (and is not <see cref="NoResourceResolver"/>).
    /// </summary>
    /// <param name="resources">Where did:web documents come from; <see langword="null"/> for none.</param>
    /// <returns>The registry (<see cref="Default"/> when no resources are given).</returns>
    public static DidResolverRegistry Create(IResourceResolver? resources) =>
        resources is null or NoResourceResolver
            ? Default
            : new([new("key", DidKeyResolver.Instance), new("jwk", DidJwkResolver.Instance), new("web", new DidWebResolver(resources))]);

    /// <summary>The methods handled.</summary>
    public IEnumerable<string> Methods => _byMethod.Keys;

    /// <inheritdoc/>
    public ValueTask<DidResolution> ResolveAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        var parts = did.Split(':', 3);
        if (parts.Length < 3 || parts[0] != "did" || parts[2].Length == 0)
        {
            return ValueTask.FromResult(DidResolution.Failed("did.invalidDid", "'" + did + "' is not a DID."));
        }

        return _byMethod.TryGetValue(parts[1], out var resolver)
            ? resolver.ResolveAsync(did, cancellationToken)
            : ValueTask.FromResult(DidResolution.Failed("did.methodNotSupported", $"The DID method '{parts[1]}' is not supported here (supported: {string.Join(", ", Methods)}).{(parts[1] == "web" ? " did:web documents are read only through a resource resolver: serve the DID document offline (CLI --resource URL=FILE) or opt in to HTTPS." : string.Empty)}"));
    }
}
