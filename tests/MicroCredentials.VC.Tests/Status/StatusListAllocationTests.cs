using System.Text.Json.Nodes;
using MicroCredentials.VC.Status;

namespace MicroCredentials.VC.Tests.Status;

/// <summary>Random, never-repeated index allocation (W3C Bitstring Status List v1.0 §2.1 statusListIndex).</summary>
public class StatusListAllocationTests
{
    private const string Url = "https://example.edu/status/1";

    [Test]
    public void TenThousandAllocations_AreUniqueInRangeAndNotSequential()
    {
        var allocation = StatusListAllocation.Create(Url, StatusPurpose.Revocation);
        var indexes = Enumerable.Range(0, 10_000).Select(_ => allocation.Allocate()).ToList();

        Assert.That(indexes.Distinct().Count(), Is.EqualTo(10_000), "an index was given twice");
        Assert.That(indexes, Is.All.InRange(0, 131_071));
        Assert.That(allocation.Allocated, Is.EqualTo(10_000));
        Assert.That(allocation.Remaining, Is.EqualTo(131_072 - 10_000));
        Assert.That(indexes.All(allocation.IsAllocated), Is.True);

        // Not issue order: consecutive allocations are rarely neighbours, the sequence is not sorted, and it spreads
        // over the whole list (a uniform draw of 10,000 from 131,072 has its extremes near both ends).
        var neighbours = indexes.Zip(indexes.Skip(1)).Count(p => Math.Abs(p.Second - p.First) <= 1);
        Assert.That(neighbours, Is.LessThan(20));
        var ascending = indexes.Zip(indexes.Skip(1)).Count(p => p.Second > p.First);
        Assert.That(ascending, Is.InRange(4_500, 5_500));
        Assert.That(indexes.Min(), Is.LessThan(1_000));
        Assert.That(indexes.Max(), Is.GreaterThan(130_000));
    }

    [Test]
    public void FillingTheList_GivesEveryIndexOnce_ThenRefuses()
    {
        var allocation = StatusListAllocation.Create(Url, StatusPurpose.Suspension);
        var seen = new bool[131_072];
        for (var i = 0; i < 131_072; i++)
        {
            var index = allocation.Allocate();
            Assert.That(seen[index], Is.False, "index given twice");
            seen[index] = true;
        }

        Assert.That(allocation.TryAllocate(out var none), Is.False);
        Assert.That(none, Is.EqualTo(-1));
        Assert.Throws<InvalidOperationException>(() => allocation.Allocate());
    }

    [Test]
    public void JsonForm_RoundTrips_AndKeepsAllocating()
    {
        var allocation = StatusListAllocation.Create(Url, StatusPurpose.Suspension);
        var given = Enumerable.Range(0, 100).Select(_ => allocation.Allocate()).ToHashSet();
        var json = allocation.ToJson();
        Assert.That((string?)json["type"], Is.EqualTo("StatusListAllocation"));
        Assert.That((string?)json["statusPurpose"], Is.EqualTo("suspension"));
        Assert.That((int?)json["allocated"], Is.EqualTo(100));
        Assert.That((string?)json["usedIndexes"], Does.StartWith("uH4sI"));

        Assert.That(StatusListAllocation.TryParse(JsonNode.Parse(json.ToJsonString())!.AsObject(), out var again, out var problem), Is.True, problem?.ToString());
        Assert.That(again!.StatusListCredential, Is.EqualTo(Url));
        Assert.That(again.Purpose, Is.EqualTo(StatusPurpose.Suspension));
        Assert.That(given.All(again.IsAllocated), Is.True);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.That(given.Add(again.Allocate()), Is.True, "an index saved as used was given again");
        }
    }

    [Test]
    public void TryParse_InconsistentCount_IsRefused()
    {
        var allocation = StatusListAllocation.Create(Url, StatusPurpose.Revocation);
        allocation.Allocate();
        var json = allocation.ToJson();
        json["allocated"] = 0;
        Assert.That(StatusListAllocation.TryParse(json, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(StatusCodes.AllocationMalformed));
        Assert.That(problem.Message, Does.Contain("allocated"));
    }

    [Test]
    public void Entry_ForAnAllocatedIndex_NamesTheListAndPurpose()
    {
        var allocation = StatusListAllocation.Create(Url, StatusPurpose.Revocation);
        var index = allocation.Allocate();
        var json = BitstringStatusListEntry.For(allocation, index).ToJson();
        Assert.That((string?)json["type"], Is.EqualTo("BitstringStatusListEntry"));
        Assert.That((string?)json["statusPurpose"], Is.EqualTo("revocation"));
        Assert.That((string?)json["statusListIndex"], Is.EqualTo(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That((string?)json["statusListCredential"], Is.EqualTo(Url));
        Assert.That((string?)json["id"], Is.EqualTo(Url + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Throws<ArgumentException>(() => BitstringStatusListEntry.For(allocation, FirstFree(allocation)));
    }

    [TestCase("file:///etc/passwd", TestName = "Create_FileUrl_Throws")]
    [TestCase("http://example.edu/status/1", TestName = "Create_PlainHttpUrl_Throws")]
    [TestCase("https://example.edu/status/1#list", TestName = "Create_UrlWithFragment_Throws")]
    public void Create_UrlVerifiersMustNotFetch_Throws(string url)
    {
        // The URL entries name and verifiers fetch; the list credential's own id may differ (Bitstring Status List §2.2).
        Assert.Throws<ArgumentException>(() => StatusListAllocation.Create(url, StatusPurpose.Revocation));
    }

    [Test]
    public void TryParse_RecordOfAFileUrl_IsMalformed()
    {
        var json = StatusListAllocation.Create(Url, StatusPurpose.Revocation).ToJson();
        json["statusListCredential"] = "file:///etc/passwd";
        Assert.That(StatusListAllocation.TryParse(json, out _, out var problem), Is.False);
        Assert.That(problem!.Message, Does.Contain("https"));
    }

    private static int FirstFree(StatusListAllocation allocation) => Enumerable.Range(0, allocation.Length).First(i => !allocation.IsAllocated(i));
}
