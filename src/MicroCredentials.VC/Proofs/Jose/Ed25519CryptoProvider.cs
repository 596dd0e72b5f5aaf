using MicroCredentials.VC.Crypto;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// The IdentityModel crypto provider for JWS <c>EdDSA</c> with Ed25519 (RFC 8037 §3.1), used as the
/// <see cref="CryptoProviderFactory.CustomCryptoProvider"/> of every <see cref="Ed25519SecurityKey"/>. It creates
/// signature providers that call this library's Ed25519 implementation (libsodium or BouncyCastle); no
/// cryptography is implemented here.
/// </summary>
public sealed class Ed25519CryptoProvider : ICryptoProvider
{
    private Ed25519CryptoProvider()
    {
    }

    /// <summary>The provider.</summary>
    public static Ed25519CryptoProvider Instance { get; } = new();

    /// <summary>Whether the algorithm is <c>EdDSA</c> and the first argument an <see cref="Ed25519SecurityKey"/>.</summary>
    /// <param name="algorithm">The JWS algorithm.</param>
    /// <param name="args">IdentityModel's arguments: the key, then whether signatures will be created.</param>
    /// <returns>Whether this provider handles the request.</returns>
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        string.Equals(algorithm, JoseAlgorithms.EdDsa, StringComparison.Ordinal)
        && (args is null || args.Length == 0 || args[0] is Ed25519SecurityKey);

    /// <summary>Creates a <see cref="SignatureProvider"/> for an <see cref="Ed25519SecurityKey"/>.</summary>
    /// <param name="algorithm">Must be <c>EdDSA</c>.</param>
    /// <param name="args">The key, then whether signatures will be created (a key without private part cannot sign).</param>
    /// <returns>The signature provider.</returns>
    /// <exception cref="NotSupportedException">Another algorithm, another key type, or signing with a public key.</exception>
    public object Create(string algorithm, params object[] args)
    {
        if (!string.Equals(algorithm, JoseAlgorithms.EdDsa, StringComparison.Ordinal) || args is null || args.Length == 0 || args[0] is not Ed25519SecurityKey key)
        {
            throw new NotSupportedException("Ed25519CryptoProvider handles only the EdDSA algorithm with an Ed25519SecurityKey.");
        }

        var willSign = args.Length > 1 && args[1] is true;
        if (willSign && key.SigningKey is null)
        {
            throw new NotSupportedException("The Ed25519 key has no private part: it can verify but not sign.");
        }

        return new EdDsaSignatureProvider(key, willSign);
    }

    /// <summary>Disposes a provider this class created.</summary>
    /// <param name="cryptoInstance">The provider.</param>
    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}

/// <summary>Signs and verifies JWS <c>EdDSA</c> (RFC 8037 §3.1: the signature is Ed25519 over the JWS signing input).</summary>
internal sealed class EdDsaSignatureProvider : SignatureProvider
{
    private readonly Ed25519SecurityKey _key;

    public EdDsaSignatureProvider(Ed25519SecurityKey key, bool willCreateSignatures)
        : base(key, JoseAlgorithms.EdDsa)
    {
        _key = key;
        WillCreateSignatures = willCreateSignatures;
    }

    public override byte[] Sign(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Signer().Sign(input);
    }

    public override byte[] Sign(byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Signer().Sign(input.AsSpan(offset, count));
    }

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Ed25519.SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        Signer().Sign(data, destination[..Ed25519.SignatureSize]);
        bytesWritten = Ed25519.SignatureSize;
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return _key.PublicKey.Verify(input, signature);
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return _key.PublicKey.Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));
    }

    protected override void Dispose(bool disposing)
    {
    }

    private Ed25519SigningKey Signer() =>
        _key.SigningKey ?? throw new InvalidOperationException("The Ed25519 key has no private part: it can verify but not sign.");
}
