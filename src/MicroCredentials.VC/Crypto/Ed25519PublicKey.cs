using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// An Ed25519 public key (RFC 8032 §5.1.5), immutable and compared by value. It reads and writes the encodings
/// used by Verifiable Credentials: Multikey <c>publicKeyMultibase</c> (<c>z6Mk…</c>: base58btc of the multicodec
/// ed25519-pub prefix <c>0xed 0x01</c> and the 32 key bytes; W3C Controlled Identifiers §2.2.2), JWK
/// (<c>{"kty":"OKP","crv":"Ed25519","x":…}</c>, RFC 8037 §2). Its did:key form is <c>Dids.DidKey.Create</c>.
/// </summary>
public sealed class Ed25519PublicKey : IEquatable<Ed25519PublicKey>
{
    private readonly byte[] bytes;
    private string? multibase;

    private Ed25519PublicKey(byte[] bytes) => this.bytes = bytes;

    /// <summary>The 32-byte encoded public key.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>Creates a key from its 32-byte encoding.</summary>
    /// <param name="publicKey">The 32 bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="publicKey"/> is not 32 bytes long.</exception>
    public static Ed25519PublicKey FromBytes(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == Ed25519.PublicKeySize
            ? new Ed25519PublicKey(publicKey.ToArray())
            : throw Error.ArgumentLength(nameof(publicKey), Ed25519.PublicKeySize, publicKey.Length);

    /// <summary>Reads a Multikey <c>publicKeyMultibase</c> value (<c>z6Mk…</c>).</summary>
    /// <param name="publicKeyMultibase">The multibase value.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKeyMultibase"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The value is not an Ed25519 Multikey public key (the message says why).</exception>
    public static Ed25519PublicKey FromMultibase(string publicKeyMultibase)
    {
        ArgumentNullException.ThrowIfNull(publicKeyMultibase);
        return TryFromMultibaseCore(publicKeyMultibase, out var key, out var error) ? key : throw Error.Format(error);
    }

    /// <summary>Reads a Multikey <c>publicKeyMultibase</c> value without throwing.</summary>
    /// <param name="value">The multibase value.</param>
    /// <param name="key">The key, when the value is valid.</param>
    /// <returns>Whether the value is an Ed25519 Multikey public key.</returns>
    public static bool TryFromMultibase([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Ed25519PublicKey? key)
    {
        key = null;
        return value is not null && TryFromMultibaseCore(value, out key, out _);
    }

    /// <summary>Reads a public JWK: <c>kty</c> <c>OKP</c>, <c>crv</c> <c>Ed25519</c>, <c>x</c> (RFC 8037 §2).</summary>
    /// <param name="jwk">The JWK. A private member <c>d</c>, if present, is ignored.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jwk"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JWK is not an Ed25519 public key (the message says why).</exception>
    public static Ed25519PublicKey FromJwk(JsonObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        return TryFromJwkCore(jwk, out var key, out var error) ? key : throw Error.Format(error);
    }

    /// <summary>Reads a public JWK without throwing.</summary>
    /// <param name="jwk">The JWK.</param>
    /// <param name="key">The key, when the JWK is valid.</param>
    /// <returns>Whether the JWK is an OKP/Ed25519 key with a valid <c>x</c>.</returns>
    public static bool TryFromJwk([NotNullWhen(true)] JsonObject? jwk, [NotNullWhen(true)] out Ed25519PublicKey? key)
    {
        key = null;
        return jwk is not null && TryFromJwkCore(jwk, out key, out _);
    }

    /// <summary>Copies the 32-byte encoding into a new array.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray() => (byte[])bytes.Clone();

    /// <summary>The Multikey <c>publicKeyMultibase</c> value: <c>z6Mk…</c>.</summary>
    /// <returns>The multibase value.</returns>
    public string ToMultibase()
    {
        if (multibase is null)
        {
            Span<byte> buffer = stackalloc byte[2 + Ed25519.PublicKeySize];
            Multicodec.Ed25519PublicPrefix.CopyTo(buffer);
            bytes.CopyTo(buffer[2..]);
            multibase = Multibase.EncodeBase58Btc(buffer);
        }

        return multibase;
    }

    /// <summary>The public JWK: <c>{"kty":"OKP","crv":"Ed25519","x":…}</c> (RFC 8037 §2).</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJwk() => new()
    {
        ["kty"] = Jwk.KeyTypeOkp,
        ["crv"] = Jwk.CurveEd25519,
        ["x"] = Base64Url.Encode(bytes),
    };

    /// <summary>
    /// Verifies an Ed25519 signature (RFC 8032 §5.1.7) over <paramref name="data"/>. Never throws for bad input:
    /// a signature that is not 64 bytes, has a non-canonical S, or uses a small-order R gives <see langword="false"/>.
    /// </summary>
    /// <param name="data">The signed message.</param>
    /// <param name="signature">The signature, R ‖ S.</param>
    /// <returns>Whether the signature is valid for this key and message.</returns>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => VerifyWith(data, signature, Ed25519.Backend);

    /// <inheritdoc/>
    public bool Equals(Ed25519PublicKey? other) => other is not null && bytes.AsSpan().SequenceEqual(other.bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Ed25519PublicKey);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    /// <summary>The Multikey form, <c>z6Mk…</c>.</summary>
    /// <returns>The multibase value.</returns>
    public override string ToString() => ToMultibase();

    internal static Ed25519PublicKey FromTrustedBytes(byte[] publicKey) => new(publicKey);

    internal bool VerifyWith(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, IEd25519Backend backend) =>
        signature.Length == Ed25519.SignatureSize && backend.Verify(bytes, data, signature);

    internal static bool TryFromMultibaseCore(string value, [NotNullWhen(true)] out Ed25519PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (value.Length == 0 || value[0] != Multibase.Base58BtcPrefix)
        {
            error = "A Multikey public key must be multibase base58btc (start with 'z').";
            return false;
        }

        if (!Multibase.TryDecodeCore(value, out var decoded, out error))
        {
            return false;
        }

        if (!Multicodec.TryReadVarint(decoded, out var codec, out var prefixLength))
        {
            error = "The Multikey value has no valid multicodec prefix.";
            return false;
        }

        if (codec != Multicodec.Ed25519Public)
        {
            error = "The Multikey value is " + Multicodec.Describe(codec) + ", not an Ed25519 public key (ed25519-pub, 0xed).";
            return false;
        }

        if (decoded.Length - prefixLength != Ed25519.PublicKeySize)
        {
            error = "An ed25519-pub Multikey must hold 32 key bytes, got "
                + (decoded.Length - prefixLength).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
            return false;
        }

        key = new Ed25519PublicKey(decoded[prefixLength..]);
        error = null;
        return true;
    }

    internal static bool TryFromJwkCore(JsonObject jwk, [NotNullWhen(true)] out Ed25519PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!Jwk.TryReadEd25519Member(jwk, "x", required: true, out var x, out error))
        {
            return false;
        }

        key = new Ed25519PublicKey(x!);
        return true;
    }
}
