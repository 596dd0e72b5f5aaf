using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using MicroCredentials.VC.Canonicalization;

namespace MicroCredentials.VC.Tests.Canonicalization;

/// <summary>Property tests (FsCheck) over generated JSON documents and doubles.</summary>
public class JcsPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true);

    [Test]
    public void Canonicalizing_IsIdempotent() =>
        Check.One(Config, Prop.ForAll(Documents(), doc =>
        {
            var once = JsonCanonicalizer.Canonicalize(doc);
            return JsonCanonicalizer.Canonicalize(once).AsSpan().SequenceEqual(once)
                && JsonCanonicalizer.Canonicalize(JsonNode.Parse(once)).AsSpan().SequenceEqual(once);
        }));

    [Test]
    public void ReparsingTheOutput_GivesAnEqualDocument() =>
        Check.One(Config, Prop.ForAll(Documents(), doc =>
            SemanticEquals(doc, JsonNode.Parse(JsonCanonicalizer.Canonicalize(doc)))));

    [Test]
    public void Output_DoesNotDependOnMemberOrder() =>
        Check.One(Config, Prop.ForAll(Documents(), doc =>
            JsonCanonicalizer.Canonicalize(Reverse(doc)).AsSpan().SequenceEqual(JsonCanonicalizer.Canonicalize(doc))));

    [Test]
    public void TextAndNodeAndClrPaths_Agree() =>
        Check.One(Config, Prop.ForAll(Documents(), doc =>
        {
            var expected = JsonCanonicalizer.Canonicalize(doc);
            var text = Encoding.UTF8.GetBytes(doc?.ToJsonString() ?? "null");
            return JsonCanonicalizer.Canonicalize(text).AsSpan().SequenceEqual(expected)
                && JsonCanonicalizer.Canonicalize(JsonNode.Parse(text)).AsSpan().SequenceEqual(expected)
                && JsonCanonicalizer.Canonicalize(JcsVectorTests.ToClrNode(JsonNode.Parse(text))).AsSpan().SequenceEqual(expected);
        }));

    [Test]
    public void Output_HasSortedMembersAndNoInsignificantWhitespace() =>
        Check.One(Config, Prop.ForAll(Documents(), doc =>
        {
            var output = JsonCanonicalizer.Canonicalize(doc);
            var reader = new Utf8JsonReader(output);
            var lastNames = new Stack<string?>();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: lastNames.Push(null); break;
                    case JsonTokenType.EndObject: lastNames.Pop(); break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (lastNames.Peek() is { } previous && string.CompareOrdinal(previous, name) >= 0)
                        {
                            return false;
                        }

                        lastNames.Pop();
                        lastNames.Push(name);
                        break;
                }
            }

            return !Encoding.UTF8.GetString(output).Contains("\n", StringComparison.Ordinal);
        }));

    [Test]
    public void Utf8NameOrder_EqualsUtf16CodeUnitOrder() =>
        Check.One(Config.WithMaxTest(5000), Prop.ForAll(Strings().Two().ToArbitrary(), pair =>
            Math.Sign(JsonCanonicalizer.CompareUtf8AsUtf16(Encoding.UTF8.GetBytes(pair.Item1), Encoding.UTF8.GetBytes(pair.Item2)))
                == Math.Sign(string.CompareOrdinal(pair.Item1, pair.Item2))));

    [Test]
    public void Doubles_RoundTripThroughEs6Format() =>
        Check.One(Config.WithMaxTest(5000), Prop.ForAll(FiniteDoubles(), value =>
        {
            var text = Es6Number.Format(value);
            var parsed = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return parsed == value && (value != 0 || text == "0");
        }));

    [Test]
    public void Doubles_FormatIsShortest_ComparedWithDotNetRoundTrip() =>
        Check.One(Config.WithMaxTest(5000), Prop.ForAll(FiniteDoubles(), value =>
        {
            static string Digits(string s)
            {
                var mantissa = s.Split('e', 'E')[0].TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).Trim('0');
                return mantissa.Length == 0 ? "0" : mantissa;
            }

            return Digits(Es6Number.Format(value)) == Digits(value.ToString("R", CultureInfo.InvariantCulture));
        }));

    private static Arbitrary<double> FiniteDoubles() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<long>().Select(BitConverter.Int64BitsToDouble),
            ArbMap.Default.GeneratorFor<double>(),
            ArbMap.Default.GeneratorFor<int>().Select(i => (double)i))
        .Where(double.IsFinite)
        .ToArbitrary();

    private static Arbitrary<JsonNode?> Documents() => Gen.Sized(size => Node(Math.Min(size, 12))).ToArbitrary();

    private static Gen<JsonNode?> Node(int size)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
            FiniteDoubles().Generator.Select(d => (JsonNode?)JsonValue.Create(d)),
            ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
            Strings().Select(s => (JsonNode?)JsonValue.Create(s)));
        if (size <= 0)
        {
            return leaf;
        }

        var child = Gen.Sized(s => Node(s)).Resize(size / 2);
        var array = Gen.ListOf(child).Select(items => (JsonNode?)new JsonArray(items.Take(8).ToArray()));
        var obj = Gen.ListOf(Gen.Zip(Strings(), child)).Select(members =>
        {
            var o = new JsonObject();
            foreach (var (name, value) in members.Take(8))
            {
                o[name] = value;
            }

            return (JsonNode?)o;
        });
        return Gen.Frequency((3, leaf), (1, array), (1, obj));
    }

    /// <summary>Well-formed UTF-16 strings: ASCII (controls included), BMP characters and astral pairs.</summary>
    private static Gen<string> Strings()
    {
        var ascii = Gen.Choose(0, 127).Select(c => ((char)c).ToString());
        var bmp = Gen.Choose(0x80, 0xffff).Where(c => c is < 0xd800 or > 0xdfff).Select(c => ((char)c).ToString());
        var astral = Gen.Choose(0x10000, 0x10ffff).Select(char.ConvertFromUtf32);
        var piece = Gen.Frequency((6, ascii), (2, bmp), (1, astral));
        return Gen.ListOf(piece).Select(pieces => string.Concat(pieces.Take(12)));
    }

    private static double ParseDouble(JsonValue value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static JsonNode? Reverse(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Reverse).ToArray()),
        _ => node?.DeepClone(),
    };

    private static bool SemanticEquals(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && SemanticEquals(p.Value, v)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SemanticEquals(p.First, p.Second)),
        (JsonValue x, JsonValue y) => x.GetValueKind() == y.GetValueKind() && x.GetValueKind() switch
        {
            JsonValueKind.Number => ParseDouble(x) == ParseDouble(y),
            JsonValueKind.String => x.GetValue<string>() == y.GetValue<string>(),
            _ => true,
        },
        _ => false,
    };
}
