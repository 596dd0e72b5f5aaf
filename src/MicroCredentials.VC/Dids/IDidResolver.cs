using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
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
    ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of resolving a DID (W3C DID Resolution: the DID resolution result).</summary>
/// <param name="Document">The DID document, when resolution succeeded.</param>
/// <param name="Problem">Why it failed, with a code of <see cref="DidCodes"/>; null on success.</param>
public sealed record DidResolutionResult(JsonObject? Document, Problem? Problem = null)
{
    /// <summary>Whether a document was found.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Document is not null && Problem is null;

    /// <summary>A failed resolution.</summary>
    /// <param name="code">A stable code (<see cref="DidCodes"/>).</param>
    /// <param name="message">Why it failed.</param>
    /// <returns>The result.</returns>
    public static DidResolutionResult Failed(string code, string message) => new(null, new Problem(code, message));
}

/// <summary>The stable codes of DID parsing and resolution.</summary>
public static class DidCodes
{
    /// <summary>The value is not a DID, or not a valid DID of its method (or of a key type this library supports).</summary>
    public const string InvalidDid = "did.invalidDid";

    /// <summary>The DID's method has no resolver here (e.g. did:web without a resource resolver).</summary>
    public const string MethodNotSupported = "did.methodNotSupported";

    /// <summary>The DID document could not be fetched.</summary>
    public const string NotFound = "did.notFound";

    /// <summary>The fetched DID document is too large, not JSON or not a JSON object.</summary>
    public const string InvalidDocument = "did.invalidDocument";

    /// <summary>The fetched document's <c>id</c> is not the DID.</summary>
    public const string IdMismatch = "did.idMismatch";
}

/// <summary>Resolves <c>did:key</c> DIDs (Ed25519, P-256, P-384) locally: the document is derived from the key itself.</summary>
public sealed class DidKeyResolver : IDidResolver
{
    /// <summary>The resolver.</summary>
    public static DidKeyResolver Instance { get; } = new();

    /// <inheritdoc/>
    public ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        return ValueTask.FromResult(DidKey.TryParseAny(did, out _, out var error)
            ? new DidResolutionResult(DidKey.ResolveDocument(did))
            : DidResolutionResult.Failed(DidCodes.InvalidDid, "'" + did + "' is not a did:key this library supports: " + error));
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
    public ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        var parts = did.Split(':', 3);
        if (parts.Length < 3 || parts[0] != "did" || parts[2].Length == 0)
        {
            return ValueTask.FromResult(DidResolutionResult.Failed(DidCodes.InvalidDid, "'" + did + "' is not a DID."));
        }

        return _byMethod.TryGetValue(parts[1], out var resolver)
            ? resolver.ResolveAsync(did, cancellationToken)
            : ValueTask.FromResult(DidResolutionResult.Failed(DidCodes.MethodNotSupported, $"The DID method '{parts[1]}' is not supported here (supported: {string.Join(", ", Methods)}).{(parts[1] == "web" ? " did:web documents are read only through a resource resolver: serve the DID document offline (CLI --resource URL=FILE) or opt in to HTTPS." : string.Empty)}"));
    }
}
