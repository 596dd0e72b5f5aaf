using System.Text;
using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>
/// The whole verifier (every check, from UTF-8 bytes) on a signed eddsa-rdfc-2022 credential whose subject holds a
/// long array of strings: issue 11's 40,000-string credential must be verified (or refused) in under a second.
/// </summary>
[MemoryDiagnoser]
public class VerifyScalingBenchmarks
{
    private byte[] signed = null!;
    private byte[] tampered = null!;
    private CredentialVerifier verifier = null!;

    [Params(1_000, 40_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var key = Ed25519SigningKey.FromSeed(new byte[32]);
        var document = JsonLdScalingBenchmarks.Build(Count, JsonLdScalingBenchmarks.Shape.Strings);
        document["@context"]!.AsArray().Add("https://w3id.org/security/data-integrity/v2");
        document["issuer"] = Dids.DidKey.Create(key.PublicKey);
        document["validFrom"] = "2026-06-30T10:00:00Z";
        var credential = CredentialIssuer.ForDidKey(key).SignAsync(document).AsTask().GetAwaiter().GetResult();
        signed = Encoding.UTF8.GetBytes(credential.ToJsonString());
        credential["credentialSubject"]!["https://example.org/value"]![Count / 2] = "tampered";
        tampered = Encoding.UTF8.GetBytes(credential.ToJsonString());
        verifier = new CredentialVerifier();
        if (!Verify() || VerifyTampered())
        {
            throw new InvalidOperationException("setup: the signed credential must verify and the tampered one must not");
        }
    }

    /// <summary>The signed credential, every check.</summary>
    [Benchmark]
    public bool Verify() => verifier.VerifyAsync(signed).AsTask().GetAwaiter().GetResult().Verified;

    /// <summary>The same with one string changed after signing (the signature check fails, every check still runs).</summary>
    [Benchmark]
    public bool VerifyTampered() => verifier.VerifyAsync(tampered).AsTask().GetAwaiter().GetResult().Verified;
}
