using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Proofs;

namespace MicroCredentials.VC.Status;

/// <summary>What a <c>BitstringStatusListCredential</c> says (read by <see cref="BitstringStatusListCredential.TryRead"/>; the proof is not checked there).</summary>
/// <param name="Id">The credential's <c>id</c> (the URL it is published at), when present.</param>
/// <param name="Issuer">The credential's issuer, when present.</param>
/// <param name="SubjectId">The <c>credentialSubject.id</c> (e.g. <c>URL#list</c>), when present.</param>
/// <param name="Purposes">The <c>credentialSubject.statusPurpose</c> values (one or more strings, §2.2).</param>
/// <param name="List">The decoded bitstring.</param>
/// <param name="ValidFrom">The list's <c>validFrom</c>, when present.</param>
/// <param name="ValidUntil">The list's <c>validUntil</c>, when present.</param>
public sealed record StatusListContent(string? Id, string? Issuer, string? SubjectId, IReadOnlyList<string> Purposes, BitstringStatusList List, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

/// <summary>
/// Publishing and reading status lists as W3C Bitstring Status List v1.0 <c>BitstringStatusListCredential</c>s (§2.2,
/// §3.1 Generate Algorithm), and adding <c>BitstringStatusListEntry</c> entries (§2.1) to credentials.
/// </summary>
/// <remarks>
/// A published list is a VC 2.0 credential:
/// <code>
/// {
///   "@context": ["https://www.w3.org/ns/credentials/v2"],
///   "id": "https://example.edu/status/1",
///   "type": ["VerifiableCredential", "BitstringStatusListCredential"],
///   "issuer": "did:key:z6Mk…",
///   "validFrom": "2026-06-30T10:00:00Z",
///   "credentialSubject": {
///     "id": "https://example.edu/status/1#list",
///     "type": "BitstringStatusList",
///     "statusPurpose": "revocation",
///     "encodedList": "uH4sI…"
///   },
///   "proof": { "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", … }
/// }
/// </code>
/// One list has one purpose: revocation and suspension are two lists at two URLs.
/// </remarks>
public static class BitstringStatusListCredential
{
    /// <summary>The credential type of a published list.</summary>
    public const string CredentialType = "BitstringStatusListCredential";

    /// <summary>The type of the list (the credential subject).</summary>
    public const string ListType = "BitstringStatusList";

    /// <summary>The type of a <c>credentialStatus</c> entry.</summary>
    public const string EntryType = "BitstringStatusListEntry";

    /// <summary>
    /// The Bitstring Status List context. The VC 2.0 context already defines the status terms; a VC 1.1 credential (such
    /// as a Europass EDC) needs this one to define <c>BitstringStatusListEntry</c>, and <see cref="AddStatus"/> adds it.
    /// </summary>
    public const string StatusContext = "https://www.w3.org/ns/credentials/status/v1";

    private const string DataIntegrityContext = "https://w3id.org/security/data-integrity/v2";

    /// <summary>Builds an unsigned list credential (§3.1 steps 1–4).</summary>
    /// <param name="url">The URL the list is published at: its <c>id</c>, and the <c>statusListCredential</c> of entries.</param>
    /// <param name="issuerId">The issuer (the DID of the signing key); must be the issuer of the credentials it lists.</param>
    /// <param name="purpose">The list's purpose.</param>
    /// <param name="list">The bitstring.</param>
    /// <param name="validFrom">When this version of the list was published.</param>
    /// <param name="validUntil">When it stops being valid (verifiers then refuse it), or null.</param>
    /// <returns>A new JSON object, owned by the caller.</returns>
    /// <exception cref="ArgumentException">The URL or issuer is not absolute.</exception>
    public static JsonObject Create(string url, string issuerId, StatusPurpose purpose, BitstringStatusList list, DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw Error.Argument(nameof(url), "The status list URL must be absolute, e.g. https://example.edu/status/1.");
        }

        if (!ModelValidator.IsAbsoluteUri(issuerId))
        {
            throw Error.Argument(nameof(issuerId), "The issuer must be an absolute URI such as a DID.");
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialFormat.V2Context),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", CredentialType),
            ["issuer"] = issuerId,
            ["validFrom"] = XsdDateTime.Format(validFrom),
        };
        if (validUntil is { } until)
        {
            credential["validUntil"] = XsdDateTime.Format(until);
        }

        credential["credentialSubject"] = new JsonObject
        {
            ["id"] = url + "#list",
            ["type"] = ListType,
            ["statusPurpose"] = StatusPurposes.ToName(purpose),
            ["encodedList"] = list.Encode(),
        };
        return credential;
    }

    /// <summary>Builds and signs a list credential with the issuer's signer; <c>validFrom</c> is the signer's clock.</summary>
    /// <param name="issuer">The issuer's credential signer (a <see cref="DataIntegritySigner"/> or an <c>Issuance.CredentialIssuer</c>); its <see cref="ICredentialSigner.IssuerId"/> becomes <c>issuer</c>.</param>
    /// <param name="url">The URL the list is published at.</param>
    /// <param name="purpose">The list's purpose.</param>
    /// <param name="list">The bitstring.</param>
    /// <param name="validUntil">When the list stops being valid, or null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The signed list credential.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute.</exception>
    public static ValueTask<JsonObject> IssueAsync(ICredentialSigner issuer, string url, StatusPurpose purpose, BitstringStatusList list, DateTimeOffset? validUntil = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return issuer.SignAsync(Create(url, issuer.IssuerId, purpose, list, issuer.GetUtcNow(), validUntil), cancellationToken);
    }

    /// <summary>
    /// Re-issues a list credential with new bits (after revoking, suspending or reinstating): the proof is replaced,
    /// <c>encodedList</c> and <c>validFrom</c> (the issuer's clock) are updated, every other property is kept.
    /// </summary>
    /// <param name="issuer">The list's issuer's credential signer.</param>
    /// <param name="listCredential">The current list credential (not modified).</param>
    /// <param name="list">The new bitstring.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new signed list credential.</returns>
    /// <exception cref="ArgumentException">The document is not a readable list credential, or it is another issuer's.</exception>
    public static ValueTask<JsonObject> UpdateAsync(ICredentialSigner issuer, JsonObject listCredential, BitstringStatusList list, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(listCredential);
        ArgumentNullException.ThrowIfNull(list);
        if (!TryRead(listCredential, out var content, out var problem))
        {
            throw Error.Argument(nameof(listCredential), "Not a usable status list credential: " + problem.Message);
        }

        if (!string.Equals(content.Issuer, issuer.IssuerId, StringComparison.Ordinal))
        {
            throw Error.Argument(nameof(listCredential), $"The list was issued by {content.Issuer}, not by {issuer.IssuerId}.");
        }

        var copy = new JsonObject();
        foreach (var (name, value) in listCredential)
        {
            if (name != "proof")
            {
                copy[name] = value?.DeepClone();
            }
        }

        copy["validFrom"] = XsdDateTime.Format(issuer.GetUtcNow());
        var subject = copy["credentialSubject"] is JsonArray one ? (JsonObject)one[0]! : (JsonObject)copy["credentialSubject"]!;
        subject["encodedList"] = list.Encode();
        return issuer.SignAsync(copy, cancellationToken);
    }

    /// <summary>
    /// Reads a list credential's content without checking its proof (the <c>status</c> check verifies the proof first).
    /// Fails with <see cref="StatusCodes.NotAStatusList"/>, <see cref="StatusCodes.ListMalformed"/>, or a decoding code of
    /// <see cref="BitstringStatusList.TryDecode"/>.
    /// </summary>
    /// <param name="credential">The list credential.</param>
    /// <param name="content">What it says, when readable.</param>
    /// <param name="problem">Why not, otherwise: a code of <see cref="StatusCodes"/> and a sentence.</param>
    /// <param name="maxDecodedBytes">The largest accepted bitstring, in bytes.</param>
    /// <returns>Whether the document is a readable list credential.</returns>
    public static bool TryRead([NotNullWhen(true)] JsonObject? credential, [NotNullWhen(true)] out StatusListContent? content, [NotNullWhen(false)] out Problem? problem, int maxDecodedBytes = BitstringStatusList.DefaultMaxDecodedBytes)
    {
        content = null;
        if (credential is null || !CredentialFormat.HasType(credential, CredentialType))
        {
            problem = new Problem(StatusCodes.NotAStatusList, "The document is not a status list: its type does not include BitstringStatusListCredential.");
            return false;
        }

        var subject = credential["credentialSubject"] switch
        {
            JsonObject o => o,
            JsonArray { Count: 1 } a => a[0] as JsonObject,
            _ => null,
        };
        if (subject is null || !CredentialFormat.TypesOf(subject["type"]).Contains(ListType, StringComparer.Ordinal))
        {
            problem = new Problem(StatusCodes.ListMalformed, "The status list credential's credentialSubject is not one object of type BitstringStatusList.");
            return false;
        }

        var purposes = subject["statusPurpose"] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => [s],
            JsonArray a when a.Count > 0 && a.All(x => x is JsonValue xv && xv.TryGetValue(out string? _)) => a.Select(x => x!.GetValue<string>()).ToList(),
            _ => null,
        };
        if (purposes is null)
        {
            problem = new Problem(StatusCodes.ListMalformed, "The status list's statusPurpose must be a string or an array of strings.");
            return false;
        }

        if (subject["encodedList"] is not JsonValue ev || !ev.TryGetValue(out string? encoded))
        {
            problem = new Problem(StatusCodes.ListMalformed, "The status list has no encodedList string.");
            return false;
        }

        if (!BitstringStatusList.TryDecode(encoded, out var list, out problem, maxDecodedBytes))
        {
            return false;
        }

        content = new StatusListContent(
            credential["id"] is JsonValue iv && iv.TryGetValue(out string? id) ? id : null,
            CredentialFormat.IssuerOf(credential),
            subject["id"] is JsonValue sv && sv.TryGetValue(out string? sid) ? sid : null,
            purposes,
            list,
            CredentialFormat.DateOf(credential, "validFrom"),
            CredentialFormat.DateOf(credential, "validUntil"));
        problem = null;
        return true;
    }

    /// <summary>
    /// Returns a copy of an unsigned credential with status entries added to <c>credentialStatus</c> (kept, and made an
    /// array, when it already has entries). For a VC 1.1 credential (whose <c>@context</c> does not include the VC 2.0
    /// context) the <see cref="StatusContext"/> is added to <c>@context</c>, before the Data Integrity context when
    /// that is present, so that <c>BitstringStatusListEntry</c> and its properties are defined terms.
    /// </summary>
    /// <param name="credential">The unsigned credential (not modified).</param>
    /// <param name="entries">The entries.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">An entry is malformed (see <see cref="BitstringStatusListEntry.ToJson"/>), or the credential already has a proof.</exception>
    public static JsonObject AddStatus(JsonObject credential, IEnumerable<BitstringStatusListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(entries);
        var copy = (JsonObject)credential.DeepClone();
        AddStatusInPlace(copy, [.. entries]);
        return copy;
    }

    internal static void AddStatusInPlace(JsonObject credential, IReadOnlyList<BitstringStatusListEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (credential["proof"] is not null)
        {
            throw Error.Argument(nameof(credential), "The credential is already signed: add status entries before signing.");
        }

        var added = entries.Select(e => (JsonNode)e.ToJson()).ToList();
        JsonNode status = credential["credentialStatus"] switch
        {
            null when added.Count == 1 => added[0],
            null => new JsonArray([.. added]),
            JsonArray existing => new JsonArray([.. existing.Select(x => x?.DeepClone()), .. added]),
            { } single => new JsonArray([single.DeepClone(), .. added]),
        };
        credential["credentialStatus"] = status;

        var contexts = credential["@context"] switch
        {
            JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue(out string? s) ? s : null).ToList(),
            JsonValue v when v.TryGetValue(out string? s) => [s],
            _ => [],
        };
        if (contexts.Contains(CredentialFormat.V2Context) || contexts.Contains(StatusContext))
        {
            return;
        }

        var array = credential["@context"] switch
        {
            JsonArray a => a,
            null => new JsonArray(),
            { } one => new JsonArray(one.DeepClone()),
        };
        var at = contexts.IndexOf(DataIntegrityContext);
        array.Insert(at >= 0 ? at : array.Count, (JsonNode)StatusContext);
        credential["@context"] = array;
    }

}
