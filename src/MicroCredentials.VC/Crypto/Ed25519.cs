namespace MicroCredentials.VC.Crypto;

/// <summary>
/// The Ed25519 signature algorithm (RFC 8032 §5.1, "pure" Ed25519 without context or prehash) as used by the
/// Data Integrity cryptosuites eddsa-rdfc-2022 and eddsa-jcs-2022 (W3C VC Data Integrity EdDSA Cryptosuites v1.0
/// §3) and by JOSE <c>EdDSA</c> (RFC 8037 §3.1). Keys are <see cref="Ed25519SigningKey"/> and
/// <see cref="Ed25519PublicKey"/>.
/// </summary>
/// <remarks>
/// <para>
/// Two implementations sit behind this algorithm: NSec (libsodium, whose native builds for Linux, macOS and
/// Windows come with the NSec.Cryptography package), chosen when it loads, and BouncyCastle's managed RFC 8032 code
/// only where it cannot. Both produce
/// byte-identical keys and signatures (Ed25519 signing is deterministic) and accept exactly the same
/// signatures: non-canonical S (S ≥ L), small-order public keys or R and non-canonical public keys are rejected
/// by both. <see cref="BackendName"/> tells which one is in use.
/// </para>
/// <para>
/// Set the environment variable <c>MCRED_ED25519_BACKEND</c> to <c>bouncycastle</c> (or <c>managed</c>) before
/// first use to force the managed implementation, or to <c>nsec</c> to prefer the native one (the default).
/// </para>
/// </remarks>
public static class Ed25519
{
    /// <summary>The size in bytes of a private key seed (RFC 8032 §5.1.5).</summary>
    public const int SeedSize = 32;

    /// <summary>The size in bytes of an encoded public key (RFC 8032 §5.1.2).</summary>
    public const int PublicKeySize = 32;

    /// <summary>The size in bytes of a signature, R ‖ S (RFC 8032 §5.1.6).</summary>
    public const int SignatureSize = 64;

    /// <summary>The environment variable that forces a backend: <c>bouncycastle</c>/<c>managed</c> or <c>nsec</c>.</summary>
    public const string BackendEnvironmentVariable = "MCRED_ED25519_BACKEND";

    private static readonly Lazy<IEd25519Backend> DefaultBackend = new(SelectBackend);

    /// <summary>
    /// The implementation in use for new keys and for <see cref="Ed25519PublicKey.Verify"/>: <c>nsec</c> or
    /// <c>bouncycastle</c>.
    /// </summary>
    public static string BackendName => Backend.Name;

    /// <summary>Whether the NSec backend (native libsodium) could be loaded on this machine.</summary>
    public static bool IsNSecAvailable => NSecEd25519.Instance is not null;

    /// <summary>The default backend (chosen once per process).</summary>
    internal static IEd25519Backend Backend => DefaultBackend.Value;

    /// <summary>The NSec backend, or <see langword="null"/> when NSec cannot be loaded.</summary>
    internal static IEd25519Backend? NSec => NSecEd25519.Instance;

    /// <summary>The managed BouncyCastle backend (always available).</summary>
    internal static IEd25519Backend BouncyCastle => BouncyCastleEd25519.Instance;

    private static IEd25519Backend SelectBackend()
    {
        var requested = Environment.GetEnvironmentVariable(BackendEnvironmentVariable)?.Trim();
        if (string.Equals(requested, "bouncycastle", StringComparison.OrdinalIgnoreCase)
            || string.Equals(requested, "managed", StringComparison.OrdinalIgnoreCase))
        {
            return BouncyCastleEd25519.Instance;
        }

        return (IEd25519Backend?)NSecEd25519.Instance ?? BouncyCastleEd25519.Instance;
    }
}
