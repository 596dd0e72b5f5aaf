namespace MicroCredentials.VC.Status;

/// <summary>
/// The stable codes of the <c>status</c> check and of status-list decoding. Where the W3C Bitstring Status List v1.0
/// §3.5 (Processing Errors) or VC Data Model 2.0 §7.2 names an error, the code's documentation says which.
/// </summary>
public static class StatusCodes
{
    /// <summary>A bit is set in a <c>revocation</c> list: the credential is revoked.</summary>
    public const string Revoked = "status.revoked";

    /// <summary>A bit is set in a <c>suspension</c> list: the credential is suspended.</summary>
    public const string Suspended = "status.suspended";

    /// <summary>A <c>credentialStatus</c> entry is not a well-formed <c>BitstringStatusListEntry</c> (MALFORMED_VALUE_ERROR, §3).</summary>
    public const string MalformedEntry = "status.malformedEntry";

    /// <summary>A <c>credentialStatus</c> entry has a type this library cannot check (e.g. <c>StatusList2021Entry</c>): fail-closed.</summary>
    public const string UnsupportedType = "status.unsupportedType";

    /// <summary>A revocation or suspension entry with <c>statusSize</c> other than 1 (multi-bit entries are not supported).</summary>
    public const string UnsupportedStatusSize = "status.unsupportedStatusSize";

    /// <summary>The status list could not be fetched (STATUS_RETRIEVAL_ERROR, §3.5); the detail carries the resolver's code and reason.</summary>
    public const string RetrievalFailed = "status.retrievalFailed";

    /// <summary>The fetched document is not a <c>BitstringStatusListCredential</c>.</summary>
    public const string NotAStatusList = "status.notAStatusList";

    /// <summary>The list credential does not verify: format, context, proof or key binding (STATUS_VERIFICATION_ERROR, §3.5).</summary>
    public const string ListNotVerified = "status.listNotVerified";

    /// <summary>The list credential was issued by someone other than the credential's issuer.</summary>
    public const string IssuerMismatch = "status.issuerMismatch";

    /// <summary>The list credential's <c>validFrom</c> is in the future.</summary>
    public const string ListNotYetValid = "status.listNotYetValid";

    /// <summary>The list credential's <c>validUntil</c> has passed.</summary>
    public const string ListExpired = "status.listExpired";

    /// <summary>The list credential's <c>statusPurpose</c> is not the entry's (STATUS_VERIFICATION_ERROR, §3.2 step 5).</summary>
    public const string PurposeMismatch = "status.purposeMismatch";

    /// <summary>The list credential's subject is malformed (no <c>BitstringStatusList</c> subject, no <c>encodedList</c>; MALFORMED_VALUE_ERROR).</summary>
    public const string ListMalformed = "status.listMalformed";

    /// <summary><c>encodedList</c> is not multibase base64url (it must start with <c>u</c>, §2.2).</summary>
    public const string NotMultibase = "status.notMultibase";

    /// <summary><c>encodedList</c> after its <c>u</c> prefix is not unpadded base64url (RFC 4648 §5).</summary>
    public const string NotBase64Url = "status.notBase64Url";

    /// <summary><c>encodedList</c> does not decode to GZIP data (RFC 1952), or the GZIP data is corrupt.</summary>
    public const string NotGzip = "status.notGzip";

    /// <summary>The bitstring decompresses to more than the allowed size: refused (a GZIP bomb, or an absurd list).</summary>
    public const string ListTooLarge = "status.listTooLarge";

    /// <summary>The bitstring is shorter than 131,072 entries (STATUS_LIST_LENGTH_ERROR, §3.2 step 9).</summary>
    public const string ListTooShort = "status.listTooShort";

    /// <summary>The entry's index is outside the list (RANGE_ERROR, §3.2 step 10).</summary>
    public const string IndexOutOfRange = "status.indexOutOfRange";

    /// <summary>A status list allocation record (<see cref="StatusListAllocation.TryParse"/>) is incomplete or inconsistent.</summary>
    public const string AllocationMalformed = "status.allocationMalformed";
}
