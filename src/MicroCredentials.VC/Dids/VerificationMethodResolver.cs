using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Dids;

/// <summary>Resolves a verification method URL to its key, its controller, and whether the controller authorizes it for a proof purpose.</summary>
public interface IVerificationMethodResolver
{
    /// <summary>Resolves a verification method.</summary>
    /// <param name="verificationMethodId">The URL, e.g. <c>did:key:z6Mk…#z6Mk…</c>.</param>
    /// <param name="proofPurpose">The purpose it is used for (<c>assertionMethod</c>, <c>authentication</c>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The method, or a failure with a reason.</returns>
    ValueTask<VerificationMethodResult> ResolveAsync(string verificationMethodId, string proofPurpose, CancellationToken cancellationToken = default);
}

/// <summary>A resolved verification method.</summary>
/// <param name="Id">Its URL.</param>
/// <param name="Type">Its type, e.g. <c>Multikey</c>.</param>
/// <param name="Controller">The controller (a DID).</param>
/// <param name="PublicKey">The Ed25519 public key; <see langword="null"/> when the method holds another kind of key (see <see cref="PublicKeyJwk"/>).</param>
public sealed record VerificationMethod(string Id, string Type, string Controller, Ed25519PublicKey? PublicKey)
{
    /// <summary>
    /// The public key as a JSON Web Key (RFC 7517), public members only: set for every method whose document gives
    /// <c>publicKeyJwk</c> (OKP Ed25519, EC P-256/P-384/P-521 — e.g. did:jwk, or a did:web <c>JsonWebKey</c>/<c>JsonWebKey2020</c>
    /// method), for Ed25519 <c>publicKeyMultibase</c> keys (their OKP form), and for P-256/P-384 <c>publicKeyMultibase</c>
    /// keys (<c>zDn…</c>, <c>z82…</c>, as an EC JWK; did:key included). VC-JOSE-COSE (ES256) and ecdsa-* keys are read here.
    /// </summary>
    public JsonObject? PublicKeyJwk { get; init; }
}

/// <summary>The outcome of resolving a verification method.</summary>
/// <param name="Method">The method, when found.</param>
/// <param name="AuthorizedForPurpose">Whether the controller's document lists the method under the proof purpose.</param>
/// <param name="Problem">Why resolution failed, with a stable code (e.g. <c>signature.keyNotFound</c>); null when found.</param>
public sealed record VerificationMethodResult(VerificationMethod? Method, bool AuthorizedForPurpose, Problem? Problem = null)
{
    /// <summary>Whether the method was found (it may still not be authorized for the purpose: <see cref="AuthorizedForPurpose"/>).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Method))]
    public bool Succeeded => Method is not null && Problem is null;

    /// <summary>A failure.</summary>
    /// <param name="code">A stable code.</param>
    /// <param name="message">Why.</param>
    /// <returns>The result.</returns>
    public static VerificationMethodResult Failed(string code, string message) => new(null, false, new Problem(code, message));
}

/// <summary>
/// Resolves verification methods through DID documents (W3C DID Core 1.0 §5.2 verification methods, §5.3 verification
/// relationships): the method may be defined under <c>verificationMethod</c> and referenced from a relationship, or
/// embedded in the relationship itself; ids relative to the document (<c>#key-1</c>) resolve against the DID.
/// </summary>
/// <param name="dids">The DID resolver.</param>
/// <param name="controllerDocuments">
/// Where https controller documents (W3C Controlled Identifiers 1.0) are fetched from, for verification methods named
/// by an https URL; <see langword="null"/> resolves DID URLs only.
/// </param>
public sealed class DidVerificationMethodResolver(IDidResolver dids, Resources.IResourceResolver? controllerDocuments = null) : IVerificationMethodResolver
{
    /// <summary>The offline default: did:key and did:jwk (<see cref="DidResolverRegistry.Default"/>).</summary>
    public static DidVerificationMethodResolver Default { get; } = new(DidResolverRegistry.Default);

    /// <inheritdoc/>
    public async ValueTask<VerificationMethodResult> ResolveAsync(string verificationMethodId, string proofPurpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verificationMethodId);
        ArgumentNullException.ThrowIfNull(proofPurpose);
        if (!verificationMethodId.StartsWith("did:", StringComparison.Ordinal))
        {
            return await ResolveInControllerDocumentAsync(verificationMethodId, proofPurpose, cancellationToken).ConfigureAwait(false);
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        var did = hash < 0 ? verificationMethodId : verificationMethodId[..hash];
        if (hash < 0 && did.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && did.Length > DidKey.Prefix.Length && did.AsSpan(DidKey.Prefix.Length).IndexOfAny('/', '?', ';') < 0)
        {
            // did:key v0.7 §3.1.2: a did:key names its one verification method, did:key:z…#z…, so a bare DID used as a verificationMethod resolves to it.
            verificationMethodId = did + "#" + did[DidKey.Prefix.Length..];
            hash = did.Length;
        }

        if (hash > 0 && did.StartsWith(DidKey.Prefix, StringComparison.Ordinal) && dids is DidResolverRegistry { } registry && registry.Methods.Contains("key")
            && verificationMethodId.AsSpan(hash + 1).SequenceEqual(did.AsSpan(DidKey.Prefix.Length)) && DidKey.TryParseAny(did, out var didKey, out _))
        {
            // did:key fast path: the document is derived from the key, and lists it under every relationship but keyAgreement.
            return new VerificationMethodResult(new VerificationMethod(verificationMethodId, "Multikey", did, didKey.Ed25519) { PublicKeyJwk = didKey.Jwk }, proofPurpose is "assertionMethod" or "authentication" or "capabilityInvocation" or "capabilityDelegation");
        }

        var resolution = await dids.ResolveAsync(did, cancellationToken).ConfigureAwait(false);
        if (resolution.Document is not { } doc)
        {
            return VerificationMethodResult.Failed(resolution.Problem?.Code ?? "signature.keyResolution", $"The key {verificationMethodId} could not be resolved: {resolution.Problem?.Message ?? "the DID '" + did + "' could not be resolved."}");
        }

        return FromDocument(doc, verificationMethodId, did, proofPurpose, "The DID document of '" + did + "'");
    }

    /// <summary>
    /// A verification method named by an https URL, in the controller document at that URL without its fragment (W3C
    /// Controlled Identifiers 1.0 §3.3, "Retrieve Verification Method"): the document's <c>id</c> is that URL, and the
    /// method's <c>id</c> and <c>controller</c> are the method's URL and that document.
    /// </summary>
    private async ValueTask<VerificationMethodResult> ResolveInControllerDocumentAsync(string verificationMethodId, string proofPurpose, CancellationToken cancellationToken)
    {
        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        var documentUrl = hash < 0 ? verificationMethodId : verificationMethodId[..hash];
        if (!Uri.TryCreate(documentUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || hash < 0)
        {
            return VerificationMethodResult.Failed("signature.keyResolution", $"The verification method '{verificationMethodId}' is neither a DID URL nor an https URL with a fragment (a method in a controller document).");
        }

        if (controllerDocuments is null)
        {
            return VerificationMethodResult.Failed("signature.keyResolution", $"The verification method '{verificationMethodId}' is in a controller document on the web, and no resource resolver was given to fetch it (VerificationOptions.ResourceResolver; mcred: --resource URL=FILE).");
        }

        var fetched = await controllerDocuments.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        if (!fetched.Succeeded)
        {
            return VerificationMethodResult.Failed(fetched.Problem?.Code ?? "signature.keyResolution", $"The controller document {documentUrl} could not be fetched: {fetched.Problem?.Message ?? "no reason given"}");
        }

        if (!JsonInput.TryParse(fetched.Content!.Value.Span, int.MaxValue, 64, out var node, out var problem) || node is not JsonObject doc)
        {
            return VerificationMethodResult.Failed(InvalidControllerDocument, $"The controller document {documentUrl} is not a JSON object{(problem is null ? "." : ": " + problem.Message)}");
        }

        if (PublicJwk.Str(doc["id"]) != documentUrl)
        {
            return VerificationMethodResult.Failed(InvalidControllerDocument, $"The controller document fetched from {documentUrl} names itself {PublicJwk.Str(doc["id"]) ?? "nothing"} (its id must be the URL it is fetched from).");
        }

        var vm = FindMethod(doc, verificationMethodId, documentUrl);
        if (vm is not null && Absolute(PublicJwk.Str(vm["controller"]), documentUrl) != documentUrl)
        {
            return VerificationMethodResult.Failed(InvalidControllerDocument, $"The verification method '{verificationMethodId}' names another controller than its controller document {documentUrl}.");
        }

        return FromDocument(doc, verificationMethodId, documentUrl, proofPurpose, "The controller document " + documentUrl);
    }

    /// <summary>The code of a controller document that breaks CID 1.0 §3.3 (its id, a method's id or controller).</summary>
    internal const string InvalidControllerDocument = "signature.invalidControllerDocument";

    private static VerificationMethodResult FromDocument(JsonObject doc, string verificationMethodId, string did, string proofPurpose, string documentName)
    {
        var vmNode = FindMethod(doc, verificationMethodId, did);
        if (vmNode is null)
        {
            return VerificationMethodResult.Failed("signature.keyNotFound", $"{documentName} has no verification method '{verificationMethodId}'.");
        }

        var type = PublicJwk.Str(vmNode["type"]) ?? string.Empty;
        var controller = Absolute(PublicJwk.Str(vmNode["controller"]), did) ?? did;
        Ed25519PublicKey? key = null;
        JsonObject? jwk = null;
        if (vmNode["publicKeyMultibase"] is JsonValue mb && mb.TryGetValue(out string? multibase))
        {
            if (Ed25519PublicKey.TryFromMultibase(multibase, out key))
            {
                jwk = key.ToJwk();
            }
            else if (EcMultikey.TryDecodeToJwk(multibase, out var ecJwk, out _))
            {
                jwk = ecJwk;
            }
        }
        else if (vmNode["publicKeyJwk"] is JsonObject jwkNode && PublicJwk.TryValidate(jwkNode, out var validated, out _))
        {
            jwk = validated;
            if (PublicJwk.IsEd25519(validated))
            {
                Ed25519PublicKey.TryFromJwk(validated, out key);
            }
        }

        if (key is null && (jwk is null || PublicJwk.Str(jwk["crv"]) == "X25519"))
        {
            return VerificationMethodResult.Failed("signature.unsupportedKey", $"The verification method '{verificationMethodId}' has no public key this library can use (an Ed25519, P-256 or P-384 publicKeyMultibase, or a publicKeyJwk for Ed25519 or EC P-256/P-384/P-521).");
        }

        var authorized = IsListedUnder(doc, proofPurpose, verificationMethodId, did);
        return new VerificationMethodResult(new VerificationMethod(Absolute(PublicJwk.Str(vmNode["id"]), did) ?? verificationMethodId, type, controller, key) { PublicKeyJwk = jwk }, authorized);
    }

    private static JsonObject? FindMethod(JsonObject doc, string vmId, string did)
    {
        foreach (var section in new[] { "verificationMethod", "assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement" })
        {
            if (doc[section] is not JsonArray entries)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is JsonObject vm && Absolute(PublicJwk.Str(vm["id"]), did) == vmId)
                {
                    return vm;
                }
            }
        }

        return null;
    }

    private static bool IsListedUnder(JsonObject doc, string purpose, string vmId, string did) =>
        doc[purpose] is JsonArray entries && entries.Any(e => e switch
        {
            JsonValue v when v.TryGetValue(out string? reference) => Absolute(reference, did) == vmId,
            JsonObject o => Absolute(PublicJwk.Str(o["id"]), did) == vmId,
            _ => false,
        });

    private static string? Absolute(string? id, string did) =>
        id is not null && id.StartsWith('#') ? did + id : id;
}
