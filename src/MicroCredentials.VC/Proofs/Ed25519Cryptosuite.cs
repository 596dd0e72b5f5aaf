using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// What eddsa-rdfc-2022 and eddsa-jcs-2022 share (W3C Data Integrity EdDSA Cryptosuites v1.0 §3.2, §3.3):
/// SHA-256 of the canonical proof configuration followed by SHA-256 of the canonical document, signed with Ed25519.
/// </summary>
public abstract class Ed25519Cryptosuite : ICryptosuite
{
    private static readonly string[] VmTypes = ["Multikey", "Ed25519VerificationKey2020", "JsonWebKey"];

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public virtual string ProofType => "DataIntegrityProof";

    /// <inheritdoc/>
    public IReadOnlyList<string> VerificationMethodTypes => VmTypes;

    /// <inheritdoc/>
    public string SignatureAlgorithm => Crypto.SignatureAlgorithms.EdDsa;

    /// <inheritdoc/>
    public virtual string VerificationMethodType => "Multikey";

    /// <summary>The suite's transformation: the canonical UTF-8 bytes of a JSON document.</summary>
    /// <param name="document">The document (or proof configuration).</param>
    /// <param name="context">The environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The canonical bytes.</returns>
    protected abstract ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken);

    /// <summary>Whether the emitted proof keeps its <c>@context</c> (eddsa-jcs-2022 does; eddsa-rdfc-2022 does not).</summary>
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
    /// A shortcut for suites whose transformation needs no I/O: writes SHA-256 of the configuration and of the
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
        var hashData = new byte[2 * SHA256.HashSizeInBytes];
        if (TryHashDirect(document, ignoreProofMember, proofConfiguration, hashData))
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

        SHA256.HashData(configBytes, hashData.AsSpan(0, SHA256.HashSizeInBytes));
        SHA256.HashData(documentBytes, hashData.AsSpan(SHA256.HashSizeInBytes));
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
