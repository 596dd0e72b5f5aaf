using System.Globalization;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Multicodec key-type prefixes (multiformats multicodec table, encoded as unsigned LEB128 varints) used by
/// Multikey (W3C Controlled Identifiers §2.2.2) and did:key.
/// </summary>
internal static class Multicodec
{
    /// <summary>ed25519-pub, varint <c>0xed 0x01</c>.</summary>
    internal const ulong Ed25519Public = 0xed;

    /// <summary>ed25519-priv, varint <c>0x80 0x26</c>.</summary>
    internal const ulong Ed25519Private = 0x1300;

    /// <summary>p256-pub (compressed point), varint <c>0x80 0x24</c>.</summary>
    internal const ulong P256Public = 0x1200;

    /// <summary>p384-pub (compressed point), varint <c>0x81 0x24</c>.</summary>
    internal const ulong P384Public = 0x1201;

    /// <summary>p256-priv, varint <c>0x86 0x26</c>.</summary>
    internal const ulong P256Private = 0x1306;

    /// <summary>p384-priv, varint <c>0x87 0x26</c>.</summary>
    internal const ulong P384Private = 0x1307;

    /// <summary>The varint of p256-pub.</summary>
    internal static ReadOnlySpan<byte> P256PublicPrefix => [0x80, 0x24];

    /// <summary>The varint of p384-pub.</summary>
    internal static ReadOnlySpan<byte> P384PublicPrefix => [0x81, 0x24];

    /// <summary>The varint of ed25519-pub.</summary>
    internal static ReadOnlySpan<byte> Ed25519PublicPrefix => [0xed, 0x01];

    /// <summary>The varint of ed25519-priv.</summary>
    internal static ReadOnlySpan<byte> Ed25519PrivatePrefix => [0x80, 0x26];

    /// <summary>Reads an unsigned varint of at most 9 bytes.</summary>
    internal static bool TryReadVarint(ReadOnlySpan<byte> data, out ulong value, out int length)
    {
        value = 0;
        for (var i = 0; i < data.Length && i < 9; i++)
        {
            value |= (ulong)(data[i] & 0x7f) << (7 * i);
            if ((data[i] & 0x80) == 0)
            {
                length = i + 1;
                return true;
            }
        }

        length = 0;
        return false;
    }

    /// <summary>A name for a codec, for error messages (never the key bytes).</summary>
    internal static string Describe(ulong code)
    {
        var hex = "0x" + code.ToString("x", CultureInfo.InvariantCulture);
        var name = code switch
        {
            0xe7 => "secp256k1-pub",
            0xec => "x25519-pub",
            0xed => "ed25519-pub",
            0xee => "ed448-pub",
            0x1200 => "p256-pub",
            0x1201 => "p384-pub",
            0x1202 => "p521-pub",
            0x1205 => "rsa-pub",
            0x1300 => "ed25519-priv",
            0x1301 => "secp256k1-priv",
            0x1302 => "x25519-priv",
            0x1305 => "rsa-priv",
            0x1306 => "p256-priv",
            0x1307 => "p384-priv",
            0x1308 => "p521-priv",
            0xeb51 => "bls12_381-g2-pub",
            _ => null,
        };
        return name is null ? "multicodec " + hex : name + " (" + hex + ")";
    }
}
