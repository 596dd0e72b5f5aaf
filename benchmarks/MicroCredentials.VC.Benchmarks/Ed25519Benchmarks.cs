using BenchmarkDotNet.Attributes;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Benchmarks;

/// <summary>Raw Ed25519 sign and verify of a 64-byte message (the size eddsa-*-2022 signs) on both backends.</summary>
[MemoryDiagnoser]
public class Ed25519Benchmarks
{
    private readonly byte[] message = new byte[64];
    private readonly byte[] signature = new byte[64];
    private Ed25519SigningKey key = null!;
    private IEd25519Backend backend = null!;

    [Params("nsec", "bouncycastle")]
    public string Backend { get; set; } = "nsec";

    [GlobalSetup]
    public void Setup()
    {
        backend = Backend == "nsec"
            ? Ed25519.NSec ?? throw new InvalidOperationException("NSec is not available")
            : Ed25519.BouncyCastle;
        new Random(1).NextBytes(message);
        key = Ed25519SigningKey.FromSeedWith(new byte[32], KeyExportPolicy.None, backend);
        key.Sign(message, signature);
    }

    [GlobalCleanup]
    public void Cleanup() => key.Dispose();

    [Benchmark]
    public byte[] Sign() => key.Sign(message);

    [Benchmark]
    public bool Verify() => key.PublicKey.VerifyWith(message, signature, backend);
}
