using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// An Ed25519 private key (RFC 8032 §5.1.5) that signs (RFC 8032 §5.1.6). Sealed and disposable: the secret is
/// held in a pinned buffer that <see cref="Dispose"/> zeroes, and it can be exported only when the key was created
/// or imported with <see cref="KeyExportPolicy.AllowPlaintextExport"/>.
/// </summary>
/// <remarks>
/// <para>Import formats:</para>
/// <list type="bullet">
/// <item>a 32-byte seed (<see cref="FromSeed"/>);</item>
/// <item>Multikey <c>secretKeyMultibase</c> (<c>z3u2…</c>: base58btc of multicodec ed25519-priv <c>0x80 0x26</c>
/// and the 32-byte seed; W3C Controlled Identifiers §2.2.2), also with a 64-byte seed ‖ public key body, and the
/// prefix-less 64-byte NaCl form (<c>zrv…</c>) found in Open Badges test vectors;</item>
/// <item>a private JWK (<c>kty</c> OKP, <c>crv</c> Ed25519, <c>d</c>, <c>x</c>; RFC 8037 §2).</item>
/// </list>
/// <para>
/// Signing is thread-safe. Disposing while another thread signs is not supported. The secret never appears in
/// exception messages or <see cref="ToString"/>.
/// </para>
/// </remarks>
public sealed class Ed25519SigningKey : IDisposable
{
    private const int SecretKeySize = 64;

    /// <summary>seed ‖ public key, pinned so the GC never copies it; zeroed by <see cref="Dispose"/>.</summary>
    private readonly byte[] secretKey;
    private readonly IEd25519Backend backend;
    private readonly Ed25519PrivateHandle handle;
    private readonly Ed25519PublicKey publicKey;
    private volatile bool disposed;

    private Ed25519SigningKey(byte[] secretKey, Ed25519PrivateHandle handle, Ed25519PublicKey publicKey, KeyExportPolicy exportPolicy, IEd25519Backend backend)
    {
        this.secretKey = secretKey;
        this.handle = handle;
        this.publicKey = publicKey;
        this.backend = backend;
        ExportPolicy = exportPolicy;
    }

    /// <summary>The public key.</summary>
    public Ed25519PublicKey PublicKey => publicKey;

    /// <summary>Whether the private key may be exported.</summary>
    public KeyExportPolicy ExportPolicy { get; }

    /// <summary>The name of the implementation this key signs with (<c>nsec</c> or <c>bouncycastle</c>).</summary>
    public string BackendName => backend.Name;

    /// <summary>Generates a new key from the operating system's cryptographic random number generator.</summary>
    /// <param name="exportPolicy">Whether the private key may be exported.</param>
    /// <returns>The new key.</returns>
    public static Ed25519SigningKey Generate(KeyExportPolicy exportPolicy = KeyExportPolicy.None) =>
        GenerateWith(exportPolicy, Ed25519.Backend);

    /// <summary>Creates a key from its 32-byte seed (the RFC 8032 private key).</summary>
    /// <param name="seed">The 32-byte seed. It is copied; the caller should zero its own copy.</param>
    /// <param name="exportPolicy">Whether the private key may be exported.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is not 32 bytes long.</exception>
    public static Ed25519SigningKey FromSeed(ReadOnlySpan<byte> seed, KeyExportPolicy exportPolicy = KeyExportPolicy.None) =>
        FromSeedWith(seed, exportPolicy, Ed25519.Backend);

    /// <summary>
    /// Imports a Multikey secret key: <c>z3u2…</c> (ed25519-priv + 32-byte seed), ed25519-priv + 64-byte seed ‖
    /// public key, or the prefix-less 64-byte seed ‖ public key form (<c>zrv…</c>). When the value carries the
    /// public key, it must match the one derived from the seed.
    /// </summary>
    /// <param name="secretKeyMultibase">The multibase value.</param>
    /// <param name="exportPolicy">Whether the private key may be exported.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secretKeyMultibase"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The value is not an Ed25519 secret key (the message says why, without echoing it).</exception>
    public static Ed25519SigningKey ImportSecretMultibase(string secretKeyMultibase, KeyExportPolicy exportPolicy = KeyExportPolicy.None)
    {
        ArgumentNullException.ThrowIfNull(secretKeyMultibase);
        return TryImportSecretMultibaseCore(secretKeyMultibase, exportPolicy, Ed25519.Backend, out var key, out var error)
            ? key
            : throw Error.Format(error);
    }

    /// <summary>Imports a Multikey secret key without throwing (see <see cref="ImportSecretMultibase"/>).</summary>
    /// <param name="value">The multibase value.</param>
    /// <param name="exportPolicy">Whether the private key may be exported.</param>
    /// <param name="key">The key, when the value is valid.</param>
    /// <returns>Whether the value is a valid Ed25519 secret key.</returns>
    public static bool TryImportSecretMultibase([NotNullWhen(true)] string? value, KeyExportPolicy exportPolicy, [NotNullWhen(true)] out Ed25519SigningKey? key)
    {
        key = null;
        return value is not null && TryImportSecretMultibaseCore(value, exportPolicy, Ed25519.Backend, out key, out _);
    }

    /// <summary>
    /// Imports a private JWK (RFC 8037 §2): <c>kty</c> <c>OKP</c>, <c>crv</c> <c>Ed25519</c>, <c>d</c> (the
    /// base64url seed) and, when present, <c>x</c>, which must match the public key derived from <c>d</c>.
    /// <c>alg</c>, when present, must be <c>EdDSA</c> or <c>Ed25519</c>.
    /// </summary>
    /// <param name="privateJwk">The JWK.</param>
    /// <param name="exportPolicy">Whether the private key may be exported.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="privateJwk"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JWK is not an Ed25519 private key (the message says why, without echoing it).</exception>
    public static Ed25519SigningKey ImportJwk(JsonObject privateJwk, KeyExportPolicy exportPolicy = KeyExportPolicy.None)
    {
        ArgumentNullException.ThrowIfNull(privateJwk);
        return TryImportJwkCore(privateJwk, exportPolicy, Ed25519.Backend, out var key, out var error) ? key : throw Error.Format(error);
    }

    /// <summary>Imports a private JWK without throwing (see <see cref="ImportJwk"/>).</summary>
    /// <param name="privateJwk">The JWK.</param>
    /// <param name="exportPolicy">Whether the private key may be exported.</param>
    /// <param name="key">The key, when the JWK is valid.</param>
    /// <returns>Whether the JWK is a valid Ed25519 private key.</returns>
    public static bool TryImportJwk([NotNullWhen(true)] JsonObject? privateJwk, KeyExportPolicy exportPolicy, [NotNullWhen(true)] out Ed25519SigningKey? key)
    {
        key = null;
        return privateJwk is not null && TryImportJwkCore(privateJwk, exportPolicy, Ed25519.Backend, out key, out _);
    }

    /// <summary>Signs <paramref name="data"/> (RFC 8032 §5.1.6).</summary>
    /// <param name="data">The message.</param>
    /// <returns>The 64-byte signature R ‖ S.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signature = new byte[Ed25519.SignatureSize];
        Sign(data, signature);
        return signature;
    }

    /// <summary>Signs <paramref name="data"/> into a caller-supplied buffer (RFC 8032 §5.1.6).</summary>
    /// <param name="data">The message.</param>
    /// <param name="signature">Exactly 64 bytes that receive R ‖ S.</param>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is not 64 bytes long.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        ThrowIfDisposed();
        if (signature.Length != Ed25519.SignatureSize)
        {
            throw Error.ArgumentLength(nameof(signature), Ed25519.SignatureSize, signature.Length);
        }

        handle.Sign(data, signature);
    }

    /// <summary>Exports the 32-byte seed.</summary>
    /// <returns>A new array holding the seed; the caller should zero it when done.</returns>
    /// <exception cref="InvalidOperationException">The key's <see cref="ExportPolicy"/> is <see cref="KeyExportPolicy.None"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] ExportSeed()
    {
        ThrowIfExportBlocked();
        return secretKey.AsSpan(0, Ed25519.SeedSize).ToArray();
    }

    /// <summary>Exports the Multikey <c>secretKeyMultibase</c>: <c>z3u2…</c> (ed25519-priv + 32-byte seed).</summary>
    /// <returns>The multibase value.</returns>
    /// <exception cref="InvalidOperationException">The key's <see cref="ExportPolicy"/> is <see cref="KeyExportPolicy.None"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public string ExportSecretMultibase()
    {
        ThrowIfExportBlocked();
        Span<byte> buffer = stackalloc byte[2 + Ed25519.SeedSize];
        try
        {
            Multicodec.Ed25519PrivatePrefix.CopyTo(buffer);
            secretKey.AsSpan(0, Ed25519.SeedSize).CopyTo(buffer[2..]);
            return Multibase.EncodeBase58Btc(buffer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Exports the private JWK <c>{"kty":"OKP","crv":"Ed25519","x":…,"d":…}</c> (RFC 8037 §2).</summary>
    /// <returns>A new JSON object.</returns>
    /// <exception cref="InvalidOperationException">The key's <see cref="ExportPolicy"/> is <see cref="KeyExportPolicy.None"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public JsonObject ExportPrivateJwk()
    {
        ThrowIfExportBlocked();
        var jwk = publicKey.ToJwk();
        jwk["d"] = Base64Url.Encode(secretKey.AsSpan(0, Ed25519.SeedSize));
        return jwk;
    }

    /// <summary>Zeroes the secret if the key was never disposed.</summary>
    ~Ed25519SigningKey() => CryptographicOperations.ZeroMemory(secretKey);

    /// <summary>Zeroes the secret. Later signing or export throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            handle.Dispose();
            CryptographicOperations.ZeroMemory(secretKey);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Describes the key by its public part only.</summary>
    /// <returns><c>Ed25519SigningKey(z6Mk…)</c>.</returns>
    public override string ToString() => "Ed25519SigningKey(" + publicKey.ToMultibase() + ")";

    internal static Ed25519SigningKey GenerateWith(KeyExportPolicy exportPolicy, IEd25519Backend backend)
    {
        Span<byte> seed = stackalloc byte[Ed25519.SeedSize];
        try
        {
            RandomNumberGenerator.Fill(seed);
            return FromSeedWith(seed, exportPolicy, backend);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    internal static Ed25519SigningKey FromSeedWith(ReadOnlySpan<byte> seed, KeyExportPolicy exportPolicy, IEd25519Backend backend)
    {
        if (seed.Length != Ed25519.SeedSize)
        {
            throw Error.ArgumentLength(nameof(seed), Ed25519.SeedSize, seed.Length);
        }

        if (exportPolicy is not (KeyExportPolicy.None or KeyExportPolicy.AllowPlaintextExport))
        {
            throw Error.ArgumentOutOfRange(nameof(exportPolicy), "Unknown key export policy.");
        }

        var secret = GC.AllocateArray<byte>(SecretKeySize, pinned: true);
        seed.CopyTo(secret);
        try
        {
            var handle = backend.Import(secret);
            var pk = secret.AsSpan(Ed25519.SeedSize).ToArray();
            return new Ed25519SigningKey(secret, handle, Ed25519PublicKey.FromTrustedBytes(pk), exportPolicy, backend);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(secret);
            throw;
        }
    }

    internal static bool TryImportSecretMultibaseCore(
        string value,
        KeyExportPolicy exportPolicy,
        IEd25519Backend backend,
        [NotNullWhen(true)] out Ed25519SigningKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (value.Length == 0 || value[0] != Multibase.Base58BtcPrefix)
        {
            error = "An Ed25519 secret key must be multibase base58btc (start with 'z').";
            return false;
        }

        if (!Multibase.TryDecodeCore(value, out var decoded, out error))
        {
            return false;
        }

        try
        {
            ReadOnlySpan<byte> body;
            if (decoded.Length == SecretKeySize)
            {
                // The NaCl/libsodium layout without a multicodec prefix (e.g. Open Badges 3.0 "zrv…").
                body = decoded;
            }
            else
            {
                if (!Multicodec.TryReadVarint(decoded, out var codec, out var prefixLength))
                {
                    error = "The secret key has no valid multicodec prefix.";
                    return false;
                }

                if (codec != Multicodec.Ed25519Private)
                {
                    error = "The secret key is " + Multicodec.Describe(codec) + ", not an Ed25519 private key (ed25519-priv, 0x1300)"
                        + (codec == Multicodec.Ed25519Public ? "; this looks like a public key." : ".");
                    return false;
                }

                body = decoded.AsSpan(prefixLength);
                if (body.Length != Ed25519.SeedSize && body.Length != SecretKeySize)
                {
                    error = "An ed25519-priv secret key must hold a 32-byte seed (or 64 bytes: seed and public key), got "
                        + body.Length.ToString(CultureInfo.InvariantCulture) + " bytes.";
                    return false;
                }
            }

            return TryFromSeedAndOptionalPublic(body[..Ed25519.SeedSize], body.Length == SecretKeySize ? body[Ed25519.SeedSize..] : default, exportPolicy, backend, "the public key inside the secret key", out key, out error);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
        }
    }

    internal static bool TryImportJwkCore(
        JsonObject jwk,
        KeyExportPolicy exportPolicy,
        IEd25519Backend backend,
        [NotNullWhen(true)] out Ed25519SigningKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!Jwk.TryReadEd25519Member(jwk, "d", required: true, out var d, out error))
        {
            if (error == "The JWK has no \"d\"." && jwk.ContainsKey("x"))
            {
                error = "The JWK is a public key: it has no private member \"d\".";
            }

            return false;
        }

        try
        {
            if (!Jwk.TryReadEd25519Member(jwk, "x", required: false, out var x, out error))
            {
                return false;
            }

            return TryFromSeedAndOptionalPublic(d, x, exportPolicy, backend, "the JWK's \"x\"", out key, out error);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }

    private static bool TryFromSeedAndOptionalPublic(
        ReadOnlySpan<byte> seed,
        ReadOnlySpan<byte> expectedPublic,
        KeyExportPolicy exportPolicy,
        IEd25519Backend backend,
        string publicSource,
        [NotNullWhen(true)] out Ed25519SigningKey? key,
        [NotNullWhen(false)] out string? error)
    {
        var candidate = FromSeedWith(seed, exportPolicy, backend);
        if (!expectedPublic.IsEmpty && !expectedPublic.SequenceEqual(candidate.publicKey.Bytes))
        {
            candidate.Dispose();
            key = null;
            error = "The private key does not match " + publicSource + ": the public half differs from the public key derived from the seed.";
            return false;
        }

        key = candidate;
        error = null;
        return true;
    }

    private void ThrowIfDisposed()
    {
        if (disposed)
        {
            throw Error.Disposed(nameof(Ed25519SigningKey));
        }
    }

    private void ThrowIfExportBlocked()
    {
        ThrowIfDisposed();
        if (ExportPolicy != KeyExportPolicy.AllowPlaintextExport)
        {
            throw Error.ExportNotAllowed();
        }
    }
}
