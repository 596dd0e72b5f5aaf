using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// A private key for signing VC-JOSE-COSE tokens (compact JWS, RFC 7515 §7.1), with its JWS algorithm and key id
/// (<c>kid</c>, RFC 7515 §4.1.4: the verification method URL), and the <see cref="ISigner"/> that signs with it:
/// <see cref="Ed25519Signer"/> (RFC 8037), <see cref="EcdsaSigner"/> (P-256, P-384, P-521) or <see cref="RsaSigner"/>
/// (RS256, PS256), all on the one JWS algorithm table. Sealed and disposable: disposing releases the key material
/// this object owns.
/// </summary>
public sealed class JoseSigningKey : ISigner, IDisposable
{
    private readonly IDisposable? _owned;
    private readonly LocalSigner _signer;

    private JoseSigningKey(LocalSigner signer, IDisposable? owned)
    {
        _signer = signer;
        _owned = owned;
    }

    /// <summary>The JWS <c>alg</c>: one of <see cref="JoseAlgorithms.All"/>.</summary>
    public string Algorithm => _signer.Algorithm;

    /// <summary>The <c>kid</c> written into the protected header: the verification method URL (e.g. <c>did:key:z6Mk…#z6Mk…</c>).</summary>
    public string KeyId => _signer.KeyId;

    /// <summary>The controller of the key: <see cref="KeyId"/> before its <c>#</c> (the issuer's or holder's DID).</summary>
    public string Controller => KeyId.IndexOf('#', StringComparison.Ordinal) is var hash and > 0 ? KeyId[..hash] : KeyId;

    /// <summary>The public key as a JWK (no private members, a new object on each call), e.g. to publish in a DID document.</summary>
    public JsonObject PublicJwk => _signer.PublicKeyJwk;

    /// <inheritdoc/>
    JsonObject ISigner.PublicKeyJwk => _signer.PublicKeyJwk;

    /// <summary>The signer behind this key.</summary>
    public ISigner Signer => _signer;

    /// <inheritdoc/>
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => _signer.SignAsync(data, cancellationToken);

    /// <summary>Uses an Ed25519 key (algorithm <c>EdDSA</c>). The key is not owned: keep it alive (not disposed) while signing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="keyId">The verification method URL; the key's did:key verification method when null.</param>
    /// <returns>The signing key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static JoseSigningKey FromEd25519(Ed25519SigningKey key, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new JoseSigningKey(new Ed25519Signer(key, keyId ?? DidKey.CreateVerificationMethodId(key.PublicKey)), null);
    }

    /// <summary>
    /// Imports a private JWK (RFC 7517): <c>OKP</c>/<c>Ed25519</c> (RFC 8037 §2), <c>EC</c> P-256/P-384/P-521 or <c>RSA</c>
    /// (RFC 7518 §6.2, §6.3).
    /// </summary>
    /// <param name="privateJwk">The JWK, with its private members.</param>
    /// <param name="algorithm">The JWS algorithm; by default EdDSA, the curve's ECDSA algorithm, or RS256 for RSA (PS256 on request).</param>
    /// <param name="keyId">The <c>kid</c>; by default the JWK's own <c>kid</c>, else the did:key verification method (Ed25519) or the RFC 7638 thumbprint.</param>
    /// <returns>The signing key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="privateJwk"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a usable private JWK (the message says why, never echoing key material).</exception>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> does not fit the key.</exception>
    public static JoseSigningKey FromJwk(JsonObject privateJwk, string? algorithm = null, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(privateJwk);
        keyId ??= JoseKeys.Str(privateJwk, "kid");
        switch (JoseKeys.Str(privateJwk, "kty"))
        {
            case "OKP":
                {
                    var ed = Ed25519SigningKey.ImportJwk(privateJwk);
                    try
                    {
                        CheckAlgorithm(algorithm, JoseAlgorithms.EdDsa, "OKP", "Ed25519", 256);
                        return new JoseSigningKey(new Ed25519Signer(ed, keyId ?? DidKey.CreateVerificationMethodId(ed.PublicKey)), ed);
                    }
                    catch
                    {
                        ed.Dispose();
                        throw;
                    }
                }

            case "EC":
                {
                    var crv = JoseKeys.Str(privateJwk, "crv");
                    if (JoseKeys.CurveOf(crv) is not { } curve || !JoseKeys.TryB64(privateJwk, "x", out var x) || !JoseKeys.TryB64(privateJwk, "y", out var y))
                    {
                        throw Error.Format("The EC JWK needs crv P-256, P-384 or P-521, and x and y.");
                    }

                    if (!JoseKeys.TryB64(privateJwk, "d", out var d))
                    {
                        throw Error.Format("The JWK is a public key: it has no private member \"d\".");
                    }

                    ECDsa ecdsa;
                    try
                    {
                        ecdsa = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = x, Y = y }, D = d });
                    }
                    catch (CryptographicException ex)
                    {
                        throw Error.Format("The EC JWK is not a valid key pair for " + crv + ".", ex);
                    }
                    finally
                    {
                        CryptographicOperations.ZeroMemory(d);
                    }

                    return FromEcdsaOwned(ecdsa, algorithm, keyId);
                }

            case "RSA":
                {
                    string[] names = ["n", "e", "d", "p", "q", "dp", "dq", "qi"];
                    var values = new byte[names.Length][];
                    for (var i = 0; i < names.Length; i++)
                    {
                        if (!JoseKeys.TryB64(privateJwk, names[i], out var value))
                        {
                            throw Error.Format(i < 2 ? "The RSA JWK needs n and e." : "The RSA JWK needs the private members d, p, q, dp, dq and qi.");
                        }

                        values[i] = value;
                    }

                    RSA rsa;
                    try
                    {
                        rsa = RSA.Create(new RSAParameters { Modulus = values[0], Exponent = values[1], D = values[2], P = values[3], Q = values[4], DP = values[5], DQ = values[6], InverseQ = values[7] });
                    }
                    catch (CryptographicException ex)
                    {
                        throw Error.Format("The RSA JWK is not a valid key.", ex);
                    }
                    finally
                    {
                        foreach (var value in values.Skip(2))
                        {
                            CryptographicOperations.ZeroMemory(value);
                        }
                    }

                    return FromRsaOwned(rsa, algorithm, keyId);
                }

            default:
                throw Error.Format("The JWK's kty must be OKP (Ed25519), EC or RSA.");
        }
    }

    /// <summary>Imports a PEM private key (PKCS#8 <c>PRIVATE KEY</c>, SEC 1 <c>EC PRIVATE KEY</c>, PKCS#1 <c>RSA PRIVATE KEY</c>) through the BCL, or a PKCS#8 Ed25519 key (RFC 8410).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="algorithm">The JWS algorithm (see <see cref="FromJwk"/>).</param>
    /// <param name="keyId">The <c>kid</c>; by default the did:key verification method (Ed25519) or the RFC 7638 thumbprint.</param>
    /// <returns>The signing key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pem"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">No usable private key in the PEM text.</exception>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> does not fit the key.</exception>
    public static JoseSigningKey FromPem(string pem, string? algorithm = null, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (Ed25519Pkcs8.TryReadSeed(pem, out var seed))
        {
            try
            {
                var ed = Ed25519SigningKey.FromSeed(seed);
                try
                {
                    CheckAlgorithm(algorithm, JoseAlgorithms.EdDsa, "OKP", "Ed25519", 256);
                    return new JoseSigningKey(new Ed25519Signer(ed, keyId ?? DidKey.CreateVerificationMethodId(ed.PublicKey)), ed);
                }
                catch
                {
                    ed.Dispose();
                    throw;
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(seed);
            }
        }

        var kind = PemKind(pem);
        if (kind == "EC")
        {
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(pem);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                ecdsa.Dispose();
                throw Error.Format("The PEM EC private key cannot be read.", ex);
            }

            return FromEcdsaOwned(ecdsa, algorithm, keyId);
        }

        if (kind == "RSA")
        {
            var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(pem);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                rsa.Dispose();
                throw Error.Format("The PEM RSA private key cannot be read.", ex);
            }

            return FromRsaOwned(rsa, algorithm, keyId);
        }

        throw Error.Format("The PEM text holds no EC, RSA or Ed25519 private key (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY) this library can use.");
    }

    /// <summary>
    /// Reads a key file: PEM text, a private JWK, or a JSON object holding one under <c>secretKeyJwk</c> or
    /// <c>privateKeyJwk</c> (the vc-jose-cose-test-suite <c>vm-*.json</c> files; the <c>keygen</c> file) with its
    /// verification method under <c>id</c> or <c>verificationMethod</c>; or any Ed25519 key file <see cref="KeyFile"/> reads.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="algorithm">The JWS algorithm (see <see cref="FromJwk"/>).</param>
    /// <param name="keyId">The <c>kid</c>, overriding the file's.</param>
    /// <returns>The signing key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">No usable private key (the message says why, never echoing key material).</exception>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> does not fit the key.</exception>
    public static JoseSigningKey Import(string text, string? algorithm = null, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return FromPem(trimmed, algorithm, keyId);
        }

        if (!JsonInput.TryParse(System.Text.Encoding.UTF8.GetBytes(trimmed), 1024 * 1024, 16, out var parsed, out var problem))
        {
            // A parser's message may quote a character of the file; a member name is no secret.
            throw Error.Format(JsonInput.IsDuplicateName(problem) ? "The key file is not usable: " + problem.Message : "The key file is neither PEM nor JSON.");
        }

        var file = parsed as JsonObject;

        if (file is null)
        {
            throw Error.Format("The key file must be a JSON object or PEM text.");
        }

        if (file["kty"] is not null)
        {
            return FromJwk(file, algorithm, keyId);
        }

        var vm = keyId ?? (JoseKeys.Str(file, "verificationMethod") ?? (JoseKeys.Str(file, "id") is { } id && id.Contains('#', StringComparison.Ordinal) ? id : null));
        var jwk = file["secretKeyJwk"] as JsonObject ?? file["privateKeyJwk"] as JsonObject;
        if (jwk is not null && JoseKeys.Str(jwk, "kty") is "EC" or "RSA")
        {
            return FromJwk(jwk, algorithm, vm);
        }

        if (!KeyFile.TryLoad(trimmed, out var loaded, out var error))
        {
            throw Error.Format("Not a usable key file: " + error);
        }

        try
        {
            CheckAlgorithm(algorithm, JoseAlgorithms.EdDsa, "OKP", "Ed25519", 256);
            return new JoseSigningKey(new Ed25519Signer(loaded.Key, keyId ?? loaded.VerificationMethodId), loaded.Key);
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    /// <summary>Releases the key material this object owns (a key given to <see cref="FromEd25519"/> is the caller's).</summary>
    public void Dispose() => _owned?.Dispose();

    /// <summary>Signs synchronously (keys of this class are in process).</summary>
    /// <param name="data">The JWS signing input.</param>
    /// <returns>The signature.</returns>
    internal byte[] Sign(ReadOnlySpan<byte> data) => _signer.Sign(data);

    /// <summary>Describes the key without key material.</summary>
    /// <returns><c>JoseSigningKey(ES256, kid)</c>.</returns>
    public override string ToString() => "JoseSigningKey(" + Algorithm + ", " + KeyId + ")";

    private static JoseSigningKey FromEcdsaOwned(ECDsa ecdsa, string? algorithm, string? keyId)
    {
        try
        {
            var crv = JwsKeys.CurveName(ecdsa) ?? throw Error.Format("The EC key is not on P-256, P-384, P-521 or secp256k1.");
            var alg = JoseAlgorithms.ForCurve(crv)!;
            CheckAlgorithm(algorithm, alg, "EC", crv, ecdsa.KeySize);
            var p = ecdsa.ExportParameters(false);
            var jwk = new JsonObject { ["kty"] = "EC", ["crv"] = crv, ["x"] = Base64Url.Encode(p.Q.X), ["y"] = Base64Url.Encode(p.Q.Y) };
            return new JoseSigningKey(new EcdsaSigner(ecdsa, keyId ?? JwsKeys.Thumbprint(jwk)), ecdsa);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    private static JoseSigningKey FromRsaOwned(RSA rsa, string? algorithm, string? keyId)
    {
        try
        {
            var alg = algorithm ?? JoseAlgorithms.Rs256;
            CheckAlgorithm(alg, alg, "RSA", null, rsa.KeySize);
            var p = rsa.ExportParameters(false);
            var jwk = new JsonObject { ["kty"] = "RSA", ["n"] = Base64Url.Encode(p.Modulus), ["e"] = Base64Url.Encode(p.Exponent) };
            return new JoseSigningKey(new RsaSigner(rsa, keyId ?? JwsKeys.Thumbprint(jwk), alg), rsa);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static void CheckAlgorithm(string? requested, string natural, string kty, string? crv, int keySize)
    {
        var alg = requested ?? natural;
        if (!JoseAlgorithms.IsSupported(alg))
        {
            throw Error.Argument("algorithm", "The JWS algorithm '" + alg + "' is not supported (use " + string.Join(", ", JoseAlgorithms.All) + ").");
        }

        if (!JoseKeys.Fits(alg, kty, crv, keySize, out var reason))
        {
            throw Error.Argument("algorithm", reason);
        }
    }

    /// <summary>EC or RSA by the first private-key PEM block's label, or by its PKCS#8 algorithm OID; null when neither.</summary>
    private static string? PemKind(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            return null;
        }

        var label = pem.AsSpan()[fields.Label];
        if (label.SequenceEqual("EC PRIVATE KEY"))
        {
            return "EC";
        }

        if (label.SequenceEqual("RSA PRIVATE KEY"))
        {
            return "RSA";
        }

        if (!label.SequenceEqual("PRIVATE KEY"))
        {
            return null;
        }

        try
        {
            var reader = new System.Formats.Asn1.AsnReader(Convert.FromBase64String(pem[fields.Base64Data]), System.Formats.Asn1.AsnEncodingRules.DER);
            var info = reader.ReadSequence();
            info.ReadInteger();
            return info.ReadSequence().ReadObjectIdentifier() switch
            {
                "1.2.840.10045.2.1" => "EC",
                "1.2.840.113549.1.1.1" or "1.2.840.113549.1.1.10" => "RSA",
                _ => null,
            };
        }
        catch (Exception ex) when (ex is System.Formats.Asn1.AsnContentException or FormatException)
        {
            return null;
        }
    }
}
