using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Proofs;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>Sign and verify one Data Integrity proof on the bench documents (single thread).</summary>
[MemoryDiagnoser]
public class DataIntegrityBenchmarks
{
    private Ed25519SigningKey _key = null!;
    private JsonObject _unsigned = null!;
    private JsonObject _signed = null!;
    private ICryptosuite _suite = null!;
    private ProofOptions _options = null!;

    [Params("eddsa-jcs-2022", "eddsa-rdfc-2022")]
    public string Suite { get; set; } = "eddsa-jcs-2022";

    [Params(BenchDocuments.MicroCredentialV2, BenchDocuments.EdcAnnex1)]
    public string Document { get; set; } = BenchDocuments.MicroCredentialV2;

    [GlobalSetup]
    public void Setup()
    {
        _key = Ed25519SigningKey.FromSeed(new byte[32]);
        _suite = Suite == "eddsa-jcs-2022" ? Cryptosuites.EdDsaJcs2022 : Cryptosuites.EdDsaRdfc2022;
        _unsigned = BenchDocuments.Load(Document);
        if (Document == BenchDocuments.EdcAnnex1)
        {
            ((JsonArray)_unsigned["@context"]!).Add("https://w3id.org/security/data-integrity/v2");
        }

        _options = new ProofOptions { VerificationMethod = DidKey.CreateVerificationMethodId(_key.PublicKey), Created = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero) };
        _signed = _suite.Name is not null ? DataIntegrity.AddProofAsync(_unsigned, _suite, new Ed25519Signer(_key, _options.VerificationMethod!), _options).AsTask().GetAwaiter().GetResult() : null!;
        var check = DataIntegrity.VerifyAsync(_signed, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default).AsTask().GetAwaiter().GetResult();
        if (!check[0].Verified)
        {
            throw new InvalidOperationException("setup: the signed document does not verify: " + check[0].Message);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public JsonObject Sign() => DataIntegrity.AddProofAsync(_unsigned, _suite, new Ed25519Signer(_key, _options.VerificationMethod!), _options).AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public bool Verify() => DataIntegrity.VerifyAsync(_signed, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default).AsTask().GetAwaiter().GetResult()[0].Verified;
}
