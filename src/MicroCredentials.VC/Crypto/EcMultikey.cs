using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BcNist = Org.BouncyCastle.Asn1.Nist.NistNamedCurves;

namespace MicroCredentials.VC.Crypto;

/// <summary>
/// ECDSA P-256 and P-384 keys in Multikey form (W3C Controlled Identifiers 1.0 §2.2.2; W3C Data Integrity ECDSA
/// Cryptosuites v1.0 §2.1.1): <c>publicKeyMultibase</c> is base58btc of the multicodec prefix p256-pub (0x1200,
/// <c>zDn…</c>) or p384-pub (0x1201, <c>z82…</c>) followed by the compressed point (SEC 1 §2.3.3);
/// <c>secretKeyMultibase</c> is p256-priv (0x1306) or p384-priv (0x1307) followed by the raw scalar.
/// Points are decompressed and checked with BouncyCastle's curve implementation; keys are BCL <see cref="ECDsa"/> objects.
/// </summary>
public static class EcMultikey
{
    /// <summary>Imports a public key from its <c>publicKeyMultibase</c> (<c>zDn…</c> or <c>z82…</c>).</summary>
    /// <param name="publicKeyMultibase">The Multikey value.</param>
    /// <returns>A new BCL key (the caller disposes it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKeyMultibase"/> is null.</exception>
    /// <exception cref="FormatException">Not a P-256 or P-384 Multikey public key, or the point is not on the curve.</exception>
    public static ECDsa ImportPublicKey(string publicKeyMultibase)
    {
        ArgumentNullException.ThrowIfNull(publicKeyMultibase);
        if (!TryDecodePublic(publicKeyMultibase, out var crv, out var x, out var y, out var error))
        {
            throw Error.Format(error);
        }

        return ECDsa.Create(new ECParameters { Curve = JwsKeys.CurveOf(crv)!.Value, Q = new ECPoint { X = x, Y = y } });
    }

    /// <summary>Imports a private key from its <c>secretKeyMultibase</c> (p256-priv or p384-priv and the scalar); the public point is derived.</summary>
    /// <param name="secretKeyMultibase">The Multikey secret value.</param>
    /// <returns>A new BCL key with its private part (the caller disposes it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secretKeyMultibase"/> is null.</exception>
    /// <exception cref="FormatException">Not a P-256 or P-384 Multikey secret key, or the scalar is out of range.</exception>
    public static ECDsa ImportPrivateKey(string secretKeyMultibase)
    {
        ArgumentNullException.ThrowIfNull(secretKeyMultibase);
        if (!Multibase.TryDecode(secretKeyMultibase, out var data) || !secretKeyMultibase.StartsWith('z')
            || !Multicodec.TryReadVarint(data, out var codec, out var prefix))
        {
            throw Error.Format("The secret key is not a base58btc multibase value with a multicodec prefix.");
        }

        var crv = codec switch
        {
            Multicodec.P256Private => "P-256",
            Multicodec.P384Private => "P-384",
            _ => throw Error.Format("The secret key is a " + Multicodec.Describe(codec) + " key; only p256-priv and p384-priv are read here."),
        };
        var size = FieldSize(crv);
        var d = data.AsSpan(prefix).ToArray();
        if (d.Length != size)
        {
            throw Error.Format("A " + crv + " secret key holds a " + size + "-byte scalar.");
        }

        var parameters = BcNist.GetByName(crv);
        var scalar = new Org.BouncyCastle.Math.BigInteger(1, d);
        if (scalar.SignValue <= 0 || scalar.CompareTo(parameters.N) >= 0)
        {
            throw Error.Format("The " + crv + " secret scalar is out of range.");
        }

        var q = parameters.G.Multiply(scalar).Normalize();
        return ECDsa.Create(new ECParameters
        {
            Curve = JwsKeys.CurveOf(crv)!.Value,
            D = d,
            Q = new ECPoint { X = q.AffineXCoord.GetEncoded(), Y = q.AffineYCoord.GetEncoded() },
        });
    }

    /// <summary>The <c>publicKeyMultibase</c> of a P-256 or P-384 key (compressed point).</summary>
    /// <param name="key">The key.</param>
    /// <returns><c>zDn…</c> (P-256) or <c>z82…</c> (P-384).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not on P-256 or P-384.</exception>
    public static string ExportPublicKey(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var crv = JwsKeys.CurveName(key);
        if (crv is not ("P-256" or "P-384"))
        {
            throw Error.Argument(nameof(key), "Multikey ECDSA keys are on P-256 or P-384.");
        }

        var q = key.ExportParameters(false).Q;
        return Encode(crv, q.X!, q.Y!);
    }

    /// <summary>The Multikey of a public point given as JWK coordinates.</summary>
    /// <param name="crv">P-256 or P-384.</param>
    /// <param name="x">The x coordinate, field-size big-endian.</param>
    /// <param name="y">The y coordinate.</param>
    /// <returns>The <c>publicKeyMultibase</c>.</returns>
    internal static string Encode(string crv, byte[] x, byte[] y)
    {
        ReadOnlySpan<byte> prefix = crv == "P-256" ? Multicodec.P256PublicPrefix : Multicodec.P384PublicPrefix;
        var bytes = new byte[prefix.Length + 1 + x.Length];
        prefix.CopyTo(bytes);
        bytes[prefix.Length] = (byte)(0x02 | (y[^1] & 1));
        x.CopyTo(bytes, prefix.Length + 1);
        return Multibase.EncodeBase58Btc(bytes);
    }

    /// <summary>Reads a P-256 or P-384 Multikey public key as a public EC JWK (<c>kty</c>, <c>crv</c>, <c>x</c>, <c>y</c>).</summary>
    /// <param name="publicKeyMultibase">The value.</param>
    /// <param name="jwk">The JWK.</param>
    /// <param name="error">Why the value was rejected.</param>
    /// <returns>Whether it is a valid P-256 or P-384 key.</returns>
    internal static bool TryDecodeToJwk(string publicKeyMultibase, [NotNullWhen(true)] out JsonObject? jwk, [NotNullWhen(false)] out string? error)
    {
        jwk = null;
        if (!TryDecodePublic(publicKeyMultibase, out var crv, out var x, out var y, out error))
        {
            return false;
        }

        jwk = new JsonObject { ["kty"] = "EC", ["crv"] = crv, ["x"] = Base64Url.Encode(x), ["y"] = Base64Url.Encode(y) };
        return true;
    }

    /// <summary>Whether the multicodec of a decoded Multikey is p256-pub or p384-pub.</summary>
    /// <param name="codec">The codec.</param>
    /// <returns>Whether it is an ECDSA key this class reads.</returns>
    internal static bool IsEcPublicCodec(ulong codec) => codec is Multicodec.P256Public or Multicodec.P384Public;

    /// <summary>Decodes and decompresses a P-256 or P-384 Multikey public key.</summary>
    internal static bool TryDecodePublic(string value, [NotNullWhen(true)] out string? crv, [NotNullWhen(true)] out byte[]? x, [NotNullWhen(true)] out byte[]? y, [NotNullWhen(false)] out string? error)
    {
        crv = null;
        x = y = null;
        if (!value.StartsWith('z') || !Multibase.TryDecode(value, out var data))
        {
            error = "The public key is not a base58btc multibase value.";
            return false;
        }

        if (!Multicodec.TryReadVarint(data, out var codec, out var prefix))
        {
            error = "The public key has no valid multicodec prefix.";
            return false;
        }

        crv = codec switch
        {
            Multicodec.P256Public => "P-256",
            Multicodec.P384Public => "P-384",
            _ => null,
        };
        if (crv is null)
        {
            error = "The public key is a " + Multicodec.Describe(codec) + " key, not p256-pub or p384-pub.";
            return false;
        }

        var size = FieldSize(crv);
        var point = data.AsSpan(prefix);
        if (point.Length != size + 1 || point[0] is not (0x02 or 0x03))
        {
            error = "A " + crv + " Multikey holds a compressed point of " + (size + 1) + " bytes starting with 0x02 or 0x03.";
            crv = null;
            return false;
        }

        try
        {
            var decoded = BcNist.GetByName(crv).Curve.DecodePoint(point.ToArray()).Normalize();
            if (!decoded.IsValid() || decoded.IsInfinity)
            {
                throw new ArgumentException("invalid point");
            }

            x = decoded.AffineXCoord.GetEncoded();
            y = decoded.AffineYCoord.GetEncoded();
            error = null;
            return true;
        }
#pragma warning disable CA1031 // BouncyCastle reports an invalid encoding with various exception types: any of them is a rejected key.
        catch (Exception)
#pragma warning restore CA1031
        {
            error = "The " + crv + " public key is not a point on the curve.";
            crv = null;
            return false;
        }
    }

    private static int FieldSize(string crv) => crv == "P-256" ? 32 : 48;
}
