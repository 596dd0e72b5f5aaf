using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Tests.Crypto;

public class MultibaseTests
{
    [TestCase("", "")]
    [TestCase("f", "Zg")]
    [TestCase("fo", "Zm8")]
    [TestCase("foo", "Zm9v")]
    [TestCase("foob", "Zm9vYg")]
    [TestCase("fooba", "Zm9vYmE")]
    [TestCase("foobar", "Zm9vYmFy")]
    public void Base64Url_Rfc4648Vectors(string text, string expected)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        Assert.That(Base64Url.Encode(bytes), Is.EqualTo(expected));
        Assert.That(Base64Url.Decode(expected), Is.EqualTo(bytes));
    }

    [Test]
    public void Base64Url_UsesTheUrlAlphabet()
    {
        byte[] bytes = [0xfb, 0xff, 0xbf];
        Assert.That(Base64Url.Encode(bytes), Is.EqualTo("-_-_"));
        Assert.That(Base64Url.Decode("-_-_"), Is.EqualTo(bytes));
    }

    [TestCase("Zg==", TestName = "Base64Url_Decode_RejectsPadding")]
    [TestCase("+/+/", TestName = "Base64Url_Decode_RejectsStandardAlphabet")]
    [TestCase("Zm9v YmFy", TestName = "Base64Url_Decode_RejectsWhitespace")]
    [TestCase("Z", TestName = "Base64Url_Decode_RejectsImpossibleLength")]
    [TestCase("Zh", TestName = "Base64Url_Decode_RejectsNonZeroTrailingBits")]
    [TestCase("Zm9", TestName = "Base64Url_Decode_RejectsNonZeroTrailingBits3")]
    public void Base64Url_Decode_Rejects(string value)
    {
        Assert.Throws<FormatException>(() => Base64Url.Decode(value));
        Assert.That(Base64Url.TryDecode(value, out var data), Is.False);
        Assert.That(data, Is.Null);
    }

    [Test]
    public void Base64Url_Null()
    {
        Assert.Throws<ArgumentNullException>(() => Base64Url.Decode(null!));
        Assert.That(Base64Url.TryDecode(null, out _), Is.False);
    }

    [Test]
    public void Multibase_Base58Btc_KnownValue()
    {
        // "Hello World!" in base58btc is 2NEpo7TZRRrLZSi2U (multibase spec examples).
        var bytes = "Hello World!"u8.ToArray();
        Assert.That(Multibase.EncodeBase58Btc(bytes), Is.EqualTo("z2NEpo7TZRRrLZSi2U"));
        Assert.That(Multibase.Decode("z2NEpo7TZRRrLZSi2U"), Is.EqualTo(bytes));
    }

    [Test]
    public void Multibase_Base58Btc_KeepsLeadingZeroBytes()
    {
        byte[] bytes = [0, 0, 1, 2];
        var encoded = Multibase.EncodeBase58Btc(bytes);
        Assert.That(encoded, Does.StartWith("z11"));
        Assert.That(Multibase.Decode(encoded), Is.EqualTo(bytes));
    }

    [Test]
    public void Multibase_Base64Url_RoundTrips()
    {
        var bytes = "Hello World!"u8.ToArray();
        Assert.That(Multibase.EncodeBase64Url(bytes), Is.EqualTo("uSGVsbG8gV29ybGQh"));
        Assert.That(Multibase.Decode("uSGVsbG8gV29ybGQh"), Is.EqualTo(bytes));
    }

    [Test]
    public void Multibase_Base16_Decodes()
    {
        Assert.That(Multibase.Decode("f48656c6c6f"), Is.EqualTo("Hello"u8.ToArray()));
    }

    [TestCase("", "empty", TestName = "Multibase_Decode_Rejects_Empty")]
    [TestCase("z", "no data", TestName = "Multibase_Decode_Rejects_PrefixOnly")]
    [TestCase("z0OIl", "alphabet", TestName = "Multibase_Decode_Rejects_Base58Alphabet")]
    [TestCase("mSGVsbG8", "unsupported base prefix 'm'", TestName = "Multibase_Decode_Rejects_UnsupportedBase")]
    [TestCase("uSGVsbG8=", "padding", TestName = "Multibase_Decode_Rejects_PaddedBase64Url")]
    [TestCase("f48656C", "lowercase", TestName = "Multibase_Decode_Rejects_UppercaseHex")]
    [TestCase("f486", "odd", TestName = "Multibase_Decode_Rejects_OddHex")]
    public void Multibase_Decode_Rejects(string value, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Multibase.Decode(value));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(Multibase.TryDecode(value, out _), Is.False);
    }

    [Test]
    public void Multibase_RoundTrips_RandomData()
    {
        var random = new Random(58);
        for (var length = 0; length < 80; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            if (length > 0)
            {
                Assert.That(Multibase.Decode(Multibase.EncodeBase58Btc(bytes)), Is.EqualTo(bytes), "base58btc " + length);
            }

            Assert.That(Multibase.Decode(Multibase.EncodeBase64Url(bytes)), Is.EqualTo(bytes), "base64url " + length);
        }
    }
}
