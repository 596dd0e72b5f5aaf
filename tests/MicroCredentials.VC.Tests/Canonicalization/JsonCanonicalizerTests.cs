using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;

namespace MicroCredentials.VC.Tests.Canonicalization;

public class JsonCanonicalizerTests
{
    private static string Canon(string json) => Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

    [TestCase("""{"b":1,"a":2}""", """{"a":2,"b":1}""", TestName = "Sorts_Members")]
    [TestCase("""{ "z" : [ 3 , { "y":true, "x":null } ] }""", """{"z":[3,{"x":null,"y":true}]}""", TestName = "Sorts_Recursively_AndDropsWhitespace")]
    [TestCase("""{"\u00e9":1,"z":2,"\ud83d\ude00":3,"\uffff":4}""", "{\"z\":2,\"é\":1,\"\U0001F600\":3,\"\uffff\":4}", TestName = "Sorts_ByUtf16CodeUnits_NotCodePoints")]
    [TestCase("""["\u0000\u001f\b\t\n\f\r\"\\/\u007f"]""", "[\"\\u0000\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\u007f\"]", TestName = "Escapes_OnlyWhatRfc8785Requires")]
    [TestCase("""["\u00e9\u20ac\ud83d\ude02"]""", "[\"é€\U0001F602\"]", TestName = "Unescapes_NonAscii")]
    [TestCase("""["\u000B"]""", "[\"\\u000b\"]", TestName = "Escapes_Controls_WithLowercaseHex")]
    [TestCase("[-0, 0.0, -0.0, 1.0, 1e0, 10e-1]", "[0,0,0,1,1,1]", TestName = "Numbers_Zeros_And_IntegralForms")]
    [TestCase("[1e21, 1e20, 123456789012345678901, 9007199254740993]", "[1e+21,100000000000000000000,123456789012345680000,9007199254740992]", TestName = "Numbers_LargeIntegers")]
    [TestCase("[0.000001, 0.0000001, 1.5e-7, 4.50, 2e-3]", "[0.000001,1e-7,1.5e-7,4.5,0.002]", TestName = "Numbers_SmallValues")]
    [TestCase("[1E400]", null, TestName = "Numbers_OutOfRange_Rejected")]
    [TestCase("""{"a":1,"a":2}""", null, TestName = "DuplicateMembers_Rejected")]
    [TestCase("""["\ud800"]""", null, TestName = "LoneHighSurrogateEscape_Rejected")]
    [TestCase("""["\udc00x"]""", null, TestName = "LoneLowSurrogateEscape_Rejected")]
    [TestCase("""{"\ud800":1}""", null, TestName = "LoneSurrogateInName_Rejected")]
    [TestCase("[1,]", null, TestName = "TrailingComma_Rejected")]
    [TestCase("/* c */ 1", null, TestName = "Comments_Rejected")]
    [TestCase("", null, TestName = "Empty_Rejected")]
    [TestCase("true", "true", TestName = "Scalar_True")]
    [TestCase("\"x\"", "\"x\"", TestName = "Scalar_String")]
    [TestCase("null", "null", TestName = "Scalar_Null")]
    [TestCase("{}", "{}", TestName = "Empty_Object")]
    [TestCase("[]", "[]", TestName = "Empty_Array")]
    public void Canonicalize_Text(string input, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<FormatException>(() => Canon(input));
        }
        else
        {
            Assert.That(Canon(input), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Canonicalize_InvalidUtf8InString_Rejected()
    {
        byte[] json = [(byte)'"', 0xc3, 0x28, (byte)'"'];
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(json));
    }

    [Test]
    public void Canonicalize_NestingBeyondMaxDepth_Rejected()
    {
        var ok = new string('[', JsonCanonicalizer.MaxDepth) + new string(']', JsonCanonicalizer.MaxDepth);
        Assert.That(Canon(ok), Is.EqualTo(ok));
        var deep = new string('[', JsonCanonicalizer.MaxDepth + 1) + new string(']', JsonCanonicalizer.MaxDepth + 1);
        Assert.Throws<FormatException>(() => Canon(deep));

        JsonNode node = new JsonArray();
        for (var i = 0; i < JsonCanonicalizer.MaxDepth; i++)
        {
            node = new JsonArray(node);
        }

        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(node));
    }

    [Test]
    public void Canonicalize_ClrBackedValues()
    {
        var node = new JsonObject
        {
            ["int"] = 42,
            ["long"] = 9007199254740993L,
            ["double"] = 0.1 + 0.2,
            ["decimal"] = 4.50m,
            ["float"] = 0.5f,
            ["negZero"] = -0.0,
            ["uint"] = 7u,
            ["ulong"] = ulong.MaxValue,
            ["short"] = (short)-3,
            ["ushort"] = (ushort)3,
            ["byte"] = (byte)255,
            ["sbyte"] = (sbyte)-128,
            ["bool"] = false,
            ["char"] = 'é',
            ["string"] = "tab\there",
            ["null"] = null,
            ["guid"] = Guid.Empty,
            ["date"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["element"] = JsonValue.Create(JsonSerializer.Deserialize("1.50", SourceGenContext.Default.JsonElement)),
        };

        Assert.That(
            JsonCanonicalizer.CanonicalizeToString(node),
            Is.EqualTo("{\"bool\":false,\"byte\":255,\"char\":\"é\",\"date\":\"2024-01-02T03:04:05+00:00\",\"decimal\":4.5,\"double\":0.30000000000000004,"
                + "\"element\":1.5,\"float\":0.5,\"guid\":\"00000000-0000-0000-0000-000000000000\",\"int\":42,"
                + "\"long\":9007199254740992,\"negZero\":0,\"null\":null,\"sbyte\":-128,\"short\":-3,\"string\":\"tab\\there\",\"uint\":7,"
                + "\"ulong\":18446744073709552000,\"ushort\":3}"));
    }

    [Test]
    public void Canonicalize_ClrNaNOrInfinity_Rejected()
    {
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(JsonValue.Create(double.NaN))));
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(JsonValue.Create(double.PositiveInfinity))));
    }

    [Test]
    public void Canonicalize_ClrLoneSurrogate_Rejected()
    {
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create("a\ud800b")));
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(new JsonObject { ["\udc00"] = 1 }));
        Assert.That(JsonCanonicalizer.CanonicalizeToString(JsonValue.Create("\ud83d\ude00")), Is.EqualTo("\"\U0001F600\""));
    }

    [Test]
    public void Canonicalize_NullNode_IsNullLiteral() =>
        Assert.That(JsonCanonicalizer.Canonicalize((JsonNode?)null), Is.EqualTo("null"u8.ToArray()));

    [Test]
    public void Canonicalize_IntoBufferWriter_AppendsWithoutTrailingNewline()
    {
        var writer = new ArrayBufferWriter<byte>(1);
        writer.Write("prefix:"u8);
        JsonCanonicalizer.Canonicalize(JsonNode.Parse("""{"b":[1,2],"a":"x"}"""), writer);
        Assert.That(Encoding.UTF8.GetString(writer.WrittenSpan), Is.EqualTo("prefix:{\"a\":\"x\",\"b\":[1,2]}"));
        Assert.Throws<ArgumentNullException>(() => JsonCanonicalizer.Canonicalize(JsonNode.Parse("1"), null!));
    }

    [Test]
    public void Canonicalize_LargeDocument_SpansManyBufferBlocks()
    {
        var array = new JsonArray();
        for (var i = 0; i < 5000; i++)
        {
            array.Add(new JsonObject { ["v"] = new string('é', i % 50), ["i"] = i });
        }

        var text = JsonCanonicalizer.CanonicalizeToString(array);
        var viaText = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(array.ToJsonString())));
        Assert.That(text, Is.EqualTo(viaText));
        Assert.That(text, Does.StartWith("[{\"i\":0,\"v\":\"\"},{\"i\":1,\"v\":\"é\"}"));
    }

    [Test]
    public void Canonicalize_LongStringsWithEscapes()
    {
        var value = string.Concat(Enumerable.Repeat("ab\"c\\d\u0001é\U0001F600", 2000));
        var expected = "\"" + string.Concat(Enumerable.Repeat("ab\\\"c\\\\d\\u0001é\U0001F600", 2000)) + "\"";
        Assert.That(JsonCanonicalizer.CanonicalizeToString(JsonValue.Create(value)), Is.EqualTo(expected));
        Assert.That(Canon(JsonSerializer.Serialize(value, SourceGenContext.Default.String)), Is.EqualTo(expected));
    }

    [Test]
    public void Canonicalize_DoesNotChangeTheInput()
    {
        var node = JsonNode.Parse("""{"b":1,"a":{"d":2,"c":3}}""")!;
        var before = node.ToJsonString();
        JsonCanonicalizer.Canonicalize(node);
        Assert.That(node.ToJsonString(), Is.EqualTo(before));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonElement))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class SourceGenContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
