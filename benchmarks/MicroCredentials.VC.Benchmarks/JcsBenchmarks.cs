using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>RFC 8785 JCS of the shared 5.6 KB micro-credential, and the eddsa-jcs-2022 sign pipeline around it.</summary>
[MemoryDiagnoser]
public class JcsBenchmarks
{
    private byte[] utf8 = [];
    private JsonNode? parsed;
    private JsonNode? clr;
    private JsonObject proofConfig = new();
    private Ed25519SigningKey key = null!;
    private readonly ArrayBufferWriter<byte> output = new(16384);

    [GlobalSetup]
    public void Setup()
    {
        utf8 = File.ReadAllBytes(BenchData.Path("microcredential-v2.unsigned.json"));
        parsed = JsonNode.Parse(utf8);
        _ = JsonCanonicalizer.Canonicalize(parsed); // materialize the lazily built node tree once
        clr = ToClr(JsonNode.Parse(utf8));
        key = Ed25519SigningKey.FromSeed(new byte[32]);
        proofConfig = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-jcs-2022",
            ["created"] = "2024-01-01T00:00:00Z",
            ["verificationMethod"] = DidKey.CreateVerificationMethodId(key.PublicKey),
            ["proofPurpose"] = "assertionMethod",
            ["@context"] = parsed!["@context"]!.DeepClone(),
        };
    }

    [GlobalCleanup]
    public void Cleanup() => key.Dispose();

    [Benchmark(Baseline = true)]
    public int FromUtf8Text()
    {
        output.ResetWrittenCount();
        JsonCanonicalizer.Canonicalize(utf8, output);
        return output.WrittenCount;
    }

    [Benchmark]
    public int FromParsedJsonNode()
    {
        output.ResetWrittenCount();
        JsonCanonicalizer.Canonicalize(parsed, output);
        return output.WrittenCount;
    }

    [Benchmark]
    public int FromClrJsonNode()
    {
        output.ResetWrittenCount();
        JsonCanonicalizer.Canonicalize(clr, output);
        return output.WrittenCount;
    }

    /// <summary>Reference point: System.Text.Json writing the same node (not canonical: no sorting, its own escaping).</summary>
    [Benchmark]
    public int SystemTextJsonWriteTo()
    {
        output.ResetWrittenCount();
        using var writer = new System.Text.Json.Utf8JsonWriter(output);
        parsed!.WriteTo(writer);
        writer.Flush();
        return output.WrittenCount;
    }

    [Benchmark]
    public byte[] ToByteArray() => JsonCanonicalizer.Canonicalize(parsed);

    /// <summary>
    /// eddsa-jcs-2022 proof creation (VC DI EdDSA §3.3.1–3.3.5) without the JSON plumbing: JCS of the proof
    /// configuration and of the document, SHA-256 of each, Ed25519 over proofHash ‖ docHash.
    /// </summary>
    [Benchmark]
    public byte[] EddsaJcs2022Sign()
    {
        Span<byte> combined = stackalloc byte[64];
        output.ResetWrittenCount();
        JsonCanonicalizer.Canonicalize(proofConfig, output);
        SHA256.HashData(output.WrittenSpan, combined[..32]);
        output.ResetWrittenCount();
        JsonCanonicalizer.Canonicalize(parsed, output);
        SHA256.HashData(output.WrittenSpan, combined[32..]);
        return key.Sign(combined);
    }

    /// <summary>The raw Ed25519 signature of the 64-byte combined hash alone, for the ratio to <see cref="EddsaJcs2022Sign"/>.</summary>
    [Benchmark]
    public byte[] RawEd25519Sign()
    {
        Span<byte> combined = stackalloc byte[64];
        return key.Sign(combined);
    }

    private static JsonNode? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, ToClr(p.Value)))),
        JsonArray a => new JsonArray(a.Select(ToClr).ToArray()),
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
            System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
            System.Text.Json.JsonValueKind.True => JsonValue.Create(true),
            System.Text.Json.JsonValueKind.False => JsonValue.Create(false),
            _ => null,
        },
        _ => null,
    };
}
