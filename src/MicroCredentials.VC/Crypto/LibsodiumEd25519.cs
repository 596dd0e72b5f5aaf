using System.Reflection;
using System.Runtime.InteropServices;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Ed25519 (RFC 8032 §5.1) through libsodium's <c>crypto_sign_seed_keypair</c>, <c>crypto_sign_detached</c> and
/// <c>crypto_sign_verify_detached</c> (libsodium ≥ 1.0.16 rejects non-canonical S, small-order public keys and
/// small-order R). The native library is <c>libsodium.so.23</c> (Debian/Ubuntu package <c>libsodium23</c>) or any
/// library the loader finds as <c>libsodium</c>.
/// </summary>
internal sealed unsafe partial class LibsodiumEd25519 : IEd25519Backend
{
    /// <summary>The logical library name of the imports below; <see cref="NativeLibraries"/> maps it to a file.</summary>
    internal const string LibraryName = "mcred-libsodium";

    private const int SeedBytes = 32;
    private const int PublicKeyBytes = 32;
    private const int SecretKeyBytes = 64;
    private const int SignatureBytes = 64;

    private static readonly Lazy<LibsodiumEd25519?> InstanceLazy = new(TryCreate);

    private LibsodiumEd25519()
    {
    }

    /// <summary>The backend, or <see langword="null"/> when libsodium cannot be loaded or initialized.</summary>
    internal static LibsodiumEd25519? Instance => InstanceLazy.Value;

    /// <inheritdoc/>
    public string Name => "libsodium";

    /// <inheritdoc/>
    public void PublicKeyFromSeed(ReadOnlySpan<byte> seed, Span<byte> publicKey)
    {
        if (seed.Length != SeedBytes)
        {
            throw Error.ArgumentLength(nameof(seed), SeedBytes, seed.Length);
        }

        if (publicKey.Length != PublicKeyBytes)
        {
            throw Error.ArgumentLength(nameof(publicKey), PublicKeyBytes, publicKey.Length);
        }

        byte* sk = stackalloc byte[SecretKeyBytes];
        try
        {
            fixed (byte* pSeed = seed)
            fixed (byte* pPk = publicKey)
            {
                if (crypto_sign_seed_keypair(pPk, sk, pSeed) != 0)
                {
                    throw Error.InvalidOperation("libsodium crypto_sign_seed_keypair failed.");
                }
            }
        }
        finally
        {
            new Span<byte>(sk, SecretKeyBytes).Clear();
        }
    }

    /// <inheritdoc/>
    public void Sign(byte[] secretKey, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        if (secretKey.Length != SecretKeyBytes)
        {
            throw Error.ArgumentLength(nameof(secretKey), SecretKeyBytes, secretKey.Length);
        }

        if (signature.Length != SignatureBytes)
        {
            throw Error.ArgumentLength(nameof(signature), SignatureBytes, signature.Length);
        }

        fixed (byte* pSk = secretKey)
        fixed (byte* pM = message)
        fixed (byte* pSig = signature)
        {
            if (crypto_sign_detached(pSig, null, pM, (ulong)message.Length, pSk) != 0)
            {
                throw Error.InvalidOperation("libsodium crypto_sign_detached failed.");
            }
        }
    }

    /// <inheritdoc/>
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyBytes || signature.Length != SignatureBytes)
        {
            return false;
        }

        fixed (byte* pPk = publicKey)
        fixed (byte* pM = message)
        fixed (byte* pSig = signature)
        {
            return crypto_sign_verify_detached(pSig, pM, (ulong)message.Length, pPk) == 0;
        }
    }

    private static LibsodiumEd25519? TryCreate()
    {
        if (!NativeLibraries.TryLoadLibsodium(out _))
        {
            return null;
        }

        try
        {
            if (sodium_init() < 0
                || crypto_sign_bytes() != SignatureBytes
                || crypto_sign_seedbytes() != SeedBytes
                || crypto_sign_publickeybytes() != PublicKeyBytes
                || crypto_sign_secretkeybytes() != SecretKeyBytes)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }

        return new LibsodiumEd25519();
    }

    [LibraryImport(LibraryName)]
    private static partial int sodium_init();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_sign_bytes();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_sign_seedbytes();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_sign_publickeybytes();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_sign_secretkeybytes();

    [LibraryImport(LibraryName)]
    private static partial int crypto_sign_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(LibraryName)]
    private static partial int crypto_sign_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);

    [LibraryImport(LibraryName)]
    private static partial int crypto_sign_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);
}

/// <summary>
/// Resolves the native libraries this assembly imports. An assembly can register only one
/// <see cref="NativeLibrary.SetDllImportResolver"/> callback, so every native import of MicroCredentials.VC goes
/// through here: add new libraries to <see cref="Resolve"/>.
/// </summary>
internal static class NativeLibraries
{
    private static readonly string[] LibsodiumCandidates = ["libsodium.so.23", "libsodium", "libsodium.so", "libsodium.dylib", "libsodium-26"];
    private static readonly object Gate = new();
    private static bool registered;
    private static IntPtr libsodium;

    /// <summary>Loads libsodium (once) and reports whether it is available.</summary>
    internal static bool TryLoadLibsodium(out IntPtr handle)
    {
        lock (Gate)
        {
            Register();
            if (libsodium == IntPtr.Zero)
            {
                foreach (var name in LibsodiumCandidates)
                {
                    if (NativeLibrary.TryLoad(name, typeof(NativeLibraries).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.ApplicationDirectory, out var h)
                        || NativeLibrary.TryLoad(name, out h))
                    {
                        libsodium = h;
                        break;
                    }
                }
            }

            handle = libsodium;
            return handle != IntPtr.Zero;
        }
    }

    private static void Register()
    {
        if (registered)
        {
            return;
        }

        registered = true;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Someone else registered a resolver for this assembly; the imports then fail to load and the
            // managed backend is used instead.
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibsodiumEd25519.LibraryName ? libsodium : IntPtr.Zero;
}
