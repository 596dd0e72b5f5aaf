using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace MicroCredentials.VC.Crypto;

/// <summary>PEM PKCS#8 Ed25519 private keys (RFC 8410 §7), the one reader for every key loader (key files and JOSE keys).</summary>
internal static class Ed25519Pkcs8
{
    /// <summary>Reads the seed of a PKCS#8 Ed25519 private key (RFC 8410 §7: OID 1.3.101.112, CurvePrivateKey).</summary>
    public static bool TryReadSeed(string pem, [NotNullWhen(true)] out byte[]? seed)
    {
        seed = null;
        if (!PemEncoding.TryFind(pem, out var fields) || !pem.AsSpan()[fields.Label].SequenceEqual("PRIVATE KEY"))
        {
            return false;
        }

        byte[] der;
        try
        {
            der = Convert.FromBase64String(pem[fields.Base64Data]);
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER);
            var info = reader.ReadSequence();
            info.ReadInteger();
            var algorithm = info.ReadSequence();
            if (algorithm.ReadObjectIdentifier() != "1.3.101.112")
            {
                return false;
            }

            var inner = new System.Formats.Asn1.AsnReader(info.ReadOctetString(), System.Formats.Asn1.AsnEncodingRules.DER);
            var bytes = inner.ReadOctetString();
            if (bytes.Length != Ed25519.SeedSize)
            {
                CryptographicOperations.ZeroMemory(bytes);
                return false;
            }

            seed = bytes;
            return true;
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }
}
