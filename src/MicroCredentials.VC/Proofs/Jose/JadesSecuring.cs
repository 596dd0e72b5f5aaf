using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Securing;
using MicroCredentials.VC.Trust;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// Verifies JAdES e-seals as Europass EDC issues them: a JWS in JSON serialization (RFC 7515 §7.2, general or
/// flattened) with an unencoded payload (RFC 7797, <c>b64:false</c>), the signer named by <c>x5c</c>, and the JAdES
/// header parameters of ETSI TS 119 182-1 (<c>sigT</c>, <c>adoTst</c>, the <c>etsiU</c> unsigned properties).
/// </summary>
/// <remarks>
/// <para><c>signature</c>: every signature verifies with the key of its <c>x5c</c> leaf; only RS/PS/ES 256/384/512.</para>
/// <para><c>issuer</c>: the leaf's <c>organizationIdentifier</c> (ETSI EN 319 412-1) names the payload's issuer.</para>
/// <para><c>accreditation</c> (only when <see cref="SecuringEnvironment.TrustAnchors"/> is not empty): the leaf chains to an
/// anchor (<see cref="X509ChainTrustMode.CustomRootTrust"/>, no revocation check) at the time proven by a signature
/// time-stamp (<c>etsiU</c> <c>sigTst</c>, RFC 3161) whose TSA also chains to an anchor, or else at the verification time.</para>
/// </remarks>
internal static class JadesSecuring
{
    /// <summary>The <c>crit</c> entries understood: RFC 7797 <c>b64</c> and the JAdES signed header parameters (ETSI TS 119 182-1 §5.2).</summary>
    internal static readonly FrozenSet<string> UnderstoodCritical = FrozenSet.Create(
        StringComparer.Ordinal, "b64", "sigT", "adoTst", "sigX5ts", "srCms", "srAts", "sigPl", "sigPId", "sigD", "cSig");

    /// <summary>Header parameters registered by RFC 7515/7516/7518, which <c>crit</c> must not list (RFC 7515 §4.1.11).</summary>
    private static readonly FrozenSet<string> Registered = FrozenSet.Create(
        StringComparer.Ordinal, "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c");

    /// <summary>Verifies a JAdES-sealed credential (never throws for an invalid seal).</summary>
    public static ValueTask<SecuringEvidence> VerifyAsync(JsonObject seal, SecuringEnvironment options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Verify(seal, options));
    }

    internal static SecuringEvidence Verify(JsonObject seal, SecuringEnvironment options)
    {
        if (seal["payload"] is not JsonValue pv || !pv.TryGetValue(out string? payload))
        {
            return Unreadable("signature.malformedSeal", "The seal has no payload string.");
        }

        List<JsonObject> entries;
        if (seal["signatures"] is JsonArray array)
        {
            entries = array.OfType<JsonObject>().ToList();
            if (entries.Count != array.Count || seal["protected"] is not null || seal["signature"] is not null)
            {
                return Unreadable("signature.malformedSeal", "The seal's signatures must be JSON objects, and the general and flattened serializations cannot be mixed.");
            }
        }
        else if (seal["signatures"] is null && seal["signature"] is not null)
        {
            entries = [seal];
        }
        else
        {
            return Unreadable("signature.malformedSeal", "The seal has neither a signatures array nor a signature (JWS JSON serialization, RFC 7515 §7.2).");
        }

        if (entries.Count == 0)
        {
            return Unreadable("signature.missing", "The seal has no signature.");
        }

        var checks = entries.Select(e => CheckSignature(e, payload)).ToList();
        var first = checks[0];
        var credential = first.Credential;
        if (credential is null)
        {
            return Unreadable(first.Code ?? "signature.malformedPayload", first.Detail);
        }

        var failed = checks.FirstOrDefault(c => !c.Verified);
        var signature = failed is not null
            ? Finding.Fail(failed.Code!, (checks.Count > 1 ? $"Signature {checks.IndexOf(failed) + 1} of {checks.Count}: " : string.Empty) + failed.Detail)
            : Finding.Pass(checks.Count == 1 ? first.Detail : $"All {checks.Count} signatures verify. " + first.Detail);

        var signedAt = checks.Where(c => c.SigningTime is not null).Select(c => c.SigningTime!.Value).ToList();
        var evidence = new SecuringEvidence
        {
            Mechanism = "jades",
            Document = credential,
            View = CredentialView.FromJson(credential),
            Signature = signature,
            SignedAt = signedAt,
            SignsBytes = true,
        };
        if (first.Leaf is not { } leaf)
        {
            return evidence with
            {
                IssuerBinding = Finding.NotChecked("issuer.notChecked", "Not checked: the seal names no usable certificate."),
                CertificateTrust = options.TrustAnchors.Count > 0 ? Finding.Fail("accreditation.noCertificate", "The seal names no usable certificate, so no chain can be built to the trust anchors.") : null,
            };
        }

        var certificates = new X509Certificate2Collection { leaf };
        certificates.AddRange(first.X5cRest.ToArray());
        return evidence with
        {
            SealCertificate = leaf,
            SignerCertificates = certificates,
            IssuerBinding = first.Verified
                ? IssuerResult(leaf, credential)
                : Finding.NotChecked("issuer.notChecked", "Not checked: the seal's signature does not verify."),
            CertificateTrust = options.TrustAnchors.Count == 0
                ? null
                : first.Verified
                    ? SafeAccreditation(first, options)
                    : Finding.Fail("accreditation.signatureInvalid", "The seal's signature does not verify, so its certificate chain does not vouch for the credential."),
        };
    }

    private static SecuringEvidence Unreadable(string code, string detail) => SecuringEvidence.Unreadably("jades", code, detail);

    /// <summary>What one JWS signature established.</summary>
    private sealed class SignatureCheck
    {
        public bool Verified { get; set; }

        public string? Code { get; set; }

        public string Detail { get; set; } = string.Empty;

        public JsonObject? Credential { get; set; }

        public X509Certificate2? Leaf { get; set; }

        /// <summary>The x5c certificates after the leaf.</summary>
        public List<X509Certificate2> X5cRest { get; } = [];

        /// <summary>The other x5c certificates, then the <c>etsiU</c> <c>xVals</c> certificates (untrusted material for chain building).</summary>
        public X509Certificate2Collection Extra { get; } = [];

        public DateTimeOffset? SigningTime { get; set; }

        public string? SignatureValue { get; set; }

        public JsonObject? Unprotected { get; set; }

        public SignatureCheck Fail(string code, string detail)
        {
            Verified = false;
            Code = code;
            Detail = detail;
            return this;
        }
    }

    private static SignatureCheck CheckSignature(JsonObject entry, string payload)
    {
        var check = new SignatureCheck();
        try
        {
            return CheckSignature(entry, payload, check);
        }
        catch (CryptographicException ex)
        {
            // A malformed key, certificate or time-stamp that the platform refuses late: an invalid seal, never a crash.
            check.Credential ??= ParseCredential(payload, unencoded: true);
            return check.Fail("signature.invalid", "A certificate, key or time-stamp of the seal could not be processed: " + ex.Message);
        }
    }

    private static SignatureCheck CheckSignature(JsonObject entry, string payload, SignatureCheck check)
    {
        if (entry["protected"] is not JsonValue phv || !phv.TryGetValue(out string? protectedText))
        {
            check.Credential = ParseCredential(payload, unencoded: true);
            return check.Fail("signature.malformedHeader", "The signature has no protected header (JAdES puts every signed parameter there).");
        }

        if (!Crypto.Base64Url.TryDecode(protectedText, out var headerBytes)
            || !JsonInput.TryParse(headerBytes, 1024 * 1024, 32, out var headerNode, out _)
            || headerNode is not JsonObject header)
        {
            check.Credential = ParseCredential(payload, unencoded: true);
            return check.Fail("signature.malformedHeader", "The protected header is not base64url-encoded JSON object.");
        }

        var unencoded = header["b64"] is JsonValue b64v && b64v.TryGetValue(out bool b64) && !b64;
        check.Credential = ParseCredential(payload, unencoded);
        if (check.Credential is null)
        {
            return check.Fail("signature.malformedPayload", unencoded
                ? "The seal's payload is not a JSON object (the credential)."
                : "The seal's payload is not base64url-encoded JSON object (the credential).");
        }

        if (header["b64"] is { } b64Node && b64Node.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            return check.Fail("signature.malformedHeader", "The b64 header parameter must be true or false (RFC 7797 §3).");
        }

        if (entry["header"] is { } unprotectedNode)
        {
            if (unprotectedNode is not JsonObject unprotected)
            {
                return check.Fail("signature.malformedHeader", "The unprotected header must be a JSON object.");
            }

            check.Unprotected = unprotected;
            if (unprotected.Select(p => p.Key).FirstOrDefault(k => header.ContainsKey(k)) is { } both)
            {
                return check.Fail("signature.duplicateHeader", $"The header parameter '{both}' is both protected and unprotected (RFC 7515 §7.2.1 forbids it).");
            }

            if (unprotected.ContainsKey("crit") || unprotected.ContainsKey("b64"))
            {
                return check.Fail("signature.unprotectedCritical", "crit and b64 must be in the protected header (RFC 7515 §4.1.11, RFC 7797 §3).");
            }
        }

        if (entry["signature"] is not JsonValue sv || !sv.TryGetValue(out string? signatureText) || !Crypto.Base64Url.TryDecode(signatureText, out var signature))
        {
            return check.Fail("signature.malformedSignature", "The signature value is missing or not base64url.");
        }

        check.SignatureValue = signatureText;

        // crit (RFC 7515 §4.1.11): only parameters we understand, each present in the protected header.
        if (CheckCritical(header) is { } critProblem)
        {
            return check.Fail(critProblem.Code, critProblem.Detail);
        }

        // alg: asymmetric algorithms only.
        var alg = header["alg"] is JsonValue av && av.TryGetValue(out string? a) ? a : null;
        if (alg is null)
        {
            return check.Fail("signature.missingAlgorithm", "The protected header has no alg.");
        }

        if (!JadesAlgorithms.TryGet(alg, out var algorithm))
        {
            var why = alg == "none" ? "an unsecured JWS (alg none) is never accepted"
                : alg.StartsWith("HS", StringComparison.Ordinal) ? "a MAC (shared secret) cannot be an e-seal"
                : "it is not one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512";
            return check.Fail("signature.algorithmNotAllowed", $"The algorithm '{Printable(alg)}' is refused: {why}.");
        }

        // The signer's certificate: x5c[0].
        if (header["x5c"] is not JsonArray x5c || x5c.Count == 0)
        {
            return check.Fail("signature.noCertificate", "The protected header has no x5c certificate chain, so the sealing key is unknown (only x5c is supported).");
        }

        var chain = new List<X509Certificate2>();
        foreach (var item in x5c)
        {
            if (item is not JsonValue cv || !cv.TryGetValue(out string? b64Cert) || !TryLoadCertificate(b64Cert, out var cert))
            {
                return check.Fail("signature.badCertificate", $"x5c entry {chain.Count + 1} is not a base64 DER X.509 certificate (RFC 7515 §4.1.6).");
            }

            chain.Add(cert);
        }

        check.Leaf = chain[0];
        check.X5cRest.AddRange(chain.Skip(1));
        check.Extra.AddRange(check.X5cRest.ToArray());
        if (check.Unprotected is { } u)
        {
            check.Extra.AddRange(EtsiU.Certificates(u).ToArray());
        }

        if (header["x5t#S256"] is { } thumbNode)
        {
            var expected = Crypto.Base64Url.Encode(SHA256.HashData(check.Leaf.RawData));
            if (thumbNode is not JsonValue tv || !tv.TryGetValue(out string? thumb) || !string.Equals(thumb, expected, StringComparison.Ordinal))
            {
                return check.Fail("signature.thumbprintMismatch", "x5t#S256 is not the SHA-256 thumbprint of the x5c leaf certificate: the header names two different certificates.");
            }
        }

        if (header["sigT"] is { } sigTNode)
        {
            if (sigTNode is not JsonValue tv || !tv.TryGetValue(out string? sigT) || !XsdDateTime.TryParse(sigT, out var signingTime))
            {
                return check.Fail("signature.malformedHeader", "sigT is not a UTC date-time (ETSI TS 119 182-1 §5.2.1).");
            }

            check.SigningTime = signingTime;
        }

        var input = SigningInput(protectedText, payload);
        if (!algorithm.Verify(check.Leaf, input, signature, out var keyProblem))
        {
            return keyProblem is not null
                ? check.Fail("signature.keyAlgorithmMismatch", keyProblem)
                : check.Fail("signature.invalid", $"The {alg} signature does not verify with the x5c certificate's key: the seal or its payload was changed, or it was made with another key.");
        }

        var extras = new List<string>();
        if (header["adoTst"] is { } adoTst)
        {
            var (valid, note) = ContentTimestamps(adoTst, payload, check.Extra);
            if (!valid)
            {
                return check.Fail("signature.contentTimestampInvalid", "The signed content time-stamp (adoTst) " + note + ".");
            }

            extras.Add(note);
        }

        check.Verified = true;

        check.Detail = $"The JAdES seal ({alg}{(unencoded ? ", unencoded payload" : string.Empty)}) verifies with the x5c certificate of {Describe(check.Leaf)}"
            + (check.SigningTime is { } t ? $", signed at {XsdDateTime.Format(t)} (sigT)" : string.Empty)
            + (extras.Count > 0 ? "; " + string.Join("; ", extras) : string.Empty) + ".";
        return check;
    }

    /// <summary>
    /// The JWS signing input: ASCII(protected) '.' payload, the payload's UTF-8 bytes as stored (RFC 7515 §5.1; with
    /// b64 false the stored payload is the content itself, RFC 7797 §3; otherwise it is already base64url text).
    /// </summary>
    internal static byte[] SigningInput(string protectedText, string payload)
    {
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        var input = new byte[protectedText.Length + 1 + payloadBytes.Length];
        Encoding.ASCII.GetBytes(protectedText, input);
        input[protectedText.Length] = (byte)'.';
        payloadBytes.CopyTo(input, protectedText.Length + 1);
        return input;
    }

    /// <summary>
    /// Checks the RFC 3161 tokens of <c>adoTst</c> (ETSI TS 119 182-1 §5.2.8.1): without <c>sigD</c>, each message imprint
    /// covers the JWS payload as it is stored. The TSA's trust is not evaluated; the time is reported.
    /// </summary>
    private static (bool Valid, string Note) ContentTimestamps(JsonNode adoTst, string payload, X509Certificate2Collection extra)
    {
        if (adoTst is not JsonObject o || o["tstTokens"] is not JsonArray tokens || tokens.Count == 0)
        {
            return (false, "has no tstTokens");
        }

        var data = Encoding.UTF8.GetBytes(payload);
        var times = new List<string>();
        foreach (var item in tokens)
        {
            if (item is not JsonObject t || t["val"] is not JsonValue v || !v.TryGetValue(out string? b64) || !EtsiU.TryBase64(b64, out var der)
                || !Rfc3161TimestampToken.TryDecode(der, out var token, out _))
            {
                return (false, "is not an RFC 3161 time-stamp token");
            }

            if (!token.VerifySignatureForData(data, out _, extra))
            {
                return (false, "does not cover this payload, or its own signature does not verify");
            }

            times.Add(XsdDateTime.Format(token.TokenInfo.Timestamp));
        }

        return (true, $"the content time-stamp (adoTst) of {string.Join(", ", times)} covers the payload (its TSA is not evaluated)");
    }

    private static JsonObject? ParseCredential(string payload, bool unencoded)
    {
        byte[] bytes;
        if (unencoded)
        {
            bytes = Encoding.UTF8.GetBytes(payload);
        }
        else if (!Crypto.Base64Url.TryDecode(payload, out bytes!))
        {
            return null;
        }

        return JsonInput.TryParse(bytes, int.MaxValue, 128, out var node, out _) ? node as JsonObject : null;
    }

    private static (string Code, string Detail)? CheckCritical(JsonObject header)
    {
        if (header["crit"] is not { } critNode)
        {
            return header.ContainsKey("b64")
                ? ("signature.b64NotCritical", "b64 is used but not listed in crit (RFC 7797 §6 requires it).")
                : null;
        }

        if (critNode is not JsonArray crit || crit.Count == 0)
        {
            return ("signature.malformedCritical", "crit must be a non-empty array of header parameter names (RFC 7515 §4.1.11).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in crit)
        {
            if (item is not JsonValue v || !v.TryGetValue(out string? name) || !seen.Add(name))
            {
                return ("signature.malformedCritical", "crit must list header parameter names as strings, each once.");
            }

            if (Registered.Contains(name))
            {
                return ("signature.malformedCritical", $"crit lists '{name}', a parameter of the JWS specifications themselves (RFC 7515 §4.1.11 forbids it).");
            }

            if (!UnderstoodCritical.Contains(name))
            {
                return ("signature.unknownCritical", $"crit lists '{Printable(name)}', a header parameter this verifier does not understand, so the seal must be rejected (RFC 7515 §4.1.11).");
            }

            if (!header.ContainsKey(name))
            {
                return ("signature.criticalHeaderMissing", $"crit lists '{name}' but the protected header does not contain it.");
            }
        }

        if (header.ContainsKey("b64") && !seen.Contains("b64"))
        {
            return ("signature.b64NotCritical", "b64 is used but not listed in crit (RFC 7797 §6 requires it).");
        }

        return null;
    }

    private static bool TryLoadCertificate(string base64, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out X509Certificate2? certificate)
    {
        certificate = null;
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        try
        {
            certificate = X509CertificateLoader.LoadCertificate(buffer.AsSpan(0, written));
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    internal static Finding IssuerResult(X509Certificate2 leaf, JsonObject credential)
    {
        if (!OrganizationIdentifier.TryFromCertificate(leaf, out var orgId))
        {
            return Finding.Fail("issuer.noOrganizationIdentifier", "The seal certificate's subject has no organizationIdentifier (OID 2.5.4.97, ETSI EN 319 412-1), so it cannot be bound to the issuer's legal identifier.");
        }

        if (credential["issuer"] is not JsonObject issuer)
        {
            return Finding.Fail(credential["issuer"] is null ? "issuer.missing" : "issuer.noLegalIdentifier", $"The credential's issuer is not an organisation with a legal identifier, so the seal of {orgId} cannot be bound to it.");
        }

        var issuerCountries = Countries(issuer["location"]).ToList();
        var candidates = new List<string>();
        foreach (var property in new[] { "eIDASIdentifier", "registration", "vatIdentifier" })
        {
            foreach (var identifier in Items(issuer[property]).OfType<JsonObject>())
            {
                if (identifier["notation"] is not JsonValue nv || !nv.TryGetValue(out string? notation))
                {
                    continue;
                }

                candidates.Add(property);
                var countries = Countries(identifier["spatial"]).ToList();
                if (countries.Count == 0)
                {
                    countries = issuerCountries;
                }

                if (orgId.Matches(notation, null) || countries.Exists(c => orgId.Matches(notation, c)))
                {
                    return Finding.Pass($"The seal certificate's organizationIdentifier {orgId} matches the issuer's {property} ({notation}).");
                }
            }
        }

        return candidates.Count == 0
            ? Finding.Fail("issuer.noLegalIdentifier", $"The issuer has no legal identifier (eIDASIdentifier, registration or vatIdentifier) to compare with the seal certificate's organizationIdentifier {orgId}.")
            : Finding.Fail("issuer.organizationMismatch", $"The seal certificate's organizationIdentifier {orgId} matches none of the issuer's legal identifiers ({string.Join(", ", candidates.Distinct())}): the credential is sealed by another organisation than its issuer.");
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        JsonArray a => a,
        null => Array.Empty<JsonNode?>(),
        _ => new[] { node },
    };

    /// <summary>Alpha-2 country codes from an ELM <c>spatial</c> concept or <c>location</c> (its address countryCode).</summary>
    private static IEnumerable<string> Countries(JsonNode? node)
    {
        foreach (var item in Items(node).OfType<JsonObject>())
        {
            if (item["id"] is JsonValue iv && iv.TryGetValue(out string? id) && CountryCodes.TryFromAuthorityUri(id, out var code))
            {
                yield return code;
            }

            foreach (var address in Items(item["address"]).OfType<JsonObject>())
            {
                if (address["countryCode"] is JsonObject cc && cc["id"] is JsonValue cv && cv.TryGetValue(out string? cid) && CountryCodes.TryFromAuthorityUri(cid, out var c2))
                {
                    yield return c2;
                }
            }
        }
    }

    private static Finding SafeAccreditation(SignatureCheck check, SecuringEnvironment options)
    {
        try
        {
            return Accreditation(check, options);
        }
        catch (CryptographicException ex)
        {
            return Finding.Fail("accreditation.chainInvalid", "The seal's certificate chain could not be processed: " + ex.Message);
        }
    }

    private static Finding Accreditation(SignatureCheck check, SecuringEnvironment options)
    {
        var leaf = check.Leaf!;
        var now = options.TimeProvider.GetUtcNow();
        var at = now;
        var source = "the verification time";
        if (check.Unprotected is { } unprotected && check.SignatureValue is { } signatureValue)
        {
            var (time, note) = SignatureTimestamp(unprotected, signatureValue, check.Extra, options);
            if (time is { } proven)
            {
                at = proven;
                source = "the time proven by the signature time-stamp (sigTst)";
            }
            else if (note is not null)
            {
                source = "the verification time (" + note + ")";
            }
        }

        var (anchor, statuses) = CertificateChains.Build(leaf, check.Extra, options.TrustAnchors, at);
        if (anchor is not null && !CertificateChains.AllowsSealing(leaf, out var usage))
        {
            return Finding.Fail("accreditation.keyUsage", $"The seal certificate chains to the trust anchor '{anchor.Subject}', but its key usage ({usage}) allows neither nonRepudiation (contentCommitment) nor digitalSignature: it is not a seal certificate (ETSI EN 319 412-3).");
        }

        if (anchor is not null)
        {
            return Finding.Pass($"The seal certificate chains to the trust anchor '{anchor.Subject}' at {XsdDateTime.Format(at)}, {source}. Revocation was not checked (no online revocation: RevocationMode.NoCheck).");
        }

        var code = statuses.Contains(X509ChainStatusFlags.NotTimeValid) && !statuses.Exists(s => s is X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain)
            ? "accreditation.certificateNotTimeValid"
            : statuses.Contains(X509ChainStatusFlags.NotSignatureValid) ? "accreditation.chainInvalid" : "accreditation.untrustedChain";
        return Finding.Fail(code, $"The seal certificate does not chain to any of the {options.TrustAnchors.Count} trust anchor(s) at {XsdDateTime.Format(at)}, {source}: {string.Join(", ", statuses)}. Revocation was not checked (RevocationMode.NoCheck).");
    }

    /// <summary>
    /// The time proven by the first valid RFC 3161 signature time-stamp in <c>etsiU</c> (<c>sigTst</c>, ETSI TS 119 182-1
    /// §5.3.4.2: its message imprint covers the ASCII base64url JWS signature value) whose TSA chains to a trust anchor.
    /// </summary>
    private static (DateTimeOffset? Time, string? Note) SignatureTimestamp(JsonObject unprotected, string signatureValue, X509Certificate2Collection extra, SecuringEnvironment options)
    {
        string? note = null;
        var data = Encoding.ASCII.GetBytes(signatureValue);
        foreach (var tokenBytes in EtsiU.SignatureTimestampTokens(unprotected))
        {
            if (!Rfc3161TimestampToken.TryDecode(tokenBytes, out var token, out _))
            {
                note = "a signature time-stamp could not be decoded";
                continue;
            }

            if (!token.VerifySignatureForData(data, out var tsa, extra))
            {
                note = "a signature time-stamp does not cover this signature or its own signature does not verify";
                continue;
            }

            var time = token.TokenInfo.Timestamp;
            var tsaPool = new X509Certificate2Collection(extra);
            if (token.AsSignedCms().Certificates is { } embedded)
            {
                tsaPool.AddRange(embedded);
            }

            if (CertificateChains.Build(tsa!, tsaPool, options.TrustAnchors, time).Anchor is null)
            {
                note = $"the signature time-stamp of {XsdDateTime.Format(time)} verifies, but its TSA does not chain to a trust anchor";
                continue;
            }

            return (time, null);
        }

        return (null, note);
    }

    private static string Describe(X509Certificate2 certificate)
    {
        // Organisation attributes only: never the subject's CN or serialNumber (a natural person's, for a signature certificate).
        string? o = null;
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == "2.5.4.10")
            {
                o = rdn.GetSingleElementValue();
            }
        }

        var id = OrganizationIdentifier.TryFromCertificate(certificate, out var orgId) ? orgId.Value : null;
        return (o, id) switch
        {
            (not null, not null) => $"'{o}' ({id})",
            (not null, null) => $"'{o}'",
            (null, not null) => id,
            _ => "an organisation not named in the certificate",
        };
    }

    private static string Printable(string value) =>
        value.Length > 40 || value.Any(char.IsControl) ? value[..Math.Min(40, value.Length)].Replace('\n', ' ').Replace('\r', ' ') + "…" : value;
}

/// <summary>Reads the JAdES unsigned header (<c>etsiU</c>, ETSI TS 119 182-1 §5.3): entries are JSON objects, or their base64url encoding.</summary>
internal static class EtsiU
{
    /// <summary>The entries of <c>etsiU</c> as JSON objects (undecodable entries are left out).</summary>
    public static IEnumerable<JsonObject> Entries(JsonObject unprotected)
    {
        if (unprotected["etsiU"] is not JsonArray entries)
        {
            yield break;
        }

        foreach (var entry in entries)
        {
            if (entry is JsonObject o)
            {
                yield return o;
            }
            else if (entry is JsonValue v && v.TryGetValue(out string? text) && Crypto.Base64Url.TryDecode(text, out var bytes)
                && JsonInput.TryParse(bytes, int.MaxValue, 64, out var node, out _) && node is JsonObject decoded)
            {
                yield return decoded;
            }
        }
    }

    /// <summary>The DER bytes of each <c>sigTst</c> time-stamp token.</summary>
    public static IEnumerable<byte[]> SignatureTimestampTokens(JsonObject unprotected)
    {
        foreach (var entry in Entries(unprotected))
        {
            if (entry["sigTst"] is JsonObject sigTst && sigTst["tstTokens"] is JsonArray tokens)
            {
                foreach (var token in tokens.OfType<JsonObject>())
                {
                    if (token["val"] is JsonValue v && v.TryGetValue(out string? b64) && TryBase64(b64, out var der))
                    {
                        yield return der;
                    }
                }
            }
        }
    }

    /// <summary>The certificates of <c>xVals</c> (<c>x509Cert.val</c>), as chain-building material only.</summary>
    public static IEnumerable<X509Certificate2> Certificates(JsonObject unprotected)
    {
        foreach (var entry in Entries(unprotected))
        {
            if (entry["xVals"] is not JsonArray values)
            {
                continue;
            }

            foreach (var value in values.OfType<JsonObject>())
            {
                if (value["x509Cert"] is JsonObject cert && cert["val"] is JsonValue v && v.TryGetValue(out string? b64) && TryBase64(b64, out var der))
                {
                    X509Certificate2? loaded = null;
                    try
                    {
                        loaded = X509CertificateLoader.LoadCertificate(der);
                    }
                    catch (CryptographicException)
                    {
                        loaded = null;
                    }

                    if (loaded is not null)
                    {
                        yield return loaded;
                    }
                }
            }
        }
    }

    internal static bool TryBase64(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = null;
        return false;
    }
}
