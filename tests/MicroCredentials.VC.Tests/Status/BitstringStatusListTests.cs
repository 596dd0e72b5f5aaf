using System.IO.Compression;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Status;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Status;

/// <summary>The bitstring codec of W3C Bitstring Status List v1.0 (§2.2 encodedList, §3.3, §3.4).</summary>
public class BitstringStatusListTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true);

    internal static string Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return "u" + Base64Url.Encode(buffer.ToArray());
    }

    [TestCase("02-example-bitstringstatuslistcredential.json")]
    [TestCase("04-a-status-list-verifiable-credential.json")]
    public void SpecExample_DecodesTo131072ZeroBits(string file)
    {
        var credential = JsonNode.Parse(Shared.ReadText("vectors", "vc-bitstring-status-list", "spec-examples", file))!.AsObject();
        var encoded = (string)credential["credentialSubject"]!["encodedList"]!;
        Assert.That(encoded, Is.EqualTo("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"));

        var list = BitstringStatusList.Decode(encoded);
        Assert.That(list.Length, Is.EqualTo(131_072));
        Assert.That(list.CountSet(), Is.Zero);
        Assert.That(list, Is.EqualTo(BitstringStatusList.Create()));

        Assert.That(BitstringStatusListCredential.TryRead(credential, out var content, out var error), Is.True, error?.ToString());
        Assert.That(content!.Purposes, Is.EqualTo(new[] { "revocation" }));
        Assert.That(content.Id, Is.EqualTo("https://example.com/credentials/status/3"));
    }

    [Test]
    public void Index0_IsTheLeftMostBitOfTheFirstByte()
    {
        var list = BitstringStatusList.Create().WithBit(0, true).WithBit(9, true).WithBit(131_071, true);
        Assert.That(list.Bytes.Span[0], Is.EqualTo(0x80));
        Assert.That(list.Bytes.Span[1], Is.EqualTo(0x40));
        Assert.That(list.Bytes.Span[16_383], Is.EqualTo(0x01));
        Assert.That(list.CountSet(), Is.EqualTo(3));
        Assert.That(list[9], Is.True);
        Assert.That(list[8], Is.False);
    }

    [Test]
    public void WithBit_ReturnsANewList_AndLeavesTheOriginalUnchanged()
    {
        var empty = BitstringStatusList.Create();
        var set = empty.WithBit(42, true);
        Assert.That(empty[42], Is.False);
        Assert.That(set[42], Is.True);
        Assert.That(set.WithBit(42, false), Is.EqualTo(empty));
    }

    [TestCase(0)]
    [TestCase(131_064)]
    [TestCase(131_073)]
    [TestCase(131_076)]
    public void Create_RefusesLengthsBelowTheMinimumOrNotWholeBytes(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BitstringStatusList.Create(length));

    [Test]
    public void IsSet_OutsideTheList_Throws()
    {
        var list = BitstringStatusList.Create();
        Assert.Throws<ArgumentOutOfRangeException>(() => list.IsSet(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.IsSet(131_072));
    }

    [Test]
    public void EncodeThenDecode_GivesTheSameBits_Property() =>
        Check.One(Config, Prop.ForAll(
            Gen.Zip(Gen.Elements(131_072, 131_080, 262_144), Gen.ListOf(Gen.Choose(0, int.MaxValue))).ToArbitrary(),
            input =>
            {
                var (length, seeds) = input;
                var indexes = seeds.Select(s => s % length).ToList();
                var list = BitstringStatusList.Create(length).WithBits(indexes, true);
                var encoded = list.Encode();
                var decoded = BitstringStatusList.Decode(encoded);
                return encoded[0] == 'u'
                    && decoded.Equals(list)
                    && decoded.Length == length
                    && indexes.All(i => decoded[i])
                    && decoded.CountSet() == indexes.Distinct().Count();
            }));

    [Test]
    public void Decode_AForeignGzip_ReadsTheBitsMostSignificantFirst()
    {
        var bytes = new byte[16_384];
        bytes[2] = 0b0010_0000; // index 18
        var list = BitstringStatusList.Decode(Gzip(bytes));
        Assert.That(list[18], Is.True);
        Assert.That(list.CountSet(), Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        yield return new TestCaseData(string.Empty, StatusCodes.NotMultibase).SetName("Decode_Empty_NotMultibase");
        yield return new TestCaseData("H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA", StatusCodes.NotMultibase).SetName("Decode_NoPrefix_NotMultibase");
        yield return new TestCaseData("zH4sIAAAAAAAAA", StatusCodes.NotMultibase).SetName("Decode_Base58Prefix_NotMultibase");
        yield return new TestCaseData("uH4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA", StatusCodes.NotBase64Url).SetName("Decode_PlusSign_NotBase64Url");
        yield return new TestCaseData("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA==", StatusCodes.NotBase64Url).SetName("Decode_Padding_NotBase64Url");
        yield return new TestCaseData("u" + Base64Url.Encode(new byte[64]), StatusCodes.NotGzip).SetName("Decode_NotGzip");
        yield return new TestCaseData(CorruptCrc(), StatusCodes.NotGzip).SetName("Decode_CorruptGzipChecksum_NotGzip");
        yield return new TestCaseData(Gzip(new byte[16_383]), StatusCodes.ListTooShort).SetName("Decode_16383Bytes_ListTooShort");
    }

    private static string CorruptCrc()
    {
        var compressed = Base64Url.Decode(Gzip(new byte[16_384])[1..]);
        compressed[^8] ^= 0xFF; // the CRC-32 of the GZIP trailer (RFC 1952 §2.2)
        return "u" + Base64Url.Encode(compressed);
    }

    [TestCaseSource(nameof(Malformed))]
    public void Decode_Malformed_FailsWithItsCode(string encoded, string code)
    {
        Assert.That(BitstringStatusList.TryDecode(encoded, out var list, out var error), Is.False);
        Assert.That(list, Is.Null);
        Assert.That(error!.Code, Is.EqualTo(code), error.Message);
        Assert.That(error.Message, Is.Not.Empty);
        Assert.Throws<FormatException>(() => BitstringStatusList.Decode(encoded));
    }

    [Test]
    public void Decode_GzipBomb_IsRefusedBeforeItFillsMemory()
    {
        // 64 MiB of zeros compress to about 64 KB: far past the 16 MiB cap.
        var bomb = Gzip(new byte[64 * 1024 * 1024]);
        Assert.That(bomb.Length, Is.LessThan(200_000));
        Assert.That(BitstringStatusList.TryDecode(bomb, out _, out var error), Is.False);
        Assert.That(error!.Code, Is.EqualTo(StatusCodes.ListTooLarge));
        Assert.That(error.Message, Does.Contain("GZIP bomb"));
    }

    [Test]
    public void Decode_WithASmallerCap_RefusesALargerList()
    {
        var encoded = BitstringStatusList.Create(262_144).Encode();
        Assert.That(BitstringStatusList.TryDecode(encoded, out _, out var error, maxDecodedBytes: 16_384), Is.False);
        Assert.That(error!.Code, Is.EqualTo(StatusCodes.ListTooLarge));
        Assert.That(BitstringStatusList.TryDecode(encoded, out var list, out _, maxDecodedBytes: 32_768), Is.True);
        Assert.That(list!.Length, Is.EqualTo(262_144));
    }
}
