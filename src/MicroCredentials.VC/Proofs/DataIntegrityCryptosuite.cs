using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// What the "transform, hash, sign" cryptosuites share (W3C Data Integrity EdDSA Cryptosuites v1.0 §3.2, §3.3;
/// W3C Data Integrity ECDSA Cryptosuites v1.0 §3.2, §3.3): the proof configuration step, the transformation of the
/// document and of the proof configuration (RDFC-1.0 or JCS), and the hashing step, hash(canonical proof
/// configuration) ‖ hash(canonical document), with the suite's hash (SHA-256, or SHA-384 for ECDSA P-384).
/// Subclasses name the suite, the transformation and the signature algorithm.
/// </summary>
public abstract class DataIntegrityCryptosuite : ICryptosuite
{
    private protected DataIntegrityCryptosuite()
    {
    }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public virtual string ProofType => "DataIntegrityProof";

    /// <inheritdoc/>
    public abstract IReadOnlyList<string> VerificationMethodTypes { get; }

    /// <inheritdoc/>
    public abstract string SignatureAlgorithm { get; }

    /// <summary>The hash of the hashing step (and of RDFC-1.0, for RDF-based suites): SHA-256 unless the suite says otherwise.</summary>
    public virtual HashAlgorithmName HashAlgorithm => HashAlgorithmName.SHA256;

    /// <summary>The variant of this suite that signs with <paramref name="algorithm"/> (e.g. the P-384 variant of an ECDSA suite for <c>ES384</c>), or null.</summary>
    /// <param name="algorithm">The signer's JWS algorithm.</param>
    /// <returns>The variant, or null when the suite does not sign with it.</returns>
    internal virtual DataIntegrityCryptosuite? ForSignatureAlgorithm(string algorithm) =>
        string.Equals(algorithm, SignatureAlgorithm, StringComparison.Ordinal) ? this : null;

    /// <summary>The variant of this suite that verifies with the key of <paramref name="method"/>, or null when the key is of no kind the suite uses.</summary>
    /// <param name="method">The resolved verification method.</param>
    /// <returns>The variant, or null.</returns>
    internal abstract DataIntegrityCryptosuite? ForMethod(Dids.VerificationMethod method);

    /// <summary>Whether a decoded proofValue of this length can be a signature of some variant of the suite.</summary>
    /// <param name="length">The length in bytes.</param>
    /// <returns>Whether it can.</returns>
    internal abstract bool IsSignatureLength(int length);

    /// <summary>The length of this variant's signatures, in bytes.</summary>
    internal abstract int SignatureLength { get; }

    /// <summary>The key type named in error messages (e.g. <c>Ed25519</c>, <c>P-256</c>).</summary>
    internal abstract string KeyDescription { get; }

    /// <summary>Verifies a signature over the hash data with the method's key (the method was accepted by <see cref="ForMethod"/>).</summary>
    /// <param name="method">The method.</param>
    /// <param name="data">The hash data.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>Whether it verifies.</returns>
    internal abstract bool VerifySignature(Dids.VerificationMethod method, byte[] data, byte[] signature);

    /// <inheritdoc/>
    public virtual string VerificationMethodType => "Multikey";

    /// <summary>The suite's transformation: the canonical UTF-8 bytes of a JSON document.</summary>
    /// <param name="document">The document (or proof configuration).</param>
    /// <param name="context">The environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The canonical bytes.</returns>
    protected abstract ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken);

    /// <summary>Whether the emitted proof keeps its <c>@context</c> (the JCS suites do; the RDFC ones do not).</summary>
    protected abstract bool ProofKeepsContext { get; }

    /// <inheritdoc/>
    public ValueTask<byte[]> HashDataAsync(JsonObject unsecuredDocument, JsonObject proofConfiguration, CryptosuiteContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(proofConfiguration);
        ArgumentNullException.ThrowIfNull(context);
        return HashDataAsync(unsecuredDocument, ignoreProofMember: false, proofConfiguration, context, cancellationToken);
    }

    /// <summary>The hashing step over the inputs of <see cref="Configure"/>.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="context">The environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The bytes to sign.</returns>
    internal ValueTask<byte[]> HashDataAsync(ProofInputs inputs, CryptosuiteContext context, CancellationToken cancellationToken) =>
        HashDataAsync(inputs.Document, inputs.IgnoreProofMember, inputs.Configuration, context, cancellationToken, inputs.Capture);

    /// <summary>
    /// The transformation, keeping the RDF dataset it canonicalized in <paramref name="capture"/> for suites that go
    /// through RDF (so that verification reads the signed data, not the JSON); other suites ignore it.
    /// </summary>
    /// <param name="document">The document (or proof configuration).</param>
    /// <param name="context">The environment.</param>
    /// <param name="capture">Receives the quads; null when nobody asks.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The canonical bytes.</returns>
    private protected virtual ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, List<Rdf.Quad>? capture, CancellationToken cancellationToken) =>
        CanonicalizeAsync(document, context, cancellationToken);

    /// <summary>The suite's transformation of the document, leaving out its top-level <c>proof</c> when asked.</summary>
    /// <param name="document">The document.</param>
    /// <param name="ignoreProofMember">Whether to leave out the top-level <c>proof</c>.</param>
    /// <param name="context">The environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The canonical bytes.</returns>
    protected virtual ValueTask<byte[]> CanonicalizeDocumentAsync(JsonObject document, bool ignoreProofMember, CryptosuiteContext context, CancellationToken cancellationToken) =>
        CanonicalizeAsync(ignoreProofMember && document.ContainsKey("proof") ? DataIntegrity.WithoutProof(document) : document, context, cancellationToken);

    /// <summary>
    /// A shortcut for SHA-256 suites whose transformation needs no I/O: writes SHA-256 of the configuration and of the
    /// document straight into <paramref name="hashData"/> and returns true; false to use the general path.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="ignoreProofMember">Whether to leave out the top-level <c>proof</c>.</param>
    /// <param name="proofConfiguration">The proof configuration.</param>
    /// <param name="hashData">64 bytes: the configuration's hash, then the document's.</param>
    /// <returns>Whether the shortcut was taken.</returns>
    private protected virtual bool TryHashDirect(JsonObject document, bool ignoreProofMember, JsonObject proofConfiguration, byte[] hashData) => false;

    private async ValueTask<byte[]> HashDataAsync(JsonObject document, bool ignoreProofMember, JsonObject proofConfiguration, CryptosuiteContext context, CancellationToken cancellationToken, SignedDataCapture? capture = null)
    {
        var size = HashAlgorithm == HashAlgorithmName.SHA384 ? SHA384.HashSizeInBytes : SHA256.HashSizeInBytes;
        var hashData = new byte[2 * size];
        if (HashAlgorithm == HashAlgorithmName.SHA256 && TryHashDirect(document, ignoreProofMember, proofConfiguration, hashData))
        {
            return hashData;
        }

        byte[] configBytes, documentBytes;
        if (capture is null)
        {
            configBytes = await CanonicalizeAsync(proofConfiguration, context, cancellationToken).ConfigureAwait(false);
            documentBytes = await CanonicalizeDocumentAsync(document, ignoreProofMember, context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            configBytes = await CanonicalizeAsync(proofConfiguration, context, capture.Proof, cancellationToken).ConfigureAwait(false);
            var unsecured = ignoreProofMember && document.ContainsKey("proof") ? DataIntegrity.WithoutProof(document) : document;
            documentBytes = await CanonicalizeAsync(unsecured, context, capture.Document, cancellationToken).ConfigureAwait(false);
        }

        if (size == SHA384.HashSizeInBytes)
        {
            SHA384.HashData(configBytes, hashData.AsSpan(0, size));
            SHA384.HashData(documentBytes, hashData.AsSpan(size));
        }
        else
        {
            SHA256.HashData(configBytes, hashData.AsSpan(0, size));
            SHA256.HashData(documentBytes, hashData.AsSpan(size));
        }
        return hashData;
    }

    /// <inheritdoc/>
    public ProofInputs Configure(JsonObject unsecuredDocument, JsonObject proofOptions, bool verifying)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(proofOptions);
        if (proofOptions["type"] is not JsonValue typeValue || !typeValue.TryGetValue(out string? type) || type != ProofType)
        {
            throw new ProofException("signature.proofType", $"The proof type must be {ProofType}.");
        }

        if (ProofType == "DataIntegrityProof" && (proofOptions["cryptosuite"] is not JsonValue suiteValue || !suiteValue.TryGetValue(out string? suite) || suite != Name))
        {
            throw new ProofException("signature.cryptosuite", $"The proof's cryptosuite must be {Name}.");
        }

        if (proofOptions["created"] is { } created && (created is not JsonValue cv || !cv.TryGetValue(out string? createdText) || !Model.XsdDateTime.TryParse(createdText, out _)))
        {
            throw new ProofException("signature.created", "The proof's created value is not an XML Schema dateTime with a time zone.");
        }

        var documentContext = unsecuredDocument["@context"];
        var configuration = (JsonObject)proofOptions.DeepClone();
        var document = unsecuredDocument;
        if (!verifying)
        {
            SetContext(configuration, documentContext);
            var proof = (JsonObject)proofOptions.DeepClone();
            if (ProofKeepsContext && documentContext is not null)
            {
                proof["@context"] = documentContext.DeepClone();
            }

            return new(document, configuration, proof);
        }

        if (ProofKeepsContext)
        {
            // eddsa-jcs-2022 §3.3.2: the proof's @context must start the document's, and the document is hashed with the proof's.
            if (proofOptions["@context"] is { } proofContext)
            {
                if (!IsPrefixOf(proofContext, documentContext))
                {
                    throw new ProofException("signature.proofContext", "The proof's @context does not match the start of the document's @context.");
                }

                if (!JsonNode.DeepEquals(proofContext, documentContext))
                {
                    document = (JsonObject)unsecuredDocument.DeepClone();
                    document["@context"] = proofContext.DeepClone();
                }
            }
        }
        else
        {
            // eddsa-rdfc-2022 §3.2.2: the proof configuration takes the document's @context.
            SetContext(configuration, documentContext);
        }

        return new(document, configuration, proofOptions);
    }

    private static void SetContext(JsonObject target, JsonNode? context)
    {
        if (context is null)
        {
            target.Remove("@context");
            return;
        }

        // The configuration is only canonicalized (members sorted), so where @context stands does not matter.
        target["@context"] = context.DeepClone();
    }

    private static bool IsPrefixOf(JsonNode proofContext, JsonNode? documentContext)
    {
        var proofEntries = proofContext is JsonArray pa ? pa.ToArray() : [proofContext];
        var docEntries = documentContext is JsonArray da ? da.ToArray() : documentContext is null ? [] : [documentContext];
        if (proofEntries.Length > docEntries.Length)
        {
            return false;
        }

        for (var i = 0; i < proofEntries.Length; i++)
        {
            if (!JsonNode.DeepEquals(proofEntries[i], docEntries[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>UTF-8 bytes of a string.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes.</returns>
    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
