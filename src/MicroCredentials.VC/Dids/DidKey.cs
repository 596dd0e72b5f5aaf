using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Dids;

/// <summary>
/// The did:key method (W3C CCG "The did:key Method v0.7", §3.1 format and §3.1.2 document creation) for Ed25519,
/// P-256 and P-384 keys: <c>did:key:z6Mk…</c>, <c>did:key:zDn…</c>, <c>did:key:z82…</c>, where the method-specific
/// id is the key's Multikey <c>publicKeyMultibase</c>.
/// </summary>
/// <remarks>
/// Ed25519 (multicodec ed25519-pub, <c>z6Mk…</c>), P-256 (p256-pub, <c>zDn…</c>) and P-384 (p384-pub, <c>z82…</c>,
/// compressed points) resolve; <see cref="Parse"/> and <see cref="TryParse(string?, out Ed25519PublicKey?)"/> read
/// Ed25519 keys only. Other key types (secp256k1 <c>zQ3s…</c>, X25519 <c>z6LS…</c>, …) are rejected with a message
/// naming the key type. The resolved
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
    /// <exception cref="FormatException">Not a did:key, not an Ed25519, P-256 or P-384 key, or malformed.</exception>
    public static JsonObject ResolveDocument(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        return TryParseAny(did, out var key, out var error) ? CreateDocument(key.Did, key.Multikey) : throw Error.Format(error);
    }

    /// <summary>The did:key DID of an ECDSA P-256 (<c>did:key:zDn…</c>) or P-384 (<c>did:key:z82…</c>) public key.</summary>
    /// <param name="publicKey">The key (only its public part is read).</param>
    /// <returns>The DID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key is not on P-256 or P-384.</exception>
    public static string Create(System.Security.Cryptography.ECDsa publicKey) => Prefix + EcMultikey.ExportPublicKey(publicKey);

    /// <summary>The verification method id of an ECDSA P-256 or P-384 key: <c>did:key:zDn…#zDn…</c>.</summary>
    /// <param name="publicKey">The key (only its public part is read).</param>
    /// <returns>The DID URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key is not on P-256 or P-384.</exception>
    public static string CreateVerificationMethodId(System.Security.Cryptography.ECDsa publicKey)
    {
        var multibase = EcMultikey.ExportPublicKey(publicKey);
        return Prefix + multibase + "#" + multibase;
    }

    /// <summary>The did:key DID document of a key (see <see cref="ResolveDocument"/>).</summary>
    /// <param name="publicKey">The key.</param>
    /// <returns>A new DID document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public static JsonObject CreateDocument(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return CreateDocument(Create(publicKey), publicKey.ToMultibase());
    }

    private static JsonObject CreateDocument(string did, string multibase)
    {
        var vmId = did + "#" + multibase;
        return new JsonObject
        {
            ["@context"] = new JsonArray(DidContext, MultikeyContext),
            ["id"] = did,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = vmId,
                ["type"] = "Multikey",
                ["controller"] = did,
                ["publicKeyMultibase"] = multibase,
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
        if (!TryParseAny(value, out var parsed, out error))
        {
            return false;
        }

        if (parsed.Ed25519 is null)
        {
            error = "The did:key holds a " + Multicodec.Describe(parsed.Codec) + " key; only Ed25519 (ed25519-pub, z6Mk…) is read as an Ed25519PublicKey (P-256 and P-384 did:keys resolve with ResolveDocument).";
            return false;
        }

        key = parsed.Ed25519;
        return true;
    }

    /// <summary>A did:key's key: Ed25519, or ECDSA P-256/P-384 (as a public EC JWK).</summary>
    /// <param name="Did">The DID (without a fragment).</param>
    /// <param name="Multikey">The method-specific id, the key's <c>publicKeyMultibase</c>.</param>
    /// <param name="Codec">The multicodec of the key.</param>
    /// <param name="Ed25519">The Ed25519 key, when it is one.</param>
    /// <param name="Jwk">The public JWK (OKP Ed25519 or EC P-256/P-384).</param>
    internal sealed record ParsedKey(string Did, string Multikey, ulong Codec, Ed25519PublicKey? Ed25519, JsonObject Jwk)
    {
        /// <summary>The verification method id <c>did:key:z…#z…</c>.</summary>
        public string VerificationMethodId => Did + "#" + Multikey;
    }

    /// <summary>
    /// Reads a did:key DID or DID URL holding an Ed25519, P-256 (<c>zDn…</c>, p256-pub) or P-384 (<c>z82…</c>,
    /// p384-pub) key; the fragment, when present, must equal the method-specific id.
    /// </summary>
    /// <param name="value">The DID or DID URL.</param>
    /// <param name="key">The key.</param>
    /// <param name="error">Why it was rejected.</param>
    /// <returns>Whether it was read.</returns>
    internal static bool TryParseAny(string value, [NotNullWhen(true)] out ParsedKey? key, [NotNullWhen(false)] out string? error)
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

        if (EcMultikey.IsEcPublicCodec(codec))
        {
            if (!EcMultikey.TryDecodeToJwk(multibase, out var jwk, out var ecError))
            {
                error = "The did:key " + Multicodec.Describe(codec) + " key is not valid: " + ecError;
                return false;
            }

            key = new ParsedKey(Prefix + multibase, multibase, codec, null, jwk);
            error = null;
            return true;
        }

        if (codec != Multicodec.Ed25519Public)
        {
            error = "The did:key holds a " + Multicodec.Describe(codec) + " key; only Ed25519 (ed25519-pub, z6Mk…), P-256 (p256-pub, zDn…) and P-384 (p384-pub, z82…) are supported.";
            return false;
        }

        if (!Ed25519PublicKey.TryFromMultibaseCore(multibase, out var ed, out error))
        {
            return false;
        }

        key = new ParsedKey(Prefix + multibase, multibase, codec, ed, ed.ToJwk());
        return true;
    }
}
