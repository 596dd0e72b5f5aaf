using System.Text;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Tests.TestSupport;
using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032;

namespace MicroCredentials.VC.Tests.Crypto;

/// <summary>Contract tests run over both Ed25519 backends (NSec and BouncyCastle), and cross-backend checks.</summary>
public class Ed25519BackendTests
{
    // vc-di-eddsa TestVectors/keyPair.json
    private const string VcDiEddsaSecret = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    private const string VcDiEddsaPublic = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    private static readonly string[] Messages =
    [
        "",
        "a",
        "Ed25519 over a micro-credential",
        new string('x', 4500),
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"]}",
    ];

    public static IEnumerable<TestCaseData> Backends()
    {
        yield return new TestCaseData("nsec").SetArgDisplayNames("nsec");
        yield return new TestCaseData("bouncycastle").SetArgDisplayNames("bouncycastle");
    }

    public static IEnumerable<TestCaseData> VectorsOnBackends()
    {
        foreach (var backend in Backends())
        {
            foreach (var v in Rfc8032Vectors.All)
            {
                yield return new TestCaseData(backend.Arguments[0], v).SetArgDisplayNames((string)backend.Arguments[0]!, v.Name.Replace(' ', '_'));
            }
        }
    }

    [Test]
    public void NSec_IsAvailable_WithoutAnySystemPackage()
    {
        // The NSec.Cryptography package brings libsodium's native builds for Linux, macOS and Windows: on every
        // platform the tests run on, the native backend must load (a silent fall-back would hide a packaging bug).
        Assert.That(Ed25519.IsNSecAvailable, Is.True);
        Assert.That(Ed25519.NSec!.Name, Is.EqualTo("nsec"));
    }

    [Test]
    public void BackendName_ReportsTheSelectedBackend()
    {
        var forced = Environment.GetEnvironmentVariable(Ed25519.BackendEnvironmentVariable);
        var expected = string.Equals(forced, "bouncycastle", StringComparison.OrdinalIgnoreCase) || string.Equals(forced, "managed", StringComparison.OrdinalIgnoreCase) || !Ed25519.IsNSecAvailable
            ? "bouncycastle"
            : "nsec";
        Assert.That(Ed25519.BackendName, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(VectorsOnBackends))]
    public void Rfc8032_Section7_1_Vector_SignsAndVerifies(string backendName, Rfc8032Vectors.Vector vector)
    {
        var backend = Backend(backendName);
        var seed = Convert.FromHexString(vector.SecretKey);
        var message = Convert.FromHexString(vector.Message);
        using var key = Ed25519SigningKey.FromSeedWith(seed, KeyExportPolicy.None, backend);

        Assert.That(Convert.ToHexStringLower(key.PublicKey.Bytes), Is.EqualTo(vector.PublicKey));
        var signature = key.Sign(message);
        Assert.That(Convert.ToHexStringLower(signature), Is.EqualTo(vector.Signature));
        Assert.That(key.PublicKey.VerifyWith(message, signature, backend), Is.True);
    }

    [TestCaseSource(nameof(VectorsOnBackends))]
    public void Rfc8032_Section7_1_Vector_TamperedMessageOrSignatureFails(string backendName, Rfc8032Vectors.Vector vector)
    {
        var backend = Backend(backendName);
        var publicKey = Ed25519PublicKey.FromBytes(Convert.FromHexString(vector.PublicKey));
        var message = Convert.FromHexString(vector.Message);
        var signature = Convert.FromHexString(vector.Signature);

        var longerMessage = message.Append((byte)0).ToArray();
        Assert.That(publicKey.VerifyWith(longerMessage, signature, backend), Is.False, "message with an extra byte");
        if (message.Length > 0)
        {
            var flipped = (byte[])message.Clone();
            flipped[^1] ^= 0x01;
            Assert.That(publicKey.VerifyWith(flipped, signature, backend), Is.False, "message with a flipped bit");
        }

        foreach (var index in new[] { 0, 31, 32, 63 })
        {
            var bad = (byte[])signature.Clone();
            bad[index] ^= 0x04;
            Assert.That(publicKey.VerifyWith(message, bad, backend), Is.False, "signature byte " + index);
        }

        Assert.That(publicKey.VerifyWith(message, signature.AsSpan(0, 63), backend), Is.False, "63-byte signature");
        Assert.That(publicKey.VerifyWith(message, [.. signature, 0], backend), Is.False, "65-byte signature");
        Assert.That(publicKey.VerifyWith(message, [], backend), Is.False, "empty signature");
    }

    [Test]
    public void Backends_GiveIdenticalKeysAndSignatures_OnTheVcDiEddsaKey()
    {
        var sodium = RequireNSec();
        using var a = Ed25519SigningKey.TryImportSecretMultibaseCore(VcDiEddsaSecret, KeyExportPolicy.None, sodium, out var k1, out _) ? k1 : null;
        using var b = Ed25519SigningKey.TryImportSecretMultibaseCore(VcDiEddsaSecret, KeyExportPolicy.None, Ed25519.BouncyCastle, out var k2, out _) ? k2 : null;
        Assert.That(a, Is.Not.Null);
        Assert.That(b, Is.Not.Null);
        Assert.That(a!.PublicKey.ToMultibase(), Is.EqualTo(VcDiEddsaPublic));
        Assert.That(b!.PublicKey, Is.EqualTo(a.PublicKey));

        foreach (var text in Messages)
        {
            var message = Encoding.UTF8.GetBytes(text);
            var sa = a.Sign(message);
            var sb = b.Sign(message);
            Assert.That(sb, Is.EqualTo(sa), "signature of a " + message.Length + "-byte message");
            Assert.That(a.PublicKey.VerifyWith(message, sb, sodium), Is.True, "NSec verifies BouncyCastle's signature");
            Assert.That(b.PublicKey.VerifyWith(message, sa, Ed25519.BouncyCastle), Is.True, "BouncyCastle verifies NSec's signature");
        }
    }

    [TestCaseSource(nameof(Backends))]
    public void Sign_ReproducesTheEddsaJcs2022VectorSignature(string backendName)
    {
        var backend = Backend(backendName);
        var combined = Convert.FromHexString(File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "eddsa-jcs-2022", "combinedHashJCS.txt")).Trim());
        var expected = File.ReadAllText(Shared.Vectors("vc-di-eddsa", "TestVectors", "eddsa-jcs-2022", "sigHexJCS.txt")).Trim();
        Assert.That(Ed25519SigningKey.TryImportSecretMultibaseCore(VcDiEddsaSecret, KeyExportPolicy.None, backend, out var key, out _), Is.True);
        using (key)
        {
            Assert.That(Convert.ToHexStringLower(key!.Sign(combined)), Is.EqualTo(expected.ToLowerInvariant()));
        }
    }

    [TestCaseSource(nameof(Backends))]
    public void Verify_RejectsNonCanonicalS(string backendName)
    {
        var backend = Backend(backendName);
        var v = Rfc8032Vectors.All[1];
        var publicKey = Ed25519PublicKey.FromBytes(Convert.FromHexString(v.PublicKey));
        var message = Convert.FromHexString(v.Message);
        var signature = Convert.FromHexString(v.Signature);
        var malleable = WithSPlusL(signature);

        Assert.That(publicKey.VerifyWith(message, signature, backend), Is.True);
        Assert.That(publicKey.VerifyWith(message, malleable, backend), Is.False, "S + L is the same scalar mod L but not canonical");
    }

    [TestCaseSource(nameof(Backends))]
    public void Verify_RejectsTheNeutralElementAsPublicKeyAndR(string backendName)
    {
        var backend = Backend(backendName);
        // With A = R = neutral element and S = 0, [S]B = R + [k]A holds for every message: a lax verifier accepts.
        var identity = new byte[32];
        identity[0] = 1;
        var publicKey = Ed25519PublicKey.FromBytes(identity);
        var signature = new byte[64];
        identity.CopyTo(signature, 0);

        Assert.That(publicKey.VerifyWith("anything"u8, signature, backend), Is.False);
    }

    [TestCaseSource(nameof(SmallOrderEncodings))]
    public void Verify_SmallOrderEncodings_AreRejectedByBothBackendsAlike(byte[] encoding)
    {
        var sodium = RequireNSec();
        using var key = Ed25519SigningKey.FromSeedWith(new byte[32], KeyExportPolicy.None, sodium);
        var message = "small order"u8.ToArray();
        var good = key.Sign(message);

        // As public key, with the signature of another key.
        var smallKey = Ed25519PublicKey.FromBytes(encoding);
        Assert.That(smallKey.VerifyWith(message, good, sodium), Is.False, "nsec, small-order public key");
        Assert.That(smallKey.VerifyWith(message, good, Ed25519.BouncyCastle), Is.False, "bouncycastle, small-order public key");

        // As R with S = 0 under the neutral-element key, the forgery a lax verifier accepts.
        var forged = new byte[64];
        encoding.CopyTo(forged, 0);
        Assert.That(smallKey.VerifyWith(message, forged, sodium), Is.False, "nsec, small-order R");
        Assert.That(smallKey.VerifyWith(message, forged, Ed25519.BouncyCastle), Is.False, "bouncycastle, small-order R");

        Assert.That(BouncyCastleEd25519.HasSmallOrder(encoding), Is.True);
    }

    [Test]
    public void BouncyCastleItself_NonCanonicalSBehaviour_IsDocumented()
    {
        // BouncyCastle 2.7's own Verify already rejects S >= L; the backend's pre-check makes that explicit and
        // adds libsodium's small-order and canonical-encoding checks. This test pins BouncyCastle's behaviour so an
        // upgrade that changes it is noticed.
        var v = Rfc8032Vectors.All[1];
        var pk = Convert.FromHexString(v.PublicKey);
        var message = Convert.FromHexString(v.Message);
        var malleable = WithSPlusL(Convert.FromHexString(v.Signature));
        Assert.That(Rfc8032.Ed25519.Verify(malleable, 0, pk, 0, message, 0, message.Length), Is.False);
    }

    [Test]
    public void Backends_AgreeOnRandomlyCorruptedSignaturesAndKeys()
    {
        var sodium = RequireNSec();
        var random = new Random(8032);
        for (var i = 0; i < 300; i++)
        {
            var seed = new byte[32];
            random.NextBytes(seed);
            using var key = Ed25519SigningKey.FromSeedWith(seed, KeyExportPolicy.None, sodium);
            var message = new byte[random.Next(0, 200)];
            random.NextBytes(message);
            var signature = key.Sign(message);
            var pk = key.PublicKey.ToArray();

            switch (i % 4)
            {
                case 0: signature[random.Next(64)] ^= (byte)(1 << random.Next(8)); break;
                case 1: pk[random.Next(32)] ^= (byte)(1 << random.Next(8)); break;
                case 2: signature[63] |= 0xf0; break; // S far above L
                default: break; // intact
            }

            var publicKey = Ed25519PublicKey.FromBytes(pk);
            var a = publicKey.VerifyWith(message, signature, sodium);
            var b = publicKey.VerifyWith(message, signature, Ed25519.BouncyCastle);
            Assert.That(b, Is.EqualTo(a), "case " + i);
            Assert.That(a, Is.EqualTo(i % 4 == 3), "case " + i);
        }
    }

    [TestCaseSource(nameof(Backends))]
    public void Sign_IsDeterministic_AndVerifiesAcrossKeysObjects(string backendName)
    {
        var backend = Backend(backendName);
        using var key = Ed25519SigningKey.GenerateWith(KeyExportPolicy.None, backend);
        var message = Encoding.UTF8.GetBytes(Messages[2]);
        var first = key.Sign(message);
        var second = key.Sign(message);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(key.PublicKey.VerifyWith(message, first, backend), Is.True);
    }

    public static IEnumerable<TestCaseData> SmallOrderEncodings()
    {
        string[] names = ["y=0", "neutral", "order8-a", "order8-b", "y=p-1", "y=p", "y=p+1"];
        string[] hex =
        [
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        ];
        for (var i = 0; i < hex.Length; i++)
        {
            yield return new TestCaseData(Convert.FromHexString(hex[i])).SetArgDisplayNames(names[i]);
            var signBit = Convert.FromHexString(hex[i]);
            signBit[31] |= 0x80;
            yield return new TestCaseData(signBit).SetArgDisplayNames(names[i] + "-signbit");
        }
    }

    private static IEd25519Backend Backend(string name) => name == "nsec" ? RequireNSec() : Ed25519.BouncyCastle;

    private static IEd25519Backend RequireNSec() =>
        Ed25519.NSec ?? throw new AssertionException("NSec (libsodium from the NSec.Cryptography package) did not load on this machine.");

    private static byte[] WithSPlusL(byte[] signature)
    {
        byte[] l = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var result = (byte[])signature.Clone();
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = result[32 + i] + l[i] + carry;
            result[32 + i] = unchecked((byte)sum);
            carry = sum >> 8;
        }

        return result;
    }
}
