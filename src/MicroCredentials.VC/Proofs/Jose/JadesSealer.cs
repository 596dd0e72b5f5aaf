using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>How <see cref="JadesSealer"/> seals. Immutable.</summary>
public sealed record JadesOptions
{
    /// <summary>The defaults: the algorithm chosen by the key (RS256 for RSA, ES256 for P-256), sigT from the system clock.</summary>
    public static JadesOptions Default { get; } = new();

    /// <summary>
    /// The JWS algorithm: <c>RS256</c>, <c>PS256</c> or <c>ES256</c> (also RS/PS/ES 384 and 512). Null chooses by the
    /// certificate's key: RS256 for RSA (what Europass EDC uses), ES256/384/512 for the P-256/384/521 curves.
    /// </summary>
    public string? Algorithm { get; init; }

    /// <summary>The claimed signing time (<c>sigT</c>); when null, <see cref="TimeProvider"/>'s now. Truncated to whole seconds, UTC.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>The clock for <c>sigT</c> when <see cref="SigningTime"/> is null.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>
/// Seals a credential as Europass EDC does: a JAdES baseline B-B signature (ETSI TS 119 182-1) in the JWS JSON general
/// serialization (RFC 7515 §7.2.1) over the unencoded credential JSON (RFC 7797, <c>b64:false</c>), with the
/// signer's certificate chain in <c>x5c</c> (ETSI EN 319 412-1 seal certificates). No time-stamps are added.
/// </summary>
/// <remarks>
/// The protected header holds, in the order of the EDC samples: <c>alg</c>, <c>cty</c> <c>octet-stream</c>,
/// <c>kid</c> (the base64 DER <c>IssuerSerial</c> of the certificate, RFC 5035), <c>x5t#S256</c>, <c>x5c</c>,
/// <c>typ</c> <c>jose+json</c>, <c>b64</c> false, <c>sigT</c>, and <c>crit</c> <c>["b64","sigT"]</c>.
/// </remarks>
public static class JadesSealer
{
    /// <summary>The <c>typ</c> of EDC seals.</summary>
    public const string Type = "jose+json";

    /// <summary>The <c>cty</c> of EDC seals.</summary>
    public const string ContentType = "octet-stream";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Seals a credential (not modified): the payload is its compact JSON text.</summary>
    /// <param name="credential">The credential to seal.</param>
    /// <param name="certificateWithPrivateKey">The seal certificate, with its RSA or ECDSA private key.</param>
    /// <param name="chain">Issuing CA certificates to add to <c>x5c</c> after the leaf (the root may be left out); null for none.</param>
    /// <param name="options">Algorithm and signing time; <see cref="JadesOptions.Default"/> when null.</param>
    /// <returns>The seal: <c>{"payload": "…", "signatures": [{"protected": "…", "signature": "…"}]}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> or <paramref name="certificateWithPrivateKey"/> is null.</exception>
    /// <exception cref="ArgumentException">The certificate has no private key, or its key does not fit the algorithm, or the algorithm is not allowed.</exception>
    public static JsonObject Seal(JsonObject credential, X509Certificate2 certificateWithPrivateKey, X509Certificate2Collection? chain = null, JadesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(certificateWithPrivateKey);
        return Seal(credential.ToJsonString(Compact), certificateWithPrivateKey, chain, options);
    }

    /// <summary>Seals a payload given as text exactly as it is (the bytes signed are its UTF-8 encoding).</summary>
    /// <param name="payload">The payload, e.g. a credential's JSON text.</param>
    /// <param name="certificateWithPrivateKey">The seal certificate, with its RSA or ECDSA private key.</param>
    /// <param name="chain">Issuing CA certificates to add to <c>x5c</c> after the leaf; null for none.</param>
    /// <param name="options">Algorithm and signing time; <see cref="JadesOptions.Default"/> when null.</param>
    /// <returns>The seal in JWS JSON general serialization.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> or <paramref name="certificateWithPrivateKey"/> is null.</exception>
    /// <exception cref="ArgumentException">The certificate has no private key, or its key does not fit the algorithm, or the algorithm is not allowed.</exception>
    public static JsonObject Seal(string payload, X509Certificate2 certificateWithPrivateKey, X509Certificate2Collection? chain = null, JadesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(certificateWithPrivateKey);
        options ??= JadesOptions.Default;
        if (!certificateWithPrivateKey.HasPrivateKey)
        {
            throw Error.Argument(nameof(certificateWithPrivateKey), "The seal certificate has no private key: load it from a PKCS#12 file or with its PEM key.");
        }

        var name = options.Algorithm ?? JadesAlgorithms.DefaultFor(certificateWithPrivateKey)
            ?? throw Error.Argument(nameof(certificateWithPrivateKey), "The certificate's key is neither RSA nor ECDSA on P-256, P-384 or P-521.");
        if (!JadesAlgorithms.TryGet(name, out var algorithm))
        {
            throw Error.Argument(nameof(options), $"'{name}' is not an allowed JAdES algorithm (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512).");
        }

        if (algorithm.KeyProblem(certificateWithPrivateKey) is { } problem)
        {
            throw Error.Argument(nameof(certificateWithPrivateKey), problem);
        }

        var protectedText = ProtectedHeader(algorithm.Name, certificateWithPrivateKey, chain, options);
        var signature = algorithm.Sign(certificateWithPrivateKey, JadesSecuring.SigningInput(protectedText, payload));
        return Assemble(payload, protectedText, signature);
    }

    /// <summary>
    /// Seals a credential (not modified) with a signer whose private key may stay outside the process (an HSM or a
    /// KMS): the certificate carries only the public key, which must be the signer's.
    /// </summary>
    /// <param name="credential">The credential to seal.</param>
    /// <param name="signer">Signs the JWS signing input; its algorithm (RS*, PS* or ES*) becomes <c>alg</c>.</param>
    /// <param name="certificate">The seal certificate of the signer's key (no private key needed).</param>
    /// <param name="chain">Issuing CA certificates to add to <c>x5c</c> after the leaf; null for none.</param>
    /// <param name="options">Signing time (an <see cref="JadesOptions.Algorithm"/>, when set, must be the signer's); <see cref="JadesOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The seal in JWS JSON general serialization.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The signer's algorithm is not an allowed JAdES algorithm, does not fit the certificate's key, or its public key is not the certificate's.</exception>
    public static async ValueTask<JsonObject> SealAsync(JsonObject credential, ISigner signer, X509Certificate2 certificate, X509Certificate2Collection? chain = null, JadesOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(certificate);
        options ??= JadesOptions.Default;
        if (!JadesAlgorithms.TryGet(signer.Algorithm, out var algorithm))
        {
            throw Error.Argument(nameof(signer), $"'{signer.Algorithm}' is not an allowed JAdES algorithm (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512).");
        }

        if (options.Algorithm is { } asked && asked != signer.Algorithm)
        {
            throw Error.Argument(nameof(options), $"The options ask for {asked}, but the signer signs with {signer.Algorithm}.");
        }

        if (algorithm.KeyProblem(certificate) is { } problem)
        {
            throw Error.Argument(nameof(certificate), problem);
        }

        if (!SameKey(signer.PublicKeyJwk, certificate))
        {
            throw Error.Argument(nameof(signer), "The signer's public key is not the certificate's key.");
        }

        var payload = credential.ToJsonString(Compact);
        var protectedText = ProtectedHeader(algorithm.Name, certificate, chain, options);
        var signature = await signer.SignAsync(JadesSecuring.SigningInput(protectedText, payload), cancellationToken).ConfigureAwait(false);
        return Assemble(payload, protectedText, signature);
    }

    private static bool SameKey(JsonObject jwk, X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            var p = rsa.ExportParameters(false);
            return JwsKeys.Str(jwk, "kty") == "RSA" && JwsKeys.Str(jwk, "n") == Crypto.Base64Url.Encode(p.Modulus) && JwsKeys.Str(jwk, "e") == Crypto.Base64Url.Encode(p.Exponent);
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            var p = ecdsa.ExportParameters(false);
            return JwsKeys.Str(jwk, "kty") == "EC" && JwsKeys.Str(jwk, "x") == Crypto.Base64Url.Encode(p.Q.X) && JwsKeys.Str(jwk, "y") == Crypto.Base64Url.Encode(p.Q.Y);
        }

        return false;
    }

    private static string ProtectedHeader(string alg, X509Certificate2 certificateWithPrivateKey, X509Certificate2Collection? chain, JadesOptions options)
    {
        var x5c = new JsonArray(Convert.ToBase64String(certificateWithPrivateKey.RawData));
        foreach (var ca in chain ?? [])
        {
            if (!ca.RawData.AsSpan().SequenceEqual(certificateWithPrivateKey.RawData))
            {
                x5c.Add((JsonNode)Convert.ToBase64String(ca.RawData));
            }
        }

        var at = options.SigningTime ?? options.TimeProvider.GetUtcNow();
        var sigT = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var header = new JsonObject
        {
            ["alg"] = alg,
            ["cty"] = ContentType,
            ["kid"] = Kid(certificateWithPrivateKey),
            ["x5t#S256"] = Crypto.Base64Url.Encode(SHA256.HashData(certificateWithPrivateKey.RawData)),
            ["x5c"] = x5c,
            ["typ"] = Type,
            ["b64"] = false,
            ["sigT"] = sigT.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["crit"] = new JsonArray("b64", "sigT"),
        };
        return Crypto.Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString()));
    }

    private static JsonObject Assemble(string payload, string protectedText, byte[] signature) =>
        new JsonObject
        {
            ["payload"] = payload,
            ["signatures"] = new JsonArray(new JsonObject
            {
                ["protected"] = protectedText,
                ["signature"] = Crypto.Base64Url.Encode(signature),
            }),
        };

    /// <summary>
    /// The <c>kid</c> EDC writes: the base64 DER of the certificate's <c>IssuerSerial</c> (RFC 5035:
    /// <c>SEQUENCE { GeneralNames { [4] issuer Name }, serialNumber INTEGER }</c>).
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The key identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    public static string Kid(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }
            }

            writer.WriteInteger(certificate.SerialNumberBytes.Span);
        }

        return Convert.ToBase64String(writer.Encode());
    }
}
