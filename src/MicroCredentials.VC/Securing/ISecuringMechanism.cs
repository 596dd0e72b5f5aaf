using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.JsonLd;

namespace MicroCredentials.VC.Securing;

/// <summary>
/// A way of securing a credential (Data Integrity proofs, a JAdES seal, VC-JOSE-COSE, later SD-JWT VC): it recognizes
/// its format and verifies it to neutral <see cref="SecuringEvidence"/>. Mechanisms are stateless singletons held in a
/// <see cref="SecuringRegistry"/>; the verifier asks each in turn whether it can read the input.
/// </summary>
public interface ISecuringMechanism
{
    /// <summary>The mechanism's name, e.g. <c>data-integrity</c>, <c>jades</c>, <c>jose</c>.</summary>
    string Name { get; }

    /// <summary>Whether the input is in this mechanism's format (by its shape only: cheap, no verification).</summary>
    /// <param name="input">The input.</param>
    /// <returns>Whether this mechanism reads it.</returns>
    bool CanRead(SecuredInput input);

    /// <summary>Verifies the input. Never throws for bad input: every problem is in the evidence with a code.</summary>
    /// <param name="input">The input (one <see cref="CanRead"/> accepted).</param>
    /// <param name="environment">Keys, contexts, suites, clock and limits.</param>
    /// <param name="cancellationToken">Cancels the work (key resolution may do I/O).</param>
    /// <returns>The evidence.</returns>
    ValueTask<SecuringEvidence> VerifyAsync(SecuredInput input, SecuringEnvironment environment, CancellationToken cancellationToken = default);
}

/// <summary>A secured document as received: a JSON object, or a compact serialization (a JWS).</summary>
public sealed class SecuredInput
{
    private SecuredInput(JsonObject? json, string? compact)
    {
        Json = json;
        Compact = compact;
    }

    /// <summary>The JSON object, when the input is JSON.</summary>
    public JsonObject? Json { get; }

    /// <summary>The compact serialization (ASCII, trimmed), when the input is not JSON.</summary>
    public string? Compact { get; }

    /// <summary>A JSON document (not modified).</summary>
    /// <param name="json">The document.</param>
    /// <returns>The input.</returns>
    public static SecuredInput FromJson(JsonObject json) => new(json ?? throw new ArgumentNullException(nameof(json)), null);

    /// <summary>A compact serialization such as a JWS.</summary>
    /// <param name="compact">The text.</param>
    /// <returns>The input.</returns>
    public static SecuredInput FromCompact(string compact) => new(null, (compact ?? throw new ArgumentNullException(nameof(compact))).Trim());
}

/// <summary>What a securing mechanism needs from its environment; the verifier builds it from its options.</summary>
public sealed record SecuringEnvironment
{
    /// <summary>The default: embedded contexts, did:key and did:jwk, the system clock.</summary>
    public static SecuringEnvironment Default { get; } = new();

    /// <summary>Where JSON-LD contexts come from.</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary>Resolves the keys that proofs and tokens name.</summary>
    public IVerificationMethodResolver VerificationMethodResolver { get; init; } = DidVerificationMethodResolver.Default;

    /// <summary>Trust anchors for certificate chains (e-seals).</summary>
    public X509Certificate2Collection TrustAnchors { get; init; } = [];

    /// <summary>The clock (certificate validity, time-stamps).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The limits on what is read: the size and nesting of an embedded payload, the JSON-LD work of a suite.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
}

/// <summary>The securing mechanisms a verifier accepts, asked in order.</summary>
public sealed class SecuringRegistry
{
    private readonly ISecuringMechanism[] _mechanisms;

    /// <summary>Creates a registry.</summary>
    /// <param name="mechanisms">The mechanisms, asked in this order (the first that can read an input verifies it).</param>
    public SecuringRegistry(IEnumerable<ISecuringMechanism> mechanisms)
    {
        ArgumentNullException.ThrowIfNull(mechanisms);
        _mechanisms = [.. mechanisms];
        if (_mechanisms.Any(m => m is null))
        {
            throw Error.Argument(nameof(mechanisms), "A securing registry cannot hold null.");
        }
    }

    /// <summary>The mechanisms, in order.</summary>
    public IReadOnlyList<ISecuringMechanism> Mechanisms => _mechanisms;

    /// <summary>The first mechanism that reads the input.</summary>
    /// <param name="input">The input.</param>
    /// <param name="mechanism">The mechanism, or null.</param>
    /// <returns>Whether one does.</returns>
    public bool TryFind(SecuredInput input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ISecuringMechanism? mechanism)
    {
        ArgumentNullException.ThrowIfNull(input);
        mechanism = _mechanisms.FirstOrDefault(m => m.CanRead(input));
        return mechanism is not null;
    }
}
