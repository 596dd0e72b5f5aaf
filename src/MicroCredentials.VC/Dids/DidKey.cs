using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Dids;

/// <summary>
/// The did:key method (W3C CCG "The did:key Method v0.7", §3.1 format and §3.1.2 document creation) for Ed25519
/// keys: <c>did:key:z6Mk…</c>, where the method-specific id is the key's Multikey <c>publicKeyMultibase</c>.
/// </summary>
/// <remarks>
/// Only Ed25519 (multicodec ed25519-pub, <c>z6Mk…</c>) is supported; other key types (P-256 <c>zDn…</c>,
/// secp256k1 <c>zQ3s…</c>, X25519 <c>z6LS…</c>, …) are rejected with a message naming the key type. The resolved
/// document uses a <c>Multikey</c> verification method (W3C Controlled Identifiers §2.2.2) and does not derive
/// an X25519 key-agreement key.
/// </remarks>
public static class DidKey
{
    /// <summary>The <c>did:key:</c> prefix.</summary>
    public const string Prefix = "did:key:";

    /// <summary>The DID Core v1 context.</summary>
    public const string DidContext = "https://www.w3.org/ns/did/v1";

    /// <summary>The Multikey context.</summary>
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>
    /// Reads the Ed25519 public key from a did:key DID or one of its verification method URLs
    /// (<c>did:key:z6Mk…#z6Mk…</c>; the fragment, when present, must equal the method-specific id).
    /// </summary>
    /// <param name="didOrVerificationMethodUrl">The DID or DID URL.</param>
    /// <returns>The public key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="didOrVerificationMethodUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a did:key, not Ed25519, or malformed (the message says why).</exception>
    public static Ed25519PublicKey Parse(string didOrVerificationMethodUrl)
    {
        ArgumentNullException.ThrowIfNull(didOrVerificationMethodUrl);
        return TryParseCore(didOrVerificationMethodUrl, out var key, out var error) ? key : throw Error.Format(error);
    }

    /// <summary>Reads the Ed25519 public key from a did:key DID or verification method URL without throwing.</summary>
    /// <param name="didOrVerificationMethodUrl">The DID or DID URL.</param>
    /// <param name="key">The public key, when valid.</param>
    /// <returns>Whether the value is an Ed25519 did:key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? didOrVerificationMethodUrl, [NotNullWhen(true)] out Ed25519PublicKey? key)
    {
        key = null;
        return didOrVerificationMethodUrl is not null && TryParseCore(didOrVerificationMethodUrl, out key, out _);
    }

    /// <summary>Reads the key like <see cref="Parse"/> without throwing, and reports why a value was rejected.</summary>
    /// <param name="didOrVerificationMethodUrl">The DID or DID URL.</param>
    /// <param name="key">The public key, when valid.</param>
    /// <param name="problem">Why the value was rejected: code <c>did.invalidDid</c>, and a message naming the part at fault.</param>
    /// <returns>Whether the value is an Ed25519 did:key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? didOrVerificationMethodUrl, [NotNullWhen(true)] out Ed25519PublicKey? key, [NotNullWhen(false)] out Problem? problem)
    {
        key = null;
        string? error;
        if (didOrVerificationMethodUrl is null)
        {
            error = "The DID is missing.";
        }
        else if (TryParseCore(didOrVerificationMethodUrl, out key, out error))
        {
            problem = null;
            return true;
        }

        problem = new Problem(DidCodes.InvalidDid, error);
        return false;
    }

    /// <summary>The did:key DID of a key: <c>did:key:z6Mk…</c>.</summary>
    /// <param name="publicKey">The key.</param>
    /// <returns>The DID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public static string Create(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Prefix + publicKey.ToMultibase();
    }

    /// <summary>The verification method id of a key: <c>did:key:z6Mk…#z6Mk…</c>.</summary>
    /// <param name="publicKey">The key.</param>
    /// <returns>The DID URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public static string CreateVerificationMethodId(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var multibase = publicKey.ToMultibase();
        return Prefix + multibase + "#" + multibase;
    }

    /// <summary>
    /// Resolves a did:key DID (a fragment, if any, is ignored after it is checked) to its DID document
    /// (did:key v0.7 §3.1.2): contexts DID v1 and Multikey v1, one <c>Multikey</c> verification method
    /// <c>did:key:z…#z…</c> controlled by the DID with its <c>publicKeyMultibase</c>, referenced from
    /// <c>authentication</c>, <c>assertionMethod</c>, <c>capabilityInvocation</c> and <c>capabilityDelegation</c>.
    /// </summary>
    /// <param name="did">The DID.</param>
    /// <returns>A new DID document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="did"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a did:key, not Ed25519, or malformed.</exception>
    public static JsonObject ResolveDocument(string did) => CreateDocument(Parse(did));

    /// <summary>The did:key DID document of a key (see <see cref="ResolveDocument"/>).</summary>
    /// <param name="publicKey">The key.</param>
    /// <returns>A new DID document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public static JsonObject CreateDocument(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var did = Create(publicKey);
        var vmId = DidKey.CreateVerificationMethodId(publicKey);
        return new JsonObject
        {
            ["@context"] = new JsonArray(DidContext, MultikeyContext),
            ["id"] = did,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = vmId,
                ["type"] = "Multikey",
                ["controller"] = did,
                ["publicKeyMultibase"] = publicKey.ToMultibase(),
            }),
            ["authentication"] = new JsonArray(vmId),
            ["assertionMethod"] = new JsonArray(vmId),
            ["capabilityInvocation"] = new JsonArray(vmId),
            ["capabilityDelegation"] = new JsonArray(vmId),
        };
    }

    private static bool TryParseCore(string value, [NotNullWhen(true)] out Ed25519PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "Not a did:key DID: it must start with \"did:key:\".";
            return false;
        }

        var rest = value.AsSpan(Prefix.Length);
        var hash = rest.IndexOf('#');
        var id = hash < 0 ? rest : rest[..hash];
        if (id.IndexOfAny('?', '/', ';') >= 0)
        {
            error = "A did:key DID URL may carry only a fragment (no path, query or parameters).";
            return false;
        }

        if (id.Length == 0 || id[0] != 'z')
        {
            error = "The did:key method-specific id must be a base58btc multibase value (start with 'z').";
            return false;
        }

        var multibase = id.ToString();
        if (hash >= 0 && !rest[(hash + 1)..].SequenceEqual(id))
        {
            error = "The did:key verification method fragment must equal the method-specific id (did:key:z…#z…).";
            return false;
        }

        if (!Multibase.TryDecode(multibase, out var decoded))
        {
            error = "The did:key method-specific id is not valid base58btc.";
            return false;
        }

        if (!Multicodec.TryReadVarint(decoded, out var codec, out _))
        {
            error = "The did:key method-specific id has no valid multicodec prefix.";
            return false;
        }

        if (codec != Multicodec.Ed25519Public)
        {
            error = "The did:key holds a " + Multicodec.Describe(codec) + " key; only Ed25519 (ed25519-pub, z6Mk…) is supported.";
            return false;
        }

        return Ed25519PublicKey.TryFromMultibaseCore(multibase, out key, out error);
    }
}
