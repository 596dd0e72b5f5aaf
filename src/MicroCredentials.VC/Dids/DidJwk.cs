using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Dids;

/// <summary>
/// The did:jwk method (did:jwk Method Specification, github.com/quartzjer/did-jwk, "DID Format" and "Read"):
/// <c>did:jwk:</c> followed by the base64url-encoded UTF-8 JSON of a public JSON Web Key. The DID document is derived
/// from the key alone, so resolution is local.
/// </summary>
/// <remarks>
/// Supported keys: OKP Ed25519 (and X25519, for key agreement only), EC P-256, P-384 and P-521 (the point must lie on
/// the curve). A JWK carrying private key material (<c>d</c>, …) is refused, as the specification requires. The
/// document has one verification method <c>did:jwk:…#0</c> of type <c>JsonWebKey2020</c> with the key as
/// <c>publicKeyJwk</c>; the verification relationships follow the key's <c>use</c>: all five when absent, all but
/// <c>keyAgreement</c> for <c>sig</c>, only <c>keyAgreement</c> for <c>enc</c>.
/// </remarks>
public static class DidJwk
{
    /// <summary>The <c>did:jwk:</c> prefix.</summary>
    public const string Prefix = "did:jwk:";

    /// <summary>The JSON Web Signature 2020 context the did:jwk specification puts beside DID v1.</summary>
    public const string Jws2020Context = "https://w3id.org/security/suites/jws-2020/v1";

    /// <summary>The verification method type the did:jwk specification uses.</summary>
    public const string VerificationMethodType = "JsonWebKey2020";

    private const int MaxJwkBytes = 8 * 1024;

    /// <summary>The did:jwk DID of a public JWK: the key's RFC 8785 (JCS) form, base64url-encoded.</summary>
    /// <param name="publicJwk">The public key.</param>
    /// <returns>The DID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicJwk"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JWK is not a supported public key (the message says why).</exception>
    public static string Create(JsonObject publicJwk)
    {
        ArgumentNullException.ThrowIfNull(publicJwk);
        if (!PublicJwk.TryValidate(publicJwk, out _, out var problem))
        {
            throw Error.Format(problem.Message);
        }

        return Prefix + Base64Url.Encode(JsonCanonicalizer.Canonicalize(publicJwk));
    }

    /// <summary>The did:jwk DID of an Ed25519 key (its OKP JWK, RFC 8037 §2).</summary>
    /// <param name="publicKey">The key.</param>
    /// <returns>The DID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public static string Create(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Create(publicKey.ToJwk());
    }

    /// <summary>Resolves a did:jwk DID to its DID document (see the remarks of <see cref="DidJwk"/>).</summary>
    /// <param name="did">The DID (a fragment <c>#0</c> is allowed and ignored).</param>
    /// <returns>A new DID document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="did"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a did:jwk, or its key is malformed or unsupported.</exception>
    public static JsonObject ResolveDocument(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        return TryResolveCore(did, out var document, out var error) ? document : throw Error.Format(error);
    }

    /// <summary>Resolves a did:jwk DID like <see cref="ResolveDocument"/> without throwing.</summary>
    /// <param name="did">The DID.</param>
    /// <param name="document">The DID document, when valid.</param>
    /// <param name="problem">Why the DID was rejected: code <c>did.invalidDid</c>, and a message naming the part or JWK member at fault.</param>
    /// <returns>Whether the DID is a valid did:jwk with a supported key.</returns>
    public static bool TryResolveDocument([NotNullWhen(true)] string? did, [NotNullWhen(true)] out JsonObject? document, [NotNullWhen(false)] out Problem? problem)
    {
        problem = TryResolveCore(did, out document, out var error) ? null : new Problem(DidCodes.InvalidDid, error);
        return problem is null;
    }

    private static bool TryResolveCore([NotNullWhen(true)] string? did, [NotNullWhen(true)] out JsonObject? document, [NotNullWhen(false)] out string? error)
    {
        document = null;
        if (did is null || !did.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "Not a did:jwk DID: it must start with \"did:jwk:\".";
            return false;
        }

        var hash = did.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && did.AsSpan(hash + 1) is not "0")
        {
            error = "A did:jwk has one verification method, #0.";
            return false;
        }

        var id = hash < 0 ? did[Prefix.Length..] : did[Prefix.Length..hash];
        if (id.Length == 0 || id.Length > MaxJwkBytes * 2 || id.AsSpan().IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") >= 0)
        {
            error = "The did:jwk method-specific id must be base64url (A-Z, a-z, 0-9, '-', '_', no padding).";
            return false;
        }

        if (!Base64Url.TryDecodeCore(id, out var bytes, out var inner))
        {
            error = "The did:jwk method-specific id is not valid base64url: " + inner;
            return false;
        }

        if (!JsonInput.TryParse(bytes, MaxJwkBytes * 2, 8, out var node, out var jsonProblem) && JsonInput.IsDuplicateName(jsonProblem))
        {
            error = "The did:jwk JWK is not usable: " + jsonProblem.Message;
            return false;
        }

        if (node is not JsonObject jwk)
        {
            error = "The did:jwk method-specific id does not decode to a JSON object (a JWK).";
            return false;
        }

        if (!PublicJwk.TryValidate(jwk, out var publicJwk, out var jwkProblem))
        {
            error = jwkProblem.Message;
            return false;
        }

        var use = PublicJwk.Str(jwk["use"]);
        var x25519 = PublicJwk.Str(jwk["crv"]) == "X25519";
        if (use is not null and not "sig" and not "enc")
        {
            error = "The JWK's \"use\" must be \"sig\" or \"enc\".";
            return false;
        }

        if (x25519 && use == "sig")
        {
            error = "An X25519 key cannot be used for signatures (\"use\": \"sig\").";
            return false;
        }

        var didOnly = Prefix + id;
        var vmId = didOnly + "#0";
        document = new JsonObject
        {
            ["@context"] = new JsonArray(DidKey.DidContext, Jws2020Context),
            ["id"] = didOnly,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = vmId,
                ["type"] = VerificationMethodType,
                ["controller"] = didOnly,
                ["publicKeyJwk"] = publicJwk,
            }),
        };
        if (use != "enc" && !x25519)
        {
            foreach (var relationship in new[] { "assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation" })
            {
                document[relationship] = new JsonArray(vmId);
            }
        }

        if (use != "sig")
        {
            document["keyAgreement"] = new JsonArray(vmId);
        }

        error = null;
        return true;
    }
}

/// <summary>Resolves <c>did:jwk</c> DIDs locally (see <see cref="DidJwk"/>).</summary>
public sealed class DidJwkResolver : IDidResolver
{
    /// <summary>The resolver.</summary>
    public static DidJwkResolver Instance { get; } = new();

    /// <inheritdoc/>
    public ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        return ValueTask.FromResult(DidJwk.TryResolveDocument(did, out var document, out var problem)
            ? new DidResolutionResult(document)
            : DidResolutionResult.Failed(problem.Code, "'" + Shorten(did) + "' is not a did:jwk this library supports: " + problem.Message));
    }

    private static string Shorten(string did) => did.Length > 80 ? string.Concat(did.AsSpan(0, 80), "…") : did;
}
