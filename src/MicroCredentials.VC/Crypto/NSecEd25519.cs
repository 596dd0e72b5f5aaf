using NSec.Cryptography;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Ed25519 (RFC 8032 §5.1) through NSec's <see cref="SignatureAlgorithm.Ed25519"/>, which calls libsodium's
/// <c>crypto_sign_seed_keypair</c>, <c>crypto_sign_detached</c> and <c>crypto_sign_verify_detached</c> (rejecting
/// non-canonical S, small-order public keys and small-order R). The NSec.Cryptography package carries libsodium's
/// native builds for Linux, macOS and Windows, so no system package is needed. Private keys live in libsodium's
/// guarded memory and are never exported from NSec.
/// </summary>
internal sealed class NSecEd25519 : IEd25519Backend
{
    private static readonly Lazy<NSecEd25519?> InstanceLazy = new(TryCreate);

    private NSecEd25519()
    {
    }

    /// <summary>The backend, or <see langword="null"/> when NSec (its native libsodium) cannot be loaded here.</summary>
    internal static NSecEd25519? Instance => InstanceLazy.Value;

    /// <inheritdoc/>
    public string Name => "nsec";

    /// <inheritdoc/>
    public Ed25519PrivateHandle Import(byte[] secretKey)
    {
        if (secretKey.Length != 2 * Ed25519.SeedSize)
        {
            throw Error.ArgumentLength(nameof(secretKey), 2 * Ed25519.SeedSize, secretKey.Length);
        }

        var key = Key.Import(SignatureAlgorithm.Ed25519, secretKey.AsSpan(0, Ed25519.SeedSize), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        try
        {
            if (!key.PublicKey.TryExport(KeyBlobFormat.RawPublicKey, secretKey.AsSpan(Ed25519.SeedSize), out var written) || written != Ed25519.PublicKeySize)
            {
                throw Error.InvalidOperation("NSec did not export the 32-byte Ed25519 public key.");
            }

            return new Handle(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519.PublicKeySize || signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }

        // A verifier sees the same issuer keys again and again: the last imported key of this thread is reused
        // (NSec validates a public key on import, which costs about as much as hashing a small document).
        var cached = lastKey;
        if (cached is null || !publicKey.SequenceEqual(cached.Value.Bytes))
        {
            if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var imported))
            {
                return false;
            }

            cached = (publicKey.ToArray(), imported!);
            lastKey = cached;
        }

        return SignatureAlgorithm.Ed25519.Verify(cached.Value.Key, message, signature);
    }

    [ThreadStatic]
    private static (byte[] Bytes, PublicKey Key)? lastKey;

    private static NSecEd25519? TryCreate()
    {
        try
        {
            // Touching the algorithm initializes libsodium; a self-test proves the native library works here.
            var backend = new NSecEd25519();
            var secret = new byte[2 * Ed25519.SeedSize];
            using var handle = backend.Import(secret);
            Span<byte> signature = stackalloc byte[Ed25519.SignatureSize];
            handle.Sign([], signature);
            return backend.Verify(secret.AsSpan(Ed25519.SeedSize), [], signature) ? backend : null;
        }
#pragma warning disable CA1031 // Any failure to load or initialize the native library selects the managed backend.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private sealed class Handle(Key key) : Ed25519PrivateHandle
    {
        public override void Sign(ReadOnlySpan<byte> message, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(key, message, signature);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                key.Dispose();
            }
        }
    }
}
