using System.Buffers;
using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Ed25519 (RFC 8032 §5.1) through BouncyCastle's managed <c>Org.BouncyCastle.Math.EC.Rfc8032.Ed25519</c>: the
/// fallback where NSec (its native libsodium) cannot load, and selectable with <c>MCRED_ED25519_BACKEND=bouncycastle</c>.
/// </summary>
/// <remarks>
/// Verification applies the same input checks as libsodium's <c>crypto_sign_verify_detached</c> before calling
/// BouncyCastle, so both backends accept exactly the same signatures: S must be a canonical scalar (S &lt; L,
/// RFC 8032 §5.1.7 step 1), the public key must be a canonical encoding (y &lt; p), and neither the public key
/// nor R may encode a point of small order. These are comparisons of encodings, not curve arithmetic.
/// </remarks>
internal sealed class BouncyCastleEd25519 : IEd25519Backend
{
    private const int KeyBytes = 32;
    private const int SignatureBytes = 64;

    /// <summary>The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian.</summary>
    private static ReadOnlySpan<byte> GroupOrder =>
    [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    /// <summary>
    /// Encodings (sign bit ignored) of the points of order 1, 2, 4 and 8, including the non-canonical encodings
    /// y = p and y = p + 1; the same list libsodium checks in <c>ge25519_has_small_order</c>.
    /// </summary>
    private static ReadOnlySpan<byte> SmallOrderEncodings =>
    [
        // y = 0 (order 4)
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,

        // y = 1, the neutral element (order 1)
        0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,

        // order 8
        0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
        0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,

        // order 8
        0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
        0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,

        // y = p - 1 (order 2)
        0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,

        // y = p, non-canonical 0 (order 4)
        0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,

        // y = p + 1, non-canonical 1 (order 1)
        0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
    ];

    static BouncyCastleEd25519() => Rfc8032.Ed25519.Precompute();

    private BouncyCastleEd25519()
    {
    }

    /// <summary>The backend (always available).</summary>
    internal static BouncyCastleEd25519 Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "bouncycastle";

    /// <inheritdoc/>
    public Ed25519PrivateHandle Import(byte[] secretKey)
    {
        if (secretKey.Length != 2 * KeyBytes)
        {
            throw Error.ArgumentLength(nameof(secretKey), 2 * KeyBytes, secretKey.Length);
        }

        Rfc8032.Ed25519.GeneratePublicKey(secretKey, 0, secretKey, KeyBytes);
        return new Handle(secretKey);
    }

    /// <inheritdoc/>
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != KeyBytes || signature.Length != SignatureBytes)
        {
            return false;
        }

        if (!IsCanonicalScalar(signature[KeyBytes..])
            || HasSmallOrder(signature[..KeyBytes])
            || !IsCanonicalPointEncoding(publicKey)
            || HasSmallOrder(publicKey))
        {
            return false;
        }

        var m = ArrayPool<byte>.Shared.Rent(message.Length);
        try
        {
            message.CopyTo(m);
            return Rfc8032.Ed25519.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, m, 0, message.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(m);
        }
    }

    /// <summary>Signs with the caller's pinned seed ‖ public key buffer (which the caller zeroes).</summary>
    private sealed class Handle(byte[] secretKey) : Ed25519PrivateHandle
    {
        public override void Sign(ReadOnlySpan<byte> message, Span<byte> signature)
        {
            if (signature.Length != SignatureBytes)
            {
                throw Error.ArgumentLength(nameof(signature), SignatureBytes, signature.Length);
            }

            var m = ArrayPool<byte>.Shared.Rent(message.Length);
            var sig = new byte[SignatureBytes];
            try
            {
                message.CopyTo(m);
                Rfc8032.Ed25519.Sign(secretKey, 0, secretKey, KeyBytes, m, 0, message.Length, sig, 0);
                sig.CopyTo(signature);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(m);
            }
        }
    }

    /// <summary>Whether the little-endian scalar <paramref name="s"/> is below the group order L.</summary>
    internal static bool IsCanonicalScalar(ReadOnlySpan<byte> s)
    {
        var order = GroupOrder;
        for (var i = KeyBytes - 1; i >= 0; i--)
        {
            if (s[i] != order[i])
            {
                return s[i] < order[i];
            }
        }

        return false; // s == L
    }

    /// <summary>Whether the y coordinate of the point encoding (sign bit ignored) is below p = 2^255 − 19.</summary>
    internal static bool IsCanonicalPointEncoding(ReadOnlySpan<byte> encoded)
    {
        if ((encoded[31] & 0x7f) != 0x7f)
        {
            return true;
        }

        for (var i = 30; i > 0; i--)
        {
            if (encoded[i] != 0xff)
            {
                return true;
            }
        }

        return encoded[0] < 0xed;
    }

    /// <summary>Whether the point encoding (sign bit ignored) is one of the small-order encodings.</summary>
    internal static bool HasSmallOrder(ReadOnlySpan<byte> encoded)
    {
        var list = SmallOrderEncodings;
        for (var offset = 0; offset < list.Length; offset += KeyBytes)
        {
            var candidate = list.Slice(offset, KeyBytes);
            if (encoded[..31].SequenceEqual(candidate[..31]) && (encoded[31] & 0x7f) == candidate[31])
            {
                return true;
            }
        }

        return false;
    }
}
