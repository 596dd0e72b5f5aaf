using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Dids;

/// <summary>Resolves a verification method URL to its key, its controller, and whether the controller authorizes it for a proof purpose.</summary>
public interface IVerificationMethodResolver
{
    /// <summary>Resolves a verification method.</summary>
    /// <param name="verificationMethodId">The URL, e.g. <c>did:key:z6Mk…#z6Mk…</c>.</param>
    /// <param name="proofPurpose">The purpose it is used for (<c>assertionMethod</c>, <c>authentication</c>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The method, or a failure with a reason.</returns>
    ValueTask<VerificationMethodResult> ResolveAsync(string verificationMethodId, string proofPurpose, CancellationToken cancellationToken = default);
}

/// <summary>A resolved verification method.</summary>
/// <param name="Id">Its URL.</param>
/// <param name="Type">Its type, e.g. <c>Multikey</c>.</param>
/// <param name="Controller">The controller (a DID).</param>
/// <param name="PublicKey">The Ed25519 public key; <see langword="null"/> for other key types (see <see cref="PublicKeyJwk"/>).</param>
public sealed record VerificationMethod(string Id, string Type, string Controller, Ed25519PublicKey? PublicKey)
{
    /// <summary>
    /// The method's public key as a JWK (RFC 7517) when it was given as <c>publicKeyJwk</c>: an EC (P-256, P-384,
    /// P-521) or RSA key that VC-JOSE-COSE verifiers use, or an Ed25519 key (then also in <see cref="PublicKey"/>).
    /// Private members are never kept.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? PublicKeyJwk { get; init; }
}

/// <summary>The outcome of resolving a verification method.</summary>
/// <param name="Method">The method, when found.</param>
/// <param name="AuthorizedForPurpose">Whether the controller's document lists the method under the proof purpose.</param>
/// <param name="Code">A stable code when resolution failed.</param>
/// <param name="Message">Why it failed.</param>
public sealed record VerificationMethodResult(VerificationMethod? Method, bool AuthorizedForPurpose, string? Code = null, string? Message = null)
{
    /// <summary>A failure.</summary>
    /// <param name="code">A stable code.</param>
    /// <param name="message">Why.</param>
    /// <returns>The result.</returns>
    public static VerificationMethodResult Failed(string code, string message) => new(null, false, code, message);
}

/// <summary>Resolves verification methods through DID documents (DID Core §5.2, §5.3).</summary>
/// <param name="dids">The DID resolver.</param>
public sealed class DidVerificationMethodResolver(IDidResolver dids) : IVerificationMethodResolver
{
    /// <summary>The offline default: did:key.</summary>
    public static DidVerificationMethodResolver Default { get; } = new(DidResolverRegistry.Default);

    /// <inheritdoc/>
    public async ValueTask<VerificationMethodResult> ResolveAsync(string verificationMethodId, string proofPurpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verificationMethodId);
        ArgumentNullException.ThrowIfNull(proofPurpose);
        if (!verificationMethodId.StartsWith("did:", StringComparison.Ordinal))
        {
            return VerificationMethodResult.Failed("signature.keyResolution", $"The verification method '{verificationMethodId}' is not a DID URL; only DID-based keys are resolved.");
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        var did = hash < 0 ? verificationMethodId : verificationMethodId[..hash];
        var resolution = await dids.ResolveAsync(did, cancellationToken).ConfigureAwait(false);
        if (resolution.Document is not { } doc)
        {
            return VerificationMethodResult.Failed(resolution.Code ?? "signature.keyResolution", resolution.Message ?? $"The DID '{did}' could not be resolved.");
        }

        var vmNode = FindMethod(doc, verificationMethodId, did);
        if (vmNode is null)
        {
            return VerificationMethodResult.Failed("signature.keyNotFound", $"The DID document of '{did}' has no verification method '{verificationMethodId}'.");
        }

        var type = (string?)vmNode["type"] ?? string.Empty;
        var controller = (string?)vmNode["controller"] ?? did;
        Ed25519PublicKey? key = null;
        JsonObject? publicJwk = null;
        if (vmNode["publicKeyMultibase"] is JsonValue mb && mb.TryGetValue(out string? multibase))
        {
            Ed25519PublicKey.TryFromMultibase(multibase, out key);
        }
        else if (vmNode["publicKeyJwk"] is JsonObject jwk)
        {
            Ed25519PublicKey.TryFromJwk(jwk, out key);
            publicJwk = Proofs.Jose.JoseKeys.PublicJwkOrNull(jwk);
        }

        if (key is null && publicJwk is null)
        {
            return VerificationMethodResult.Failed("signature.unsupportedKey", $"The verification method '{verificationMethodId}' has no Ed25519 public key or public JWK this library can use.");
        }

        var authorized = IsListedUnder(doc, proofPurpose, verificationMethodId, did);
        return new VerificationMethodResult(new VerificationMethod(Absolute((string?)vmNode["id"], did) ?? verificationMethodId, type, controller, key) { PublicKeyJwk = publicJwk }, authorized);
    }

    private static JsonObject? FindMethod(JsonObject doc, string vmId, string did)
    {
        foreach (var section in new[] { "verificationMethod", "assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement" })
        {
            if (doc[section] is not JsonArray entries)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is JsonObject vm && Absolute((string?)vm["id"], did) == vmId)
                {
                    return vm;
                }
            }
        }

        return null;
    }

    private static bool IsListedUnder(JsonObject doc, string purpose, string vmId, string did) =>
        doc[purpose] is JsonArray entries && entries.Any(e => e switch
        {
            JsonValue v when v.TryGetValue(out string? reference) => Absolute(reference, did) == vmId,
            JsonObject o => Absolute((string?)o["id"], did) == vmId,
            _ => false,
        });

    private static string? Absolute(string? id, string did) =>
        id is not null && id.StartsWith('#') ? did + id : id;
}
