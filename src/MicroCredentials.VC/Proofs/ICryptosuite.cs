using System.Text.Json.Nodes;
using MicroCredentials.VC.JsonLd;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// A Data Integrity cryptosuite (W3C VC Data Integrity 1.0 §3, "Cryptographic Suites"): a transformation of the
/// document and of the proof configuration into canonical bytes, a hashing step, and a signature algorithm.
/// Suites are stateless singletons, reached through <see cref="Cryptosuites"/>.
/// </summary>
public interface ICryptosuite
{
    /// <summary>The <c>cryptosuite</c> identifier, e.g. <c>eddsa-rdfc-2022</c>.</summary>
    string Name { get; }

    /// <summary>The proof <c>type</c>: <c>DataIntegrityProof</c>.</summary>
    string ProofType { get; }

    /// <summary>The verification-method types whose keys this suite accepts (e.g. <c>Multikey</c>).</summary>
    IReadOnlyList<string> VerificationMethodTypes { get; }

    /// <summary>
    /// The suite's signature algorithm, by its JWS name (<c>EdDSA</c> for the eddsa suites, <c>ES256</c>/<c>ES384</c>
    /// for ecdsa ones): a <see cref="Crypto.ISigner"/> must report this <see cref="Crypto.ISigner.Algorithm"/> to sign with the suite.
    /// </summary>
    string SignatureAlgorithm { get; }

    /// <summary>The verification-method type the suite's keys are published as (e.g. <c>Multikey</c>).</summary>
    string VerificationMethodType { get; }

    /// <summary>
    /// Transformation and proof configuration steps: canonicalizes the unsecured document and the proof configuration
    /// and hashes them, returning <c>hash(proofConfig) ‖ hash(document)</c>, the data that is signed.
    /// </summary>
    /// <param name="unsecuredDocument">The document without the proof being made or checked (it may carry previous proofs of a chain).</param>
    /// <param name="proofConfiguration">The proof without <c>proofValue</c>, with the <c>@context</c> the suite prescribes.</param>
    /// <param name="context">The JSON-LD environment (document loader) for suites that need it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The bytes to sign.</returns>
    /// <exception cref="ProofException">The document cannot be canonicalized (e.g. an undefined term under safe mode).</exception>
    ValueTask<byte[]> HashDataAsync(JsonObject unsecuredDocument, JsonObject proofConfiguration, CryptosuiteContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// The suite's proof configuration step: from the document and the proof options (the proof without
    /// <c>proofValue</c>), the document to canonicalize, the proof configuration to canonicalize, and (when creating)
    /// the proof object to emit. Validates the options (type, cryptosuite, created, the proof's <c>@context</c>).
    /// </summary>
    /// <param name="unsecuredDocument">The document without the proof (not modified).</param>
    /// <param name="proofOptions">The proof without <c>proofValue</c> (not modified).</param>
    /// <param name="verifying">True when checking an existing proof, false when creating one.</param>
    /// <returns>The inputs of <see cref="HashDataAsync"/> and the proof to emit.</returns>
    /// <exception cref="ProofException">The proof options are not acceptable for this suite.</exception>
    ProofInputs Configure(JsonObject unsecuredDocument, JsonObject proofOptions, bool verifying);
}

/// <summary>What a cryptosuite hashes, and the proof it emits.</summary>
/// <param name="Document">The document to canonicalize.</param>
/// <param name="Configuration">The proof configuration to canonicalize.</param>
/// <param name="Proof">The proof object to emit (creation) or that was checked (verification), without <c>proofValue</c>.</param>
public sealed record ProofInputs(JsonObject Document, JsonObject Configuration, JsonObject Proof)
{
    /// <summary>
    /// When true, <see cref="Document"/> is the secured document itself and its top-level <c>proof</c> member is to be
    /// ignored when canonicalizing (saves copying the document; never true for proof chains).
    /// </summary>
    internal bool IgnoreProofMember { get; init; }

    /// <summary>When set, an RDF-based suite keeps here the datasets it canonicalized (verification reads them).</summary>
    internal SignedDataCapture? Capture { get; init; }
}

/// <summary>The RDF datasets an RDF-based suite canonicalized: what its signature covers.</summary>
internal sealed class SignedDataCapture
{
    /// <summary>The document's quads (without the proof being checked).</summary>
    public List<Rdf.Quad> Document { get; } = [];

    /// <summary>The proof configuration's quads.</summary>
    public List<Rdf.Quad> Proof { get; } = [];

    /// <summary>Whether the suite filled it (only RDF-based suites do; a proof configuration always has quads).</summary>
    public bool Filled => Proof.Count > 0;
}

/// <summary>The environment a cryptosuite runs in.</summary>
public sealed record CryptosuiteContext
{
    /// <summary>The JSON-LD document loader; the embedded contexts by default (never the network).</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary>The limits on the documents signed and verified (size, depth, JSON-LD work); <see cref="InputLimits.Default"/> unless set.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>The JSON-LD options of the RDF-based suites: safe mode, this loader, these limits.</summary>
    internal JsonLdOptions JsonLdOptions => new JsonLdOptions { DocumentLoader = DocumentLoader, SafeMode = true }.WithLimits(Limits);

    /// <summary>The default context: embedded contexts only.</summary>
    public static CryptosuiteContext Default { get; } = new();
}

/// <summary>A proof could not be created or checked for a reason other than a bad signature.</summary>
public sealed class ProofException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable code, e.g. <c>context.undefinedTerm</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ProofException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>Creates the exception.</summary>
    public ProofException()
        : this("proof.error", "The proof could not be processed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ProofException(string message)
        : this("proof.error", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ProofException(string message, Exception innerException)
        : this("proof.error", message, innerException)
    {
    }

    /// <summary>A stable code for the failure.</summary>
    public string Code { get; }
}
