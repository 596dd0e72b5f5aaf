namespace MicroCredentials.VC.Crypto;

/// <summary>
/// An implementation of the Ed25519 primitive of RFC 8032 §5.1 (pure Ed25519, no context, no prehash).
/// Implementations wrap a vetted library (NSec over libsodium, or BouncyCastle); nothing here is hand-rolled.
/// </summary>
internal interface IEd25519Backend
{
    /// <summary>A short name for diagnostics: <c>nsec</c> or <c>bouncycastle</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Imports a private key (RFC 8032 §5.1.5): reads the 32-byte seed from the start of <paramref name="secretKey"/>,
    /// writes the derived public key into its last 32 bytes, and returns the handle that signs with it.
    /// </summary>
    /// <param name="secretKey">64 bytes, seed ‖ public key (the libsodium/NaCl layout), pinned and owned by the caller, who zeroes it.</param>
    /// <returns>The signing handle; disposing it releases what the backend holds (never the caller's buffer).</returns>
    Ed25519PrivateHandle Import(byte[] secretKey);

    /// <summary>
    /// Verifies a 64-byte signature (RFC 8032 §5.1.7) with the checks libsodium applies: S must be canonical
    /// (S &lt; L), and neither the public key nor R may be a point of small order.
    /// </summary>
    /// <param name="publicKey">The 32-byte public key.</param>
    /// <param name="message">The message.</param>
    /// <param name="signature">The signature, R ‖ S.</param>
    /// <returns>Whether the signature is valid.</returns>
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}

/// <summary>A backend's private key, ready to sign (RFC 8032 §5.1.6). Thread-safe for signing.</summary>
internal abstract class Ed25519PrivateHandle : IDisposable
{
    /// <summary>Signs <paramref name="message"/> into exactly 64 bytes, R ‖ S.</summary>
    /// <param name="message">The message.</param>
    /// <param name="signature">64 bytes.</param>
    public abstract void Sign(ReadOnlySpan<byte> message, Span<byte> signature);

    /// <summary>Releases what the backend holds for the key.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the backend holds for the key.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
