namespace MicroCredentials.VC.Crypto;

/// <summary>
/// An implementation of the Ed25519 primitive of RFC 8032 §5.1 (pure Ed25519, no context, no prehash).
/// Implementations wrap a vetted library; nothing here is hand-rolled.
/// </summary>
internal interface IEd25519Backend
{
    /// <summary>A short name for diagnostics: <c>libsodium</c> or <c>bouncycastle</c>.</summary>
    string Name { get; }

    /// <summary>Derives the 32-byte public key from a 32-byte seed (RFC 8032 §5.1.5).</summary>
    void PublicKeyFromSeed(ReadOnlySpan<byte> seed, Span<byte> publicKey);

    /// <summary>Signs <paramref name="message"/> (RFC 8032 §5.1.6).</summary>
    /// <param name="secretKey">64 bytes, seed ‖ public key (the libsodium/NaCl layout), pinned by the caller.</param>
    /// <param name="message">The message.</param>
    /// <param name="signature">64 bytes receive R ‖ S.</param>
    void Sign(byte[] secretKey, ReadOnlySpan<byte> message, Span<byte> signature);

    /// <summary>
    /// Verifies a 64-byte signature (RFC 8032 §5.1.7) with the checks libsodium applies: S must be canonical
    /// (S &lt; L), and neither the public key nor R may be a point of small order.
    /// </summary>
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
