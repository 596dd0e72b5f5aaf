using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// Creates and verifies Data Integrity proofs (W3C VC Data Integrity 1.0 §4.2 "Add Proof", §4.3 "Add Proof Set/Chain",
/// §4.4 "Verify Proof", §4.5 "Verify Proof Sets and Chains") with any <see cref="ICryptosuite"/>.
/// Never modifies the caller's document.
/// </summary>
public static class DataIntegrity
{
    /// <summary>Adds a proof to a copy of <paramref name="document"/>. An existing proof makes a proof set; <see cref="ProofOptions.PreviousProof"/> makes a chain.</summary>
    /// <param name="document">The document to secure (not modified).</param>
    /// <param name="suite">The cryptosuite.</param>
    /// <param name="signer">Signs the hash data: its <see cref="ISigner.Algorithm"/> must be the suite's <see cref="ICryptosuite.SignatureAlgorithm"/>; its <see cref="ISigner.KeyId"/> is the proof's verification method unless the options name one.</param>
    /// <param name="options">The proof options.</param>
    /// <param name="context">The JSON-LD environment; embedded contexts only by default.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The secured copy.</returns>
    /// <exception cref="ProofException">The document cannot be secured with this suite (e.g. an undefined term), or a previous proof is missing.</exception>
    /// <exception cref="ArgumentException">The signer's algorithm is not the suite's (e.g. an ES256 key for eddsa-rdfc-2022), or the suite is ecdsa-sd-2023 (verification only).</exception>
    public static async ValueTask<JsonObject> AddProofAsync(JsonObject document, ICryptosuite suite, ISigner signer, ProofOptions options, CryptosuiteContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        suite = RequireAlgorithm(suite, signer);
        context ??= CryptosuiteContext.Default;
        CheckSignable(document, context.Limits);

        var existing = ProofsOf(document);
        var chained = options.PreviousProof.Count > 0;

        // A plain proof or a proof set hashes the document without its proofs: the suite ignores the member instead of
        // this method copying the document. A chain hashes the document with the previous proofs it names.
        var unsecured = chained ? WithoutProof(document) : document;
        if (chained)
        {
            var previous = new JsonArray();
            foreach (var id in options.PreviousProof)
            {
                var match = existing.FirstOrDefault(p => (string?)p["id"] == id)
                    ?? throw new ProofException("signature.previousProof", "The previous proof '" + id + "' is not in the document.");
                previous.Add(match.DeepClone());
            }

            unsecured["proof"] = previous;
        }

        var proofOptions = new JsonObject { ["type"] = suite.ProofType };
        if (options.Id is not null)
        {
            proofOptions["id"] = options.Id;
        }

        if (suite.ProofType == "DataIntegrityProof")
        {
            proofOptions["cryptosuite"] = suite.Name;
        }
        if (options.Created is { } created)
        {
            proofOptions["created"] = XsdDateTime.Format(created);
        }

        if (options.Expires is { } expires)
        {
            proofOptions["expires"] = XsdDateTime.Format(expires);
        }

        proofOptions["verificationMethod"] = options.VerificationMethod ?? signer.KeyId;
        proofOptions["proofPurpose"] = options.ProofPurpose;
        if (options.Challenge is not null)
        {
            proofOptions["challenge"] = options.Challenge;
        }

        if (options.Domain is not null)
        {
            proofOptions["domain"] = options.Domain;
        }

        if (options.PreviousProof.Count == 1)
        {
            proofOptions["previousProof"] = options.PreviousProof[0];
        }
        else if (options.PreviousProof.Count > 1)
        {
            proofOptions["previousProof"] = new JsonArray([.. options.PreviousProof.Select(p => (JsonNode)JsonValue.Create(p))]);
        }

        var inputs = suite.Configure(unsecured, proofOptions, verifying: false) with { IgnoreProofMember = !chained };
        var hashData = await HashAsync(suite, inputs, context, cancellationToken).ConfigureAwait(false);
        var proof = inputs.Proof;
        proof["proofValue"] = Multibase.EncodeBase58Btc(await signer.SignAsync(hashData, cancellationToken).ConfigureAwait(false));

        var secured = (JsonObject)document.DeepClone();
        if (existing.Count == 0)
        {
            secured["proof"] = proof;
        }
        else
        {
            secured["proof"] = new JsonArray([.. existing.Select(p => p.DeepClone()), proof]);
        }

        return secured;
    }

    /// <summary>
    /// Verifies every proof on a document (a single proof, a proof set, or a chain). Each result says whether that
    /// proof's signature verifies with the key its verification method resolves to. Never throws for bad input.
    /// </summary>
    /// <param name="document">The secured document.</param>
    /// <param name="suites">The allowed cryptosuites.</param>
    /// <param name="methods">Resolves verification methods to keys.</param>
    /// <param name="context">The JSON-LD environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One result per proof, in document order; empty when the document has no proof.</returns>
    public static async ValueTask<IReadOnlyList<ProofCheck>> VerifyAsync(JsonObject document, CryptosuiteRegistry suites, IVerificationMethodResolver methods, CryptosuiteContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(suites);
        ArgumentNullException.ThrowIfNull(methods);
        context ??= CryptosuiteContext.Default;

        var results = new List<ProofCheck>();
        var proofNode = document["proof"];
        if (proofNode is null)
        {
            return results;
        }

        if (proofNode is not JsonObject && proofNode is not JsonArray)
        {
            results.Add(ProofCheck.Fail(null, "signature.malformedProof", "The proof must be an object or an array of objects."));
            return results;
        }

        var proofs = ProofsOf(document);
        if (proofNode is JsonArray array && proofs.Count != array.Count)
        {
            results.Add(ProofCheck.Fail(null, "signature.malformedProof", "Every entry of the proof array must be an object."));
            return results;
        }

        foreach (var proof in proofs)
        {
            results.Add(await VerifyOneAsync(document, proof, proofs, suites, methods, context, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static async ValueTask<ProofCheck> VerifyOneAsync(JsonObject secured, JsonObject proof, List<JsonObject> allProofs, CryptosuiteRegistry suites, IVerificationMethodResolver methods, CryptosuiteContext context, CancellationToken cancellationToken)
    {
        var type = proof["type"] is JsonValue tv && tv.TryGetValue(out string? t) ? t : null;
        var suiteName = proof["cryptosuite"] is JsonValue sv && sv.TryGetValue(out string? s) ? s : null;
        if (!suites.TryGet(type, suiteName, out var suite))
        {
            return type == "DataIntegrityProof"
                ? ProofCheck.Fail(proof, "signature.unsupportedCryptosuite", $"The cryptosuite '{suiteName ?? "(none)"}' is not allowed (allowed: {string.Join(", ", suites.Names)}).")
                : ProofCheck.Fail(proof, "signature.unsupportedProofType", $"The proof type '{type ?? "(none)"}' is not supported (allowed: DataIntegrityProof with {string.Join(", ", suites.Names)}).");
        }

        if (proof["proofValue"] is not JsonValue pv || !pv.TryGetValue(out string? proofValue) || string.IsNullOrEmpty(proofValue))
        {
            return ProofCheck.Fail(proof, "signature.missingProofValue", "The proof has no proofValue.");
        }

        var ours = suite as DataIntegrityCryptosuite;
        var sd = suite as EcdsaSd2023;
        EcdsaSd2023.DerivedProof? derived = null;
        byte[]? signature = null;
        if (sd is not null)
        {
            if (!EcdsaSd2023.TryParseDerived(proofValue, out derived, out var sdError))
            {
                return ProofCheck.Fail(proof, "signature.malformedProofValue", sdError);
            }
        }
        else if (!proofValue.StartsWith('z') || !Multibase.TryDecode(proofValue, out signature) || !(ours?.IsSignatureLength(signature.Length) ?? signature.Length == 64))
        {
            return ProofCheck.Fail(proof, "signature.malformedProofValue", ours is EcdsaCryptosuite
                ? "The proofValue is not a base58btc multibase ECDSA signature (R ‖ S, 64 bytes for P-256, 96 for P-384)."
                : "The proofValue is not a base58btc multibase Ed25519 signature of 64 bytes.");
        }

        if (proof["verificationMethod"] is not JsonValue vmv || !vmv.TryGetValue(out string? vmId) || string.IsNullOrEmpty(vmId))
        {
            return ProofCheck.Fail(proof, "signature.missingVerificationMethod", "The proof names no verificationMethod.");
        }

        var purpose = proof["proofPurpose"] is JsonValue ppv && ppv.TryGetValue(out string? pp) ? pp : null;
        if (string.IsNullOrEmpty(purpose))
        {
            return ProofCheck.Fail(proof, "signature.missingProofPurpose", "The proof has no proofPurpose.");
        }

        var unsecured = secured;
        var chained = false;
        if (proof["previousProof"] is { } previousNode)
        {
            var ids = previousNode switch
            {
                JsonValue v when v.TryGetValue(out string? one) => [one],
                JsonArray a when a.All(x => x is JsonValue xv && xv.GetValueKind() == JsonValueKind.String) => a.Select(x => (string)x!).ToArray(),
                _ => null,
            };
            if (ids is null)
            {
                return ProofCheck.Fail(proof, "signature.malformedPreviousProof", "previousProof must be a proof id or an array of proof ids.");
            }

            var previous = new JsonArray();
            foreach (var id in ids)
            {
                var match = allProofs.FirstOrDefault(p => (string?)p["id"] == id);
                if (match is null)
                {
                    return ProofCheck.Fail(proof, "signature.missingPreviousProof", $"The previous proof '{id}' is not in the document.");
                }

                previous.Add(match.DeepClone());
            }

            unsecured = WithoutProof(secured);
            unsecured["proof"] = previous;
            chained = true;
        }

        var proofOptions = (JsonObject)proof.DeepClone();
        proofOptions.Remove("proofValue");

        VerificationMethodResult method;
        try
        {
            method = await methods.ResolveAsync(vmId, purpose, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A resolver failure is a failed check, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ProofCheck.Fail(proof, "signature.keyResolution", $"The verification method '{vmId}' could not be resolved: {ex.Message}");
        }

        if (method.Method is null)
        {
            return ProofCheck.Fail(proof, method.Problem?.Code ?? "signature.keyResolution", method.Problem?.Message ?? $"The verification method '{vmId}' could not be resolved.");
        }

        var variant = ours?.ForMethod(method.Method);
        if (ours is null ? method.Method.PublicKey is null : variant is null)
        {
            var needs = ours switch
            {
                EcdsaCryptosuite => "an ECDSA P-256 or P-384",
                EcdsaSd2023 => "an ECDSA P-256",
                _ => "an Ed25519",
            };
            return ProofCheck.Fail(proof, "signature.unsupportedKey", $"The verification method '{vmId}' holds a {(string?)method.Method.PublicKeyJwk?["crv"] ?? "non-Ed25519"} key; {suite.Name} needs {needs} key.", method);
        }

        if (variant is not null && signature is not null && signature.Length != variant.SignatureLength)
        {
            return ProofCheck.Fail(proof, "signature.malformedProofValue", $"The proofValue is not a {variant.KeyDescription} signature: it has {signature.Length} bytes, not {variant.SignatureLength}.", method);
        }

        suite = variant ?? suite;

        try
        {
            var capture = new SignedDataCapture();
            var inputs = suite.Configure(unsecured, proofOptions, verifying: true) with { IgnoreProofMember = !chained, Capture = capture };
            if (sd is not null)
            {
                if (await sd.VerifyDerivedAsync(inputs, derived!, method.Method, context, cancellationToken).ConfigureAwait(false) is { } sdProblem)
                {
                    return ProofCheck.Fail(proof, sdProblem.Code, sdProblem.Message, method);
                }
            }
            else if (await HashAsync(suite, inputs, context, cancellationToken).ConfigureAwait(false) is var hashData
                && !(variant?.VerifySignature(method.Method, hashData, signature!) ?? method.Method.PublicKey!.Verify(hashData, signature!)))
            {
                return ProofCheck.Fail(proof, "signature.invalid", $"The {suite.Name} signature does not verify with the key of '{vmId}': the document or the proof was changed after signing, or signed with another key.", method);
            }

            if (capture.Filled && SignedProofTerms.Disagreement(proofOptions, capture.Proof) is { } disagreement)
            {
                return ProofCheck.Fail(proof, disagreement.Code, disagreement.Message, method);
            }

            return ProofCheck.Pass(proof, suite.Name, method) with { Signed = capture.Filled ? capture : null, Chained = chained };
        }
        catch (ProofException ex)
        {
            return ProofCheck.Fail(proof, ex.Code, ex.Message, method);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // An invalid document must never crash verification: an unexpected fault is a failed check.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ProofCheck.Fail(proof, "signature.processingError", $"The document could not be processed for {suite.Name} ({ex.GetType().Name}: {ex.Message}).", method);
        }
    }

    /// <summary>Refuses a signer whose algorithm is not the suite's: misuse, so it throws.</summary>
    /// <param name="suite">The suite.</param>
    /// <param name="signer">The signer.</param>
    /// <returns>The suite, or its variant for the signer's algorithm (an ECDSA suite's P-384 variant for an ES384 signer).</returns>
    /// <exception cref="ArgumentException">The algorithms differ.</exception>
    internal static ICryptosuite RequireAlgorithm(ICryptosuite suite, ISigner signer)
    {
        if (suite is EcdsaSd2023)
        {
            throw Error.Argument(nameof(suite), "Creating ecdsa-sd-2023 base or derived proofs is not supported; this library verifies derived proofs only.");
        }

        if (suite is DataIntegrityCryptosuite ours)
        {
            return ours.ForSignatureAlgorithm(signer.Algorithm)
                ?? throw Error.Argument(nameof(signer), $"The {suite.Name} cryptosuite signs with {(ours is EcdsaCryptosuite ? "ES256 or ES384" : suite.SignatureAlgorithm)}, but the signer '{signer.KeyId}' uses {signer.Algorithm}.");
        }

        if (!string.Equals(signer.Algorithm, suite.SignatureAlgorithm, StringComparison.Ordinal))
        {
            throw Error.Argument(nameof(signer), $"The {suite.Name} cryptosuite signs with {suite.SignatureAlgorithm}, but the signer '{signer.KeyId}' uses {signer.Algorithm}.");
        }

        return suite;
    }

    private static async ValueTask<byte[]> HashAsync(ICryptosuite suite, ProofInputs inputs, CryptosuiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (suite is DataIntegrityCryptosuite ours)
            {
                return await ours.HashDataAsync(inputs, context, cancellationToken).ConfigureAwait(false);
            }

            // A suite of the caller's: give it the document without proofs, as the interface promises.
            var document = inputs.IgnoreProofMember && inputs.Document.ContainsKey("proof") ? WithoutProof(inputs.Document) : inputs.Document;
            return await suite.HashDataAsync(document, inputs.Configuration, context, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            // JCS refuses what has no canonical form (a number outside the double range, a lone surrogate, deep nesting).
            throw new ProofException("format.notCanonicalizable", "The document has no canonical JSON form (RFC 8785): " + ex.Message, ex);
        }
    }

    /// <summary>The Data Integrity v2 context, which defines <c>DataIntegrityProof</c> and its terms for VC 1.1 documents.</summary>
    public const string DataIntegrityContext = "https://w3id.org/security/data-integrity/v2";

    /// <summary>
    /// A VC 1.1 document's <c>@context</c> does not define <c>DataIntegrityProof</c>: returns a copy with the Data
    /// Integrity v2 context appended (as the reference implementations do), or the document itself when its context
    /// already has it or is VC 2.0 (whose base context defines the proof terms).
    /// </summary>
    /// <param name="document">The document (not modified).</param>
    /// <returns>The document to secure.</returns>
    public static JsonObject WithDataIntegrityContext(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document["@context"] is not JsonArray context ||
            context.Any(c => c is JsonValue v && v.TryGetValue(out string? url) && url is DataIntegrityContext or CredentialFormat.V2Context))
        {
            return document;
        }

        var copy = (JsonObject)document.DeepClone();
        ((JsonArray)copy["@context"]!).Add((JsonNode)JsonValue.Create(DataIntegrityContext));
        return copy;
    }

    /// <summary>
    /// Refuses what no verifier with the same limits would accept, before anything is signed: a document over
    /// <see cref="InputLimits.MaxDocumentBytes"/> (<c>format.tooLarge</c>), a number without a finite double reading
    /// (<c>format.nonFiniteNumber</c>), an existing proof that is not a well-formed proof (<c>signature.malformedProof</c>:
    /// adding a proof to it would make a proof set no verifier accepts).
    /// </summary>
    internal static void CheckSignable(JsonObject document, InputLimits limits)
    {
        var bytes = Utf8Length(document);
        if (bytes > limits.MaxDocumentBytes)
        {
            throw new ProofException("format.tooLarge", limits.TooLarge(bytes));
        }

        if (JsonNumbers.FirstNonFinite(document, limits.MaxDepth) is { } path)
        {
            var problem = JsonNumbers.NonFinite(path);
            throw new ProofException(problem.Code, problem.Message);
        }

        switch (document["proof"])
        {
            case null:
                return;
            case JsonObject single:
                CheckExistingProof(single);
                return;
            case JsonArray array:
                foreach (var item in array)
                {
                    CheckExistingProof(item as JsonObject ?? throw new ProofException("signature.malformedProof", "Every entry of the existing proof array must be an object: no proof is added to it."));
                }

                return;
            default:
                throw new ProofException("signature.malformedProof", "The existing proof is not an object or an array of objects: no proof is added to it.");
        }
    }

    /// <summary>The length of the document as compact UTF-8 JSON, counted without keeping the bytes.</summary>
    private static long Utf8Length(JsonObject document)
    {
        // As the document's own UTF-8 bytes (non-ASCII not escaped, as a verifier reads them), without validation: the
        // default escaping made this cost more than signing.
        var counter = new CountingWriter();
        using (var writer = new Utf8JsonWriter(counter, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            document.WriteTo(writer);
        }

        return counter.Count;
    }

    private sealed class CountingWriter : System.Buffers.IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public long Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length)
            {
                _scratch = new byte[sizeHint];
            }

            return _scratch;
        }
    }

    private static void CheckExistingProof(JsonObject proof)
    {
        if (proof["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string?)type))
        {
            throw new ProofException("signature.malformedProof", "An existing proof has no type (VC Data Integrity §2.1: type is required): no proof is added to it.");
        }

        if (proof["proofPurpose"] is not JsonValue purpose || purpose.GetValueKind() != JsonValueKind.String)
        {
            throw new ProofException("signature.malformedProof", "An existing proof has no proofPurpose (VC Data Integrity §2.1): no proof is added to it.");
        }
    }

    /// <summary>The proofs of a document, as objects (an array's non-object entries are skipped).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The proofs.</returns>
    internal static List<JsonObject> ProofsOf(JsonObject document) => document["proof"] switch
    {
        JsonObject single => [single],
        JsonArray many => [.. many.OfType<JsonObject>()],
        _ => [],
    };

    /// <summary>A deep copy of the document without its <c>proof</c>.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The copy.</returns>
    internal static JsonObject WithoutProof(JsonObject document)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (key != "proof")
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }
}

/// <summary>The outcome of checking one proof.</summary>
/// <param name="Proof">The proof checked (null when the proof value itself is malformed).</param>
/// <param name="Verified">Whether the signature verifies.</param>
/// <param name="Cryptosuite">The suite used.</param>
/// <param name="Code">A stable code when it failed.</param>
/// <param name="Message">Why it failed.</param>
/// <param name="Method">The resolved verification method, when resolution succeeded.</param>
public sealed record ProofCheck(JsonObject? Proof, bool Verified, string? Cryptosuite, string? Code, string? Message, VerificationMethodResult? Method)
{
    /// <summary>For a verified proof of an RDF-based suite: the datasets its signature covers.</summary>
    internal SignedDataCapture? Signed { get; init; }

    /// <summary>Whether the proof is part of a chain (it signs the document with previous proofs).</summary>
    internal bool Chained { get; init; }

    internal static ProofCheck Pass(JsonObject proof, string suite, VerificationMethodResult method) => new(proof, true, suite, null, null, method);

    internal static ProofCheck Fail(JsonObject? proof, string code, string message, VerificationMethodResult? method = null) =>
        new(proof, false, proof?["cryptosuite"] is JsonValue v && v.TryGetValue(out string? s) ? s : null, code, message, method);
}
