using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// Data Integrity proofs (W3C VC Data Integrity 1.0 §4.4, §4.5) as a securing mechanism: verifies every proof of a JSON
/// document with the allowed cryptosuites. For a suite that signs the RDF dataset (eddsa-rdfc-2022,
/// Ed25519Signature2020), the view the checks read is taken from the signed dataset by IRI, and every way the JSON
/// disagrees with it is a problem with a code (a property reached through a non-standard term, or said differently).
/// </summary>
/// <param name="suites">The allowed cryptosuites.</param>
public sealed class DataIntegrityMechanism(CryptosuiteRegistry suites) : ISecuringMechanism
{
    /// <summary>The mechanism with every cryptosuite of this library.</summary>
    public static DataIntegrityMechanism Default { get; } = new(CryptosuiteRegistry.Default);

    /// <summary>The allowed cryptosuites.</summary>
    public CryptosuiteRegistry Suites { get; } = suites ?? throw new ArgumentNullException(nameof(suites));

    /// <inheritdoc/>
    public string Name => "data-integrity";

    /// <inheritdoc/>
    public bool CanRead(SecuredInput input) => input?.Json is not null;

    /// <inheritdoc/>
    public async ValueTask<SecuringEvidence> VerifyAsync(SecuredInput input, SecuringEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(environment);
        var document = input.Json ?? throw Error.Argument(nameof(input), "Data Integrity reads JSON documents.");
        var proofs = await DataIntegrity.VerifyAsync(document, Suites, environment.VerificationMethodResolver, new CryptosuiteContext { DocumentLoader = environment.DocumentLoader, Limits = environment.Limits }, cancellationToken).ConfigureAwait(false);
        var evidence = Evidence(document, proofs);
        return await UnsignedContextAsync(document, proofs, environment.DocumentLoader, cancellationToken).ConfigureAwait(false) is { } problem
            ? evidence with { ViewProblems = [problem, .. evidence.ViewProblems] }
            : evidence;
    }

    /// <summary>
    /// eddsa-jcs-2022 (§3.3.2) signs the document with the proof's <c>@context</c> and lets the presented document
    /// append further contexts, which nothing signs. Appended contexts that change what the signed JSON means as
    /// JSON-LD (a term redefined, a new <c>@vocab</c> under a signed member) are a problem; ones without effect are not.
    /// </summary>
    private static async ValueTask<Problem?> UnsignedContextAsync(JsonObject document, IReadOnlyList<ProofCheck> proofs, JsonLd.IDocumentLoader loader, CancellationToken cancellationToken)
    {
        if (proofs.Count == 0 || !proofs.All(p => p.Verified))
        {
            return null;
        }

        var presentedContext = document["@context"];
        JsonArray? presented = null;
        foreach (var proof in proofs)
        {
            if (proof.Proof?["@context"] is not { } signedContext || JsonNode.DeepEquals(signedContext, presentedContext))
            {
                continue;
            }

            var unsecured = DataIntegrity.WithoutProof(document);
            var signed = (JsonObject)unsecured.DeepClone();
            signed["@context"] = signedContext.DeepClone();
            try
            {
                var options = new JsonLd.JsonLdOptions { DocumentLoader = loader, SafeMode = true };
                presented ??= await JsonLd.JsonLdProcessor.ExpandAsync(unsecured, options, cancellationToken).ConfigureAwait(false);
                var asSigned = await JsonLd.JsonLdProcessor.ExpandAsync(signed, options, cancellationToken).ConfigureAwait(false);
                if (!JsonNode.DeepEquals(presented, asSigned))
                {
                    return new Problem("context.unsignedContext", "The @context entries after those the proof signs change what the signed data means as JSON-LD: a reader of the JSON-LD would not read what was signed.");
                }
            }
            catch (JsonLd.JsonLdException)
            {
                // The context check reports a document that does not process.
                return null;
            }
        }

        return null;
    }

    /// <summary>The evidence of a document's verified proofs.</summary>
    /// <param name="document">The document.</param>
    /// <param name="proofs">Its proofs' results.</param>
    /// <returns>The evidence.</returns>
    internal static SecuringEvidence Evidence(JsonObject document, IReadOnlyList<ProofCheck> proofs)
    {
        var json = CredentialView.FromJson(document);
        var view = json;
        var viewProblems = new List<Problem>();
        var allVerified = proofs.Count > 0 && proofs.All(p => p.Verified);
        if (allVerified && proofs.FirstOrDefault(p => p.Signed is not null)?.Signed is { } signed)
        {
            view = CredentialView.FromDataset(signed.Document, json, viewProblems) ?? json;
        }

        return new SecuringEvidence
        {
            Mechanism = proofs.Count == 0 ? "none" : string.Join("+", proofs.Select(p => p.Cryptosuite ?? "unknown").Distinct()),
            Document = document,
            View = view,
            Signature = SignatureFinding(proofs),
            Keys = [.. proofs.Select(Key)],
            SignedAt = [.. proofs.Select(p => DateOf(p.Proof, "created")).OfType<DateTimeOffset>()],
            ViewProblems = viewProblems,
            ContextProcessed = allVerified && proofs.All(p => p.Signed is not null),
        };
    }

    private static Finding SignatureFinding(IReadOnlyList<ProofCheck> proofs)
    {
        if (proofs.Count == 0)
        {
            return Finding.Fail("signature.missing", "The credential has no proof: it is not secured.");
        }

        var failed = proofs.FirstOrDefault(p => !p.Verified);
        if (failed is not null)
        {
            return Finding.Fail(failed.Code ?? "signature.invalid", failed.Message ?? "A proof does not verify.");
        }

        return Finding.Pass(proofs.Count == 1
            ? $"The {proofs[0].Cryptosuite} proof verifies with {proofs[0].Method?.Method?.Id}."
            : $"All {proofs.Count} proofs verify.");
    }

    private static KeyEvidence Key(ProofCheck proof) => new(Text(proof.Proof, "proofPurpose"), proof.Method?.Method?.Id, proof.Method?.Method?.Controller, proof.Method?.AuthorizedForPurpose ?? false)
    {
        Verified = proof.Verified,
        Problem = proof.Verified ? null : new Problem(proof.Code ?? "signature.invalid", proof.Message ?? "A proof does not verify."),
        Algorithm = proof.Cryptosuite,
        NamedMethod = Text(proof.Proof, "verificationMethod"),
        Challenge = Text(proof.Proof, "challenge"),
        Domains = proof.Proof?["domain"] switch
        {
            JsonValue v when v.TryGetValue(out string? one) => [one],
            JsonArray a => [.. a.OfType<JsonValue>().Select(x => x.TryGetValue(out string? s) ? s : null).OfType<string>()],
            _ => [],
        },
        Created = DateOf(proof.Proof, "created"),
        Expires = DateOf(proof.Proof, "expires"),
    };

    private static DateTimeOffset? DateOf(JsonObject? proof, string name) => Text(proof, name) is { } text && XsdDateTime.TryParse(text, out var date) ? date : null;

    private static string? Text(JsonObject? node, string name) => node?[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
