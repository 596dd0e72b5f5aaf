using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.JsonLd;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// Secures whole credential documents for a layer that must not know how (status lists, issuers): the issuer the
/// key is bound to, the signer's clock, and "sign this document". Implemented by <see cref="DataIntegritySigner"/>
/// and by <c>Issuance.CredentialIssuer</c>.
/// </summary>
public interface ICredentialSigner
{
    /// <summary>The issuer the signing key is bound to: written as <c>issuer</c> of documents built for this signer.</summary>
    string IssuerId { get; }

    /// <summary>The time the signer dates what it signs (proof <c>created</c>, a status list's <c>validFrom</c>): UTC, whole seconds.</summary>
    /// <returns>The time.</returns>
    DateTimeOffset GetUtcNow();

    /// <summary>Secures a copy of a credential document as it is (issuer untouched).</summary>
    /// <param name="document">The unsigned document (not modified).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The signed copy.</returns>
    /// <exception cref="ProofException">The document is not a well-formed credential, or cannot be secured.</exception>
    ValueTask<JsonObject> SignAsync(JsonObject document, CancellationToken cancellationToken = default);
}

/// <summary>
/// Adds Data Integrity proofs (<see cref="DataIntegrity.AddProofAsync"/>) to whole credentials with one
/// <see cref="ISigner"/> and one cryptosuite, after checking that a verifier would accept the document: well-formed
/// VC 1.1 or 2.0, every term defined (JSON-LD safe mode). Thread-safe; the caller's documents are never modified.
/// </summary>
public sealed class DataIntegritySigner : ICredentialSigner
{
    /// <summary>Creates the signer.</summary>
    /// <param name="signer">Signs the proofs; its key id is the verification method, whose DID (before <c>#</c>) is the issuer.</param>
    /// <param name="suite">The cryptosuite; eddsa-rdfc-2022 when null.</param>
    /// <param name="context">The JSON-LD environment; embedded contexts only when null.</param>
    /// <param name="timeProvider">The clock for <c>created</c>; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> is null.</exception>
    /// <exception cref="ArgumentException">The signer's algorithm is not the suite's.</exception>
    public DataIntegritySigner(ISigner signer, ICryptosuite? suite = null, CryptosuiteContext? context = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrWhiteSpace(signer.KeyId, nameof(signer));
        Suite = suite ?? Cryptosuites.EdDsaRdfc2022;
        _ = DataIntegrity.RequireAlgorithm(Suite, signer);
        Signer = signer;
        Context = context ?? CryptosuiteContext.Default;
        TimeProvider = timeProvider ?? TimeProvider.System;
        var hash = signer.KeyId.IndexOf('#', StringComparison.Ordinal);
        IssuerId = hash > 0 ? signer.KeyId[..hash] : signer.KeyId;
    }

    /// <summary>What signs the proofs.</summary>
    public ISigner Signer { get; }

    /// <summary>The cryptosuite.</summary>
    public ICryptosuite Suite { get; }

    /// <summary>The JSON-LD environment.</summary>
    public CryptosuiteContext Context { get; }

    /// <summary>The clock for <c>created</c>.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A fixed proof creation time instead of the clock (reproducible output).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <inheritdoc/>
    public string IssuerId { get; }

    /// <inheritdoc/>
    public DateTimeOffset GetUtcNow()
    {
        var now = Created ?? TimeProvider.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>
    /// Secures any credential document as it is (issuer untouched). The document must be a well-formed VC 1.1 or 2.0
    /// credential whose every term is defined (JSON-LD safe mode): what a verifier would refuse is never signed. A VC
    /// 1.1 document gets the Data Integrity v2 context appended when it lacks it
    /// (<see cref="DataIntegrity.WithDataIntegrityContext"/>).
    /// </summary>
    /// <param name="document">The unsigned (or already signed: the proof is added to a set) document; not modified.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The signed copy.</returns>
    /// <exception cref="ProofException">The document is not a well-formed credential (code <c>format.*</c>), has an undefined term or an unknown context (<c>context.*</c>), or cannot be secured with this suite.</exception>
    public async ValueTask<JsonObject> SignAsync(JsonObject document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        document = DataIntegrity.WithDataIntegrityContext(document);
        var problems = Credentials.CredentialFormat.Check(document);
        if (problems.Count > 0)
        {
            throw new ProofException(problems[0].Code, "Not a well-formed verifiable credential: " + string.Join(" ", problems.Select(p => p.Message)));
        }

        if (Suite is not EdDsaRdfc2022 and not Ed25519Signature2020 and not EcdsaRdfc2019)
        {
            // RDFC-based suites run JSON-LD in safe mode while hashing (the document without its proofs); the others must not sign what a verifier refuses.
            try
            {
                await JsonLdProcessor.ToRdfAsync(DataIntegrity.WithoutProof(document), Context.JsonLdOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonLdException ex)
            {
                throw new ProofException("context." + ex.Code.Replace(' ', '-'), "JSON-LD processing failed in safe mode: " + ex.Message, ex);
            }
        }

        return await DataIntegrity.AddProofAsync(document, Suite, Signer, new ProofOptions { VerificationMethod = Signer.KeyId, Created = GetUtcNow() }, Context, cancellationToken).ConfigureAwait(false);
    }
}
