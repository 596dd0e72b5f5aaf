using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Canonicalization;

/// <summary>RFC 8785 conformance: the cyberphone reference test data, the ES6 number file and vc-di-eddsa's JCS vectors.</summary>
public class JcsVectorTests
{
    private static readonly string[] CyberphoneCases = ["arrays", "french", "structures", "unicode", "values", "weird"];

    public static IEnumerable<TestCaseData> Cyberphone() =>
        CyberphoneCases.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(Cyberphone))]
    public void Cyberphone_FromUtf8Text_MatchesOutputByteForByte(string name)
    {
        var input = File.ReadAllBytes(Data("input", name + ".json"));
        var expected = File.ReadAllBytes(Data("output", name + ".json"));
        Assert.That(JsonCanonicalizer.Canonicalize(input), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Cyberphone))]
    public void Cyberphone_FromJsonNode_MatchesOutHex(string name)
    {
        var node = JsonNode.Parse(File.ReadAllBytes(Data("input", name + ".json")));
        var hex = File.ReadAllText(Data("outhex", name + ".txt"));
        var expected = Convert.FromHexString(string.Concat(hex.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.That(JsonCanonicalizer.Canonicalize(node), Is.EqualTo(expected));
        Assert.That(JsonCanonicalizer.CanonicalizeToString(node), Is.EqualTo(Encoding.UTF8.GetString(expected)));
    }

    [TestCaseSource(nameof(Cyberphone))]
    public void Cyberphone_FromMaterializedClrNode_MatchesOutput(string name)
    {
        // Rebuild the document from CLR values (no JsonElement behind any value).
        var node = ToClrNode(JsonNode.Parse(File.ReadAllBytes(Data("input", name + ".json"))));
        var expected = File.ReadAllBytes(Data("output", name + ".json"));
        Assert.That(JsonCanonicalizer.Canonicalize(node), Is.EqualTo(expected));
    }

    [Test]
    public void Es6Numbers_First100kLines_AllMatch()
    {
        var path = Shared.Vectors("json-canonicalization", "es6-numbers", "es6testfile-first100k.txt");
        var lines = 0;
        var failures = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            lines++;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var bits = ulong.Parse(line.AsSpan(0, comma), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var value = BitConverter.UInt64BitsToDouble(bits);
            var expected = line[(comma + 1)..];
            var actual = Es6Number.Format(value);
            if (actual != expected && failures.Count < 20)
            {
                failures.Add(line + " -> " + actual);
            }
        }

        Assert.That(lines, Is.EqualTo(100_000));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void VcDiEddsa_ProofConfig_CanonicalizesToProofCanonJcs()
    {
        var input = File.ReadAllBytes(Jcs("proofConfigJCS.json"));
        var expected = File.ReadAllBytes(Jcs("proofCanonJCS.txt"));
        Assert.That(JsonCanonicalizer.Canonicalize(input), Is.EqualTo(expected));
        Assert.That(JsonCanonicalizer.Canonicalize(JsonNode.Parse(input)), Is.EqualTo(expected));
    }

    [Test]
    public void VcDiEddsa_UnsignedDocument_CanonicalizesToCanonDocJcs()
    {
        var input = File.ReadAllBytes(Shared.Vectors("vc-di-eddsa", "TestVectors", "unsigned.json"));
        var expected = File.ReadAllBytes(Jcs("canonDocJCS.txt"));
        Assert.That(JsonCanonicalizer.Canonicalize(input), Is.EqualTo(expected));
        Assert.That(JsonCanonicalizer.Canonicalize(JsonNode.Parse(input)), Is.EqualTo(expected));
    }

    [Test]
    public void VcDiEddsa_SignedDocumentWithoutProof_CanonicalizesToCanonDocJcs()
    {
        var signed = JsonNode.Parse(File.ReadAllBytes(Jcs("signedJCS.json")))!.AsObject();
        signed.Remove("proof");
        Assert.That(JsonCanonicalizer.Canonicalize(signed), Is.EqualTo(File.ReadAllBytes(Jcs("canonDocJCS.txt"))));
    }

    [Test]
    public void VcDiEddsa_HashesOfCanonicalForms_MatchTheVector()
    {
        var proofHash = System.Security.Cryptography.SHA256.HashData(JsonCanonicalizer.Canonicalize(File.ReadAllBytes(Jcs("proofConfigJCS.json"))));
        var docHash = System.Security.Cryptography.SHA256.HashData(JsonCanonicalizer.Canonicalize(File.ReadAllBytes(Shared.Vectors("vc-di-eddsa", "TestVectors", "unsigned.json"))));
        Assert.That(Convert.ToHexStringLower(proofHash), Is.EqualTo(File.ReadAllText(Jcs("proofHashJCS.txt")).Trim()));
        Assert.That(Convert.ToHexStringLower(docHash), Is.EqualTo(File.ReadAllText(Jcs("docHashJCS.txt")).Trim()));
    }

    internal static JsonNode? ToClrNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, ToClrNode(p.Value)))),
        JsonArray a => new JsonArray(a.Select(ToClrNode).ToArray()),
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
            System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
            System.Text.Json.JsonValueKind.True => JsonValue.Create(true),
            System.Text.Json.JsonValueKind.False => JsonValue.Create(false),
            _ => null,
        },
        _ => throw new InvalidOperationException(),
    };

    private static string Data(string folder, string file) => Shared.Vectors("json-canonicalization", "testdata", folder, file);

    private static string Jcs(string file) => Shared.Vectors("vc-di-eddsa", "TestVectors", "eddsa-jcs-2022", file);
}
