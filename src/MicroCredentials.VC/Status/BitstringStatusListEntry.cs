using System.Globalization;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Status;

/// <summary>
/// A <c>credentialStatus</c> entry of type <c>BitstringStatusListEntry</c> (W3C Bitstring Status List v1.0 §2.1): which
/// list, which index, for which purpose. Add it to a credential before signing with
/// <c>Issuance.CredentialIssuer.IssueAsync(model, status)</c>
/// or <see cref="BitstringStatusListCredential.AddStatus"/>.
/// </summary>
public sealed record BitstringStatusListEntry
{
    /// <summary>The URL of the <c>BitstringStatusListCredential</c> (§2.1 <c>statusListCredential</c>).</summary>
    public required string StatusListCredential { get; init; }

    /// <summary>The credential's index in the list (§2.1 <c>statusListIndex</c>, written as a base-10 string); at least 0.</summary>
    public required int StatusListIndex { get; init; }

    /// <summary>The purpose (§2.1 <c>statusPurpose</c>); must be the list's.</summary>
    public required StatusPurpose StatusPurpose { get; init; }

    /// <summary>The entry's <c>id</c>; when null, <c>statusListCredential#statusListIndex</c> (never the list's own URL, §2.1).</summary>
    public string? Id { get; init; }

    /// <summary>An entry for an index taken from an allocation record.</summary>
    /// <param name="allocation">The list's allocation record.</param>
    /// <param name="index">The index it allocated.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allocation"/> is null.</exception>
    /// <exception cref="ArgumentException">The index was not allocated by <paramref name="allocation"/>.</exception>
    public static BitstringStatusListEntry For(StatusListAllocation allocation, int index)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (!allocation.IsAllocated(index))
        {
            throw Error.Argument(nameof(index), "The index has not been allocated from this record: call Allocate() first.");
        }

        return new BitstringStatusListEntry { StatusListCredential = allocation.StatusListCredential, StatusListIndex = index, StatusPurpose = allocation.Purpose };
    }

    /// <summary>The JSON form: <c>{id, type: BitstringStatusListEntry, statusPurpose, statusListIndex, statusListCredential}</c>.</summary>
    /// <returns>A new JSON object.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute, or the index is negative.</exception>
    public JsonObject ToJson()
    {
        if (!Uri.TryCreate(StatusListCredential, UriKind.Absolute, out _))
        {
            throw Error.Argument(nameof(StatusListCredential), "statusListCredential must be an absolute URL.");
        }

        if (StatusListIndex < 0)
        {
            throw Error.Argument(nameof(StatusListIndex), "statusListIndex must be 0 or more.");
        }

        var index = StatusListIndex.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = Id ?? StatusListCredential + "#" + index,
            ["type"] = BitstringStatusListCredential.EntryType,
            ["statusPurpose"] = StatusPurposes.ToName(StatusPurpose),
            ["statusListIndex"] = index,
            ["statusListCredential"] = StatusListCredential,
        };
    }
}
