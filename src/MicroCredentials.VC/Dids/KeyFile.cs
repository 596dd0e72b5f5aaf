using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Dids;

/// <summary>
/// An Ed25519 signing key loaded from a key file, with the verification method it signs as.
/// Disposing it disposes <see cref="Key"/>.
/// </summary>
/// <param name="Key">The signing key.</param>
/// <param name="VerificationMethodId">The verification method URL proofs name (<c>verificationMethod</c>).</param>
/// <param name="Controller">The controller of the verification method (a DID or URL).</param>
public sealed record LoadedKey(Ed25519SigningKey Key, string VerificationMethodId, string Controller) : IDisposable
{
    /// <summary>Disposes <see cref="Key"/>, zeroing its secret.</summary>
    public void Dispose() => Key.Dispose();
}

/// <summary>
/// The <c>mcred</c> key file: JSON holding an Ed25519 key as Multikey (W3C Controlled Identifiers §2.2.2) and JWK
/// (RFC 8037 §2), with its did:key identity (did:key v0.7).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Create"/> writes <c>did</c>, <c>controller</c>, <c>verificationMethod</c>, <c>publicKeyMultibase</c>
/// (<c>z6Mk…</c>), <c>secretKeyMultibase</c> (<c>z3u2…</c>, multicodec ed25519-priv + 32-byte seed),
/// <c>publicKeyJwk</c> and <c>privateKeyJwk</c>.
/// </para>
/// <para>
/// <see cref="Load(string)"/> also reads the key files published with test vectors: vc-di-eddsa
/// (<c>publicKeyMultibase</c> + <c>privateKeyMultibase</c>), Open Badges 3.0 (64-byte <c>zrv…</c>
/// <c>secretKeyMultibase</c>, <c>privateKeyHex</c>, <c>id</c> and <c>controller</c>) and vc-jose-cose
/// (<c>secretKeyJwk</c>), and a PEM PKCS#8 Ed25519 private key (RFC 8410, as <c>openssl genpkey -algorithm ed25519</c>
/// writes it; its did:key names it). Every secret and public form present must describe the same key.
/// </para>
/// <para>
/// The verification method is the file's <c>verificationMethod</c>; else its <c>id</c> when that is a URL with a
/// fragment; else <c>controller#publicKeyMultibase</c> when a controller is named (<c>controller</c>, <c>did</c>,
/// or an <c>id</c> without fragment); else the did:key verification method of the key.
/// </para>
/// <para>Error messages name the field and the problem and never contain secret material.</para>
/// </remarks>
public static class KeyFile
{
    private static readonly string[] SecretMultibaseFields = ["secretKeyMultibase", "privateKeyMultibase"];
    private static readonly string[] SecretJwkFields = ["privateKeyJwk", "secretKeyJwk"];
    private static readonly string[] SecretHexFields = ["privateKeyHex", "secretKeyHex"];

    /// <summary>Writes the key file of a key (indented JSON).</summary>
    /// <param name="key">The key; it must allow export (<see cref="KeyExportPolicy.AllowPlaintextExport"/>).</param>
    /// <returns>The key file text. It holds the secret key: store it accordingly.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The key does not allow plaintext export.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static string Create(Ed25519SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var publicKey = key.PublicKey;
        var did = DidKey.Create(publicKey);
        var file = new JsonObject
        {
            ["did"] = did,
            ["controller"] = did,
            ["verificationMethod"] = DidKey.CreateVerificationMethodId(publicKey),
            ["type"] = "Multikey",
            ["publicKeyMultibase"] = publicKey.ToMultibase(),
            ["secretKeyMultibase"] = key.ExportSecretMultibase(),
            ["publicKeyJwk"] = publicKey.ToJwk(),
            ["privateKeyJwk"] = key.ExportPrivateJwk(),
        };

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            file.WriteTo(writer);
        }

        var text = Encoding.UTF8.GetString(stream.GetBuffer(), 0, checked((int)stream.Length)) + "\n";
        CryptographicOperations.ZeroMemory(stream.GetBuffer());
        return text;
    }

    /// <summary>Loads a key file (see the remarks on <see cref="KeyFile"/> for the accepted forms).</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The key and its verification method; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The file is not a usable Ed25519 key file (the message says why).</exception>
    public static LoadedKey Load(string json) => Load(json, KeyExportPolicy.None);

    /// <summary>Loads a key file with the given export policy for the key.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="exportPolicy">Whether the loaded key may be exported again.</param>
    /// <returns>The key and its verification method; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The file is not a usable Ed25519 key file (the message says why).</exception>
    public static LoadedKey Load(string json, KeyExportPolicy exportPolicy)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryLoadCore(json, exportPolicy, out var key, out var error) ? key : throw Error.Format(error);
    }

    /// <summary>Loads a key file without throwing.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="key">The key, when the file is usable.</param>
    /// <param name="error">Why the file is not usable (never containing secret material).</param>
    /// <returns>Whether the file was loaded.</returns>
    public static bool TryLoad([NotNullWhen(true)] string? json, [NotNullWhen(true)] out LoadedKey? key, [NotNullWhen(false)] out string? error) =>
        TryLoad(json, KeyExportPolicy.None, out key, out error);

    /// <summary>Loads a key file with the given export policy, without throwing.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="exportPolicy">Whether the loaded key may be exported again.</param>
    /// <param name="key">The key, when the file is usable.</param>
    /// <param name="error">Why the file is not usable (never containing secret material).</param>
    /// <returns>Whether the file was loaded.</returns>
    public static bool TryLoad([NotNullWhen(true)] string? json, KeyExportPolicy exportPolicy, [NotNullWhen(true)] out LoadedKey? key, [NotNullWhen(false)] out string? error)
    {
        if (json is null)
        {
            key = null;
            error = "The key file is empty.";
            return false;
        }

        return TryLoadCore(json, exportPolicy, out key, out error);
    }

    private static bool TryLoadCore(string json, KeyExportPolicy exportPolicy, [NotNullWhen(true)] out LoadedKey? loaded, [NotNullWhen(false)] out string? error)
    {
        loaded = null;
        var trimmed = json.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return TryLoadPem(trimmed, exportPolicy, out loaded, out error);
        }

        if (!JsonInput.TryParse(Encoding.UTF8.GetBytes(json), 1024 * 1024, 16, out var root, out var problem))
        {
            // A parser's message may quote a character of the file: say only where (a member name is no secret).
            error = JsonInput.IsDuplicateName(problem)
                ? "The key file is not usable: " + problem.Message
                : "The key file is not valid JSON" + Where(problem.Message) + ", nor a PEM private key.";
            return false;
        }

        if (root is not JsonObject file)
        {
            error = "The key file must be a JSON object.";
            return false;
        }

        Ed25519SigningKey? key = null;
        try
        {
            if (!TryReadSecret(file, exportPolicy, out key, out error))
            {
                return false;
            }

            var publicKey = key.PublicKey;
            if (!TryCheckPublicForms(file, publicKey, out error)
                || !TryGetOptionalString(file, "did", out var did, out error)
                || !TryGetOptionalString(file, "controller", out var controller, out error)
                || !TryGetOptionalString(file, "verificationMethod", out var verificationMethod, out error)
                || !TryGetOptionalString(file, "id", out var id, out error))
            {
                return false;
            }

            if (did is not null && did.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && did != DidKey.Create(publicKey))
            {
                error = "\"did\" is a did:key of a different key than the secret key.";
                return false;
            }

            if (verificationMethod is not null
                && verificationMethod.StartsWith(DidKey.Prefix, StringComparison.Ordinal)
                && verificationMethod != DidKey.CreateVerificationMethodId(publicKey))
            {
                error = "\"verificationMethod\" is a did:key verification method of a different key than the secret key.";
                return false;
            }

            if (verificationMethod is null && id is not null && id.Contains('#', StringComparison.Ordinal))
            {
                verificationMethod = id;
            }
            else if (controller is null && id is not null && !id.Contains('#', StringComparison.Ordinal))
            {
                controller = id;
            }

            controller ??= did;
            if (verificationMethod is null)
            {
                verificationMethod = controller is null
                    ? DidKey.CreateVerificationMethodId(publicKey)
                    : controller + "#" + publicKey.ToMultibase();
            }

            if (controller is null)
            {
                var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
                controller = hash > 0 ? verificationMethod[..hash] : DidKey.Create(publicKey);
            }

            loaded = new LoadedKey(key, verificationMethod, controller);
            key = null;
            error = null;
            return true;
        }
        finally
        {
            key?.Dispose();
        }
    }

    /// <summary>A PEM PKCS#8 Ed25519 private key (RFC 8410): its did:key is the controller and verification method.</summary>
    private static bool TryLoadPem(string pem, KeyExportPolicy exportPolicy, [NotNullWhen(true)] out LoadedKey? loaded, [NotNullWhen(false)] out string? error)
    {
        loaded = null;
        if (!Ed25519Pkcs8.TryReadSeed(pem, out var seed))
        {
            error = "The PEM text holds no Ed25519 private key (PKCS#8 \"PRIVATE KEY\", RFC 8410); EC and RSA keys do not make Ed25519 proofs.";
            return false;
        }

        try
        {
            var key = Ed25519SigningKey.FromSeedWith(seed, exportPolicy, Ed25519.Backend);
            loaded = new LoadedKey(key, DidKey.CreateVerificationMethodId(key.PublicKey), DidKey.Create(key.PublicKey));
            error = null;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static bool TryReadSecret(JsonObject file, KeyExportPolicy exportPolicy, [NotNullWhen(true)] out Ed25519SigningKey? key, [NotNullWhen(false)] out string? error)
    {
        Ed25519SigningKey? found = null;
        var ok = false;
        try
        {
            ok = TryReadSecretCore(file, exportPolicy, ref found, out error);
            key = ok ? found : null;
            return ok && key is not null;
        }
        finally
        {
            if (!ok)
            {
                found?.Dispose();
            }
        }
    }

    private static bool TryReadSecretCore(JsonObject file, KeyExportPolicy exportPolicy, ref Ed25519SigningKey? key, [NotNullWhen(false)] out string? error)
    {
        string? source = null;
        foreach (var field in SecretMultibaseFields)
        {
            if (!TryGetOptionalString(file, field, out var value, out error))
            {
                return false;
            }

            if (value is not null)
            {
                if (!Ed25519SigningKey.TryImportSecretMultibaseCore(value, exportPolicy, Ed25519.Backend, out var candidate, out var inner))
                {
                    error = "\"" + field + "\": " + inner;
                    return false;
                }

                if (!TryAgree(ref key, ref source, candidate, field, out error))
                {
                    return false;
                }
            }
        }

        foreach (var field in SecretJwkFields)
        {
            if (!file.TryGetPropertyValue(field, out var node) || node is null)
            {
                continue;
            }

            if (node is not JsonObject jwk)
            {
                error = "\"" + field + "\" must be a JSON object (a JWK).";
                return false;
            }

            if (!Ed25519SigningKey.TryImportJwkCore(jwk, exportPolicy, Ed25519.Backend, out var candidate, out var inner))
            {
                error = "\"" + field + "\": " + inner;
                return false;
            }

            if (!TryAgree(ref key, ref source, candidate, field, out error))
            {
                return false;
            }
        }

        foreach (var field in SecretHexFields)
        {
            if (!TryGetOptionalString(file, field, out var value, out error))
            {
                return false;
            }

            if (value is not null)
            {
                if (!TryImportHex(value, exportPolicy, out var candidate, out var inner))
                {
                    error = "\"" + field + "\": " + inner;
                    return false;
                }

                if (!TryAgree(ref key, ref source, candidate, field, out error))
                {
                    return false;
                }
            }
        }

        if (key is null)
        {
            error = "The key file has no secret key: expected \"secretKeyMultibase\", \"privateKeyMultibase\", \"privateKeyJwk\" or \"secretKeyJwk\".";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryAgree(ref Ed25519SigningKey? key, ref string? source, Ed25519SigningKey candidate, string field, [NotNullWhen(false)] out string? error)
    {
        if (key is null)
        {
            key = candidate;
            source = field;
            error = null;
            return true;
        }

        var same = key.PublicKey.Equals(candidate.PublicKey);
        candidate.Dispose();
        if (!same)
        {
            error = "\"" + field + "\" and \"" + source + "\" hold different secret keys.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryImportHex(string value, KeyExportPolicy exportPolicy, [NotNullWhen(true)] out Ed25519SigningKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (value.Length is not (64 or 128) || value.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            error = "expected 32 or 64 bytes of hexadecimal (seed, or seed and public key).";
            return false;
        }

        var bytes = Convert.FromHexString(value);
        try
        {
            var candidate = Ed25519SigningKey.FromSeedWith(bytes.AsSpan(0, Ed25519.SeedSize), exportPolicy, Ed25519.Backend);
            if (bytes.Length == 64 && !candidate.PublicKey.Bytes.SequenceEqual(bytes.AsSpan(Ed25519.SeedSize)))
            {
                candidate.Dispose();
                error = "The private key does not match the public half it carries.";
                return false;
            }

            key = candidate;
            error = null;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool TryCheckPublicForms(JsonObject file, Ed25519PublicKey publicKey, [NotNullWhen(false)] out string? error)
    {
        if (!TryGetOptionalString(file, "publicKeyMultibase", out var multibase, out error))
        {
            return false;
        }

        if (multibase is not null)
        {
            if (!Ed25519PublicKey.TryFromMultibaseCore(multibase, out var pk, out var inner))
            {
                error = "\"publicKeyMultibase\": " + inner;
                return false;
            }

            if (!pk.Equals(publicKey))
            {
                error = "\"publicKeyMultibase\" does not match the secret key.";
                return false;
            }
        }

        if (file.TryGetPropertyValue("publicKeyJwk", out var jwkNode) && jwkNode is not null)
        {
            if (jwkNode is not JsonObject jwk)
            {
                error = "\"publicKeyJwk\" must be a JSON object (a JWK).";
                return false;
            }

            if (!Ed25519PublicKey.TryFromJwkCore(jwk, out var pk, out var inner))
            {
                error = "\"publicKeyJwk\": " + inner;
                return false;
            }

            if (!pk.Equals(publicKey))
            {
                error = "\"publicKeyJwk\" does not match the secret key.";
                return false;
            }
        }

        if (!TryGetOptionalString(file, "publicKeyHex", out var hex, out error))
        {
            return false;
        }

        if (hex is not null && !string.Equals(hex, Convert.ToHexString(publicKey.Bytes), StringComparison.OrdinalIgnoreCase))
        {
            error = "\"publicKeyHex\" does not match the secret key.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryGetOptionalString(JsonObject file, string name, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!file.TryGetPropertyValue(name, out var node) || node is null)
        {
            return true;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            error = "\"" + name + "\" must be a string.";
            return false;
        }

        value = node.GetValue<string>();
        if (value.Length == 0)
        {
            error = "\"" + name + "\" is empty.";
            return false;
        }

        return true;
    }

    /// <summary>The position a JSON problem names (" (line L, byte B)"), or nothing.</summary>
    private static string Where(string message)
    {
        var at = message.LastIndexOf(" (line ", StringComparison.Ordinal);
        return at >= 0 && message.IndexOf(')', at) is var end and > 0 ? message[at..(end + 1)] : string.Empty;
    }
}
