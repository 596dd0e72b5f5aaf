using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Status;

/// <summary>
/// The issuer's private record of which indexes of one status list have been given to credentials, so that indexes
/// are chosen at random (W3C Bitstring Status List v1.0 §2.1 <c>statusListIndex</c>: "SHOULD assign indexes randomly")
/// and never given twice. Owned, mutable and thread-safe: one instance per list, kept beside the list and saved after
/// every allocation.
/// </summary>
/// <remarks>
/// <para>
/// Each index is drawn uniformly from the indexes not yet used (<see cref="RandomNumberGenerator"/>), so the index of a
/// credential says nothing about when it was issued or how many were issued before it.
/// </para>
/// <para>
/// The record is never published: the published list credential shows only the set bits (revoked or suspended), not
/// which indexes are in use. Save it (<see cref="ToJson"/>) before handing out the credential that carries a new index:
/// an index recorded but never used is harmless, an index used but not recorded could be given again.
/// </para>
/// <para>JSON form (<see cref="ToJson"/>, <see cref="TryParse"/>):</para>
/// <code>
/// {
///   "type": "StatusListAllocation",
///   "version": 1,
///   "statusListCredential": "https://example.edu/status/1",
///   "statusPurpose": "revocation",
///   "length": 131072,
///   "allocated": 2,
///   "usedIndexes": "uH4sI…"
/// }
/// </code>
/// <para>
/// <c>usedIndexes</c> is encoded like <c>encodedList</c> (<see cref="BitstringStatusList.Encode"/>): bit <c>i</c> is 1
/// when index <c>i</c> has been allocated. <c>allocated</c> is its number of set bits, a consistency check.
/// </para>
/// </remarks>
public sealed class StatusListAllocation
{
    /// <summary>The <c>type</c> of the JSON form.</summary>
    public const string JsonType = "StatusListAllocation";

    private const int RejectionAttempts = 64;

    private readonly Lock _lock = new();
    private readonly byte[] _used;
    private int _allocated;

    private StatusListAllocation(string statusListCredential, StatusPurpose purpose, byte[] used, int allocated)
    {
        StatusListCredential = statusListCredential;
        Purpose = purpose;
        _used = used;
        _allocated = allocated;
    }

    /// <summary>The URL of the list credential the indexes belong to (its <c>statusListCredential</c>).</summary>
    public string StatusListCredential { get; }

    /// <summary>The list's purpose.</summary>
    public StatusPurpose Purpose { get; }

    /// <summary>The number of indexes of the list.</summary>
    public int Length => _used.Length * 8;

    /// <summary>How many indexes have been allocated.</summary>
    public int Allocated
    {
        get
        {
            lock (_lock)
            {
                return _allocated;
            }
        }
    }

    /// <summary>How many indexes are still free.</summary>
    public int Remaining => Length - Allocated;

    /// <summary>Starts the record of a new list: no index used.</summary>
    /// <param name="statusListCredential">The list credential's URL (an absolute https URL; http only for a loopback host).</param>
    /// <param name="purpose">The list's purpose.</param>
    /// <param name="length">The list's length (as <see cref="BitstringStatusList.Create"/>).</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentException">The URL is not an absolute https URL without a fragment (http only for a loopback host).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The length is not a valid list length.</exception>
    public static StatusListAllocation Create(string statusListCredential, StatusPurpose purpose, int length = BitstringStatusList.MinimumLength)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statusListCredential);
        if (StatusListUrl.Problem(statusListCredential) is { } problem)
        {
            throw Error.Argument(nameof(statusListCredential), problem);
        }

        var list = BitstringStatusList.Create(length); // validates the length
        return new StatusListAllocation(statusListCredential, purpose, new byte[list.Length / 8], 0);
    }

    /// <summary>Whether an index has been allocated.</summary>
    /// <param name="index">The index.</param>
    /// <returns>Whether it is in use.</returns>
    public bool IsAllocated(int index)
    {
        if (index < 0 || index >= Length)
        {
            return false;
        }

        lock (_lock)
        {
            return (_used[index >> 3] & (0x80 >> (index & 7))) != 0;
        }
    }

    /// <summary>Takes a random unused index and records it as used.</summary>
    /// <returns>The index.</returns>
    /// <exception cref="InvalidOperationException">Every index is used: start a new list.</exception>
    public int Allocate() => TryAllocate(out var index)
        ? index
        : throw Error.InvalidOperation(string.Create(CultureInfo.InvariantCulture, $"All {Length} indexes of the status list {StatusListCredential} are used: create a new list."));

    /// <summary>Takes a random unused index and records it as used, unless the list is full.</summary>
    /// <param name="index">The index.</param>
    /// <returns>False when every index is used.</returns>
    public bool TryAllocate(out int index)
    {
        lock (_lock)
        {
            var free = Length - _allocated;
            if (free <= 0)
            {
                index = -1;
                return false;
            }

            // Sparse list: rejection sampling is uniform over the free indexes and fast.
            for (var attempt = 0; attempt < RejectionAttempts; attempt++)
            {
                var candidate = RandomNumberGenerator.GetInt32(Length);
                if ((_used[candidate >> 3] & (0x80 >> (candidate & 7))) == 0)
                {
                    Mark(candidate);
                    index = candidate;
                    return true;
                }
            }

            // Crowded list: pick the k-th free index, k uniform.
            var k = RandomNumberGenerator.GetInt32(free);
            for (var i = 0; i < _used.Length; i++)
            {
                var zeros = 8 - BitOperations.PopCount(_used[i]);
                if (k >= zeros)
                {
                    k -= zeros;
                    continue;
                }

                for (var bit = 0; bit < 8; bit++)
                {
                    if ((_used[i] & (0x80 >> bit)) == 0 && k-- == 0)
                    {
                        index = (i * 8) + bit;
                        Mark(index);
                        return true;
                    }
                }
            }

            throw Error.InvalidOperation("The allocation record is inconsistent (its count does not match its bits).");
        }
    }

    /// <summary>The JSON form (see the remarks of <see cref="StatusListAllocation"/>), to save beside the list. Never publish it.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJson()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["type"] = JsonType,
                ["version"] = 1,
                ["statusListCredential"] = StatusListCredential,
                ["statusPurpose"] = StatusPurposes.ToName(Purpose),
                ["length"] = Length,
                ["allocated"] = _allocated,
                ["usedIndexes"] = BitstringStatusList.FromBytes(_used).Encode(),
            };
        }
    }

    /// <summary>Reads the JSON form, checking that it is complete and consistent.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="allocation">The record, when valid.</param>
    /// <param name="problem">Why not, otherwise: code <see cref="StatusCodes.AllocationMalformed"/> and a sentence naming the member.</param>
    /// <returns>Whether the JSON is a valid allocation record.</returns>
    public static bool TryParse([NotNullWhen(true)] JsonObject? json, [NotNullWhen(true)] out StatusListAllocation? allocation, [NotNullWhen(false)] out Problem? problem)
    {
        allocation = null;
        if (json is null || Text(json, "type") != JsonType)
        {
            problem = new Problem(StatusCodes.AllocationMalformed, "not a status list allocation record (type StatusListAllocation).");
            return false;
        }

        if (json["version"] is not JsonValue vv || !vv.TryGetValue(out int version) || version != 1)
        {
            problem = new Problem(StatusCodes.AllocationMalformed, "unsupported version (expected 1).");
            return false;
        }

        var url = Text(json, "statusListCredential");
        if (url is null || StatusListUrl.Problem(url) is not null)
        {
            problem = new Problem(StatusCodes.AllocationMalformed, "statusListCredential: " + StatusListUrl.Problem(url));
            return false;
        }

        if (!StatusPurposes.TryParse(Text(json, "statusPurpose"), out var purpose))
        {
            problem = new Problem(StatusCodes.AllocationMalformed, "statusPurpose must be revocation or suspension.");
            return false;
        }

        if (!BitstringStatusList.TryDecode(Text(json, "usedIndexes"), out var used, out var decodeError))
        {
            problem = new Problem(StatusCodes.AllocationMalformed, "usedIndexes: " + decodeError.Message);
            return false;
        }

        if (json["length"] is not JsonValue lv || !lv.TryGetValue(out int length) || length != used.Length)
        {
            problem = new Problem(StatusCodes.AllocationMalformed, "length does not match usedIndexes.");
            return false;
        }

        var count = used.CountSet();
        if (json["allocated"] is not JsonValue av || !av.TryGetValue(out int allocated) || allocated != count)
        {
            problem = new Problem(StatusCodes.AllocationMalformed, "allocated does not match the number of used indexes: the record is inconsistent.");
            return false;
        }

        allocation = new StatusListAllocation(url, purpose, used.Bytes.ToArray(), count);
        problem = null;
        return true;
    }

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private void Mark(int index)
    {
        _used[index >> 3] |= (byte)(0x80 >> (index & 7));
        _allocated++;
    }
}
