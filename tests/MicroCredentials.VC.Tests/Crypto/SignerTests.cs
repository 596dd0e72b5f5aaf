using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Proofs;

namespace MicroCredentials.VC.Tests.Crypto;

/// <summary>The <see cref="ISigner"/> implementations, the JWS algorithm table behind them, and signing Data Integrity proofs through a signer.</summary>
public class SignerTests
{
    private static readonly byte[] Message = "signing input of a micro-credential"u8.ToArray();

    public static IEnumerable<TestCaseData> Curves()
    {
        yield return new TestCaseData(ECCurve.NamedCurves.nistP256, "ES256", "P-256", 64).SetArgDisplayNames("P-256");
        yield return new TestCaseData(ECCurve.NamedCurves.nistP384, "ES384", "P-384", 96).SetArgDisplayNames("P-384");
        yield return new TestCaseData(ECCurve.NamedCurves.nistP521, "ES512", "P-521", 132).SetArgDisplayNames("P-521");
    }

    [TestCaseSource(nameof(Curves))]
    public async Task EcdsaSigner_SignsRAndS_ThatTheTableVerifiesWithItsJwk(ECCurve curve, string alg, string crv, int length)
    {
        using var ecdsa = ECDsa.Create(curve);
        var signer = new EcdsaSigner(ecdsa, "did:example:issuer#key-1");
        Assert.That(signer.Algorithm, Is.EqualTo(alg));
        Assert.That((string?)signer.PublicKeyJwk["crv"], Is.EqualTo(crv));
        Assert.That(signer.PublicKeyJwk.ContainsKey("d"), Is.False, "no private member in the public JWK");

        var signature = await signer.SignAsync(Message);
        Assert.That(signature, Has.Length.EqualTo(length), "IEEE P1363 R ‖ S, not DER");
        Assert.That(JwsPublicKey.TryFromJwk(signer.PublicKeyJwk, out var key, out var error), Is.True, error);
        using (key)
        {
            Assert.That(JwsAlgorithm.Get(alg).Verify(key!, Message, signature, out var problem), Is.True, problem);
            var tampered = (byte[])signature.Clone();
            tampered[^1] ^= 1;
            Assert.That(JwsAlgorithm.Get(alg).Verify(key!, Message, tampered, out _), Is.False);
            var der = ecdsa.SignData(Message, JwsAlgorithm.Get(alg).Hash, DSASignatureFormat.Rfc3279DerSequence);
            Assert.That(JwsAlgorithm.Get(alg).Verify(key!, Message, der, out _), Is.False, "a DER signature is not the JWS encoding");
        }
    }

    [TestCase("RS256")]
    [TestCase("PS256")]
    public async Task RsaSigner_SignsWithTheNamedPadding(string alg)
    {
        using var rsa = RSA.Create(2048);
        var signer = new RsaSigner(rsa, "did:example:issuer#rsa", alg);
        Assert.That(signer.Algorithm, Is.EqualTo(alg));
        var signature = await signer.SignAsync(Message);
        var padding = alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        Assert.That(rsa.VerifyData(Message, signature, HashAlgorithmName.SHA256, padding), Is.True);
        var other = alg == "PS256" ? "RS256" : "PS256";
        Assert.That(JwsPublicKey.TryFromJwk(signer.PublicKeyJwk, out var key, out _), Is.True);
        using (key)
        {
            Assert.That(JwsAlgorithm.Get(alg).Verify(key!, Message, signature, out _), Is.True);
            Assert.That(JwsAlgorithm.Get(other).Verify(key!, Message, signature, out _), Is.False, "the other padding");
        }
    }

    [Test]
    public void RsaSigner_RefusesSmallKeysAndNonRsaAlgorithms()
    {
        using var small = RSA.Create(1024);
        Assert.That(() => new RsaSigner(small, "k"), Throws.ArgumentException.With.Message.Contains("2048"));
        using var rsa = RSA.Create(2048);
        Assert.That(() => new RsaSigner(rsa, "k", "ES256"), Throws.ArgumentException);
        Assert.That(() => new RsaSigner(rsa, "k", "HS256"), Throws.ArgumentException);
    }

    [Test]
    public void JwsTable_ChecksKeyTypeCurveAndSize()
    {
        Assert.That(JwsAlgorithm.Get("ES256").KeyProblem(JwsKeyType.Ec, "P-384", 384), Is.Not.Null, "ES256 with a P-384 key");
        Assert.That(JwsAlgorithm.Get("ES256").KeyProblem(JwsKeyType.Ec, "P-256", 256), Is.Null);
        Assert.That(JwsAlgorithm.Get("EdDSA").KeyProblem(JwsKeyType.Ec, "P-256", 256), Is.Not.Null, "EdDSA with an EC key");
        Assert.That(JwsAlgorithm.Get("RS256").KeyProblem(JwsKeyType.Rsa, null, 1024), Is.Not.Null, "RS256 with 1024 bits");
        Assert.That(JwsAlgorithm.Get("PS256").KeyProblem(JwsKeyType.Okp, "Ed25519", 256), Is.Not.Null, "PS256 with Ed25519");
        Assert.That(JwsAlgorithm.TryGet("none", out _), Is.False);
        Assert.That(JwsAlgorithm.TryGet("HS256", out _), Is.False);
    }

    [Test]
    public async Task Ed25519Signer_SignsLikeTheKey_AndTheTableVerifies()
    {
        using var key = Ed25519SigningKey.FromSeed(new byte[32]);
        var signer = new Ed25519Signer(key, DidKey.CreateVerificationMethodId(key.PublicKey));
        Assert.That(signer.Algorithm, Is.EqualTo("EdDSA"));
        var signature = await signer.SignAsync(Message);
        Assert.That(signature, Is.EqualTo(key.Sign(Message)));
        using var pub = JwsPublicKey.FromEd25519(key.PublicKey);
        Assert.That(JwsAlgorithm.Get("EdDSA").Verify(pub, Message, signature, out _), Is.True);
        Assert.That(JwsAlgorithm.Get("EdDSA").Verify(pub, [.. Message, 0], signature, out _), Is.False);
    }

    [Test]
    public void AddProof_WithASignerOfTheWrongAlgorithm_ThrowsArgumentException()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new EcdsaSigner(ecdsa, "did:example:issuer#p256");
        var document = Verification.CredentialVerifierTests.Vc2("did:example:issuer");
        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await DataIntegrity.AddProofAsync(document, Cryptosuites.EdDsaRdfc2022, signer, new ProofOptions()));
        Assert.That(ex!.Message, Does.Contain("EdDSA").And.Contain("ES256"));
        Assert.That(() => new Issuance.CredentialIssuer(signer), Throws.ArgumentException);
    }

    [TestCase("eddsa-rdfc-2022")]
    [TestCase("eddsa-jcs-2022")]
    public async Task AddProof_ThroughARemoteSigner_VerifiesWithTheDidKey(string suiteName)
    {
        // A signer whose key sits behind an asynchronous boundary (as in a KMS): only the public JWK and signatures cross it.
        using var key = Ed25519SigningKey.Generate();
        var remote = new RemoteSigner(key, DidKey.CreateVerificationMethodId(key.PublicKey));
        CryptosuiteRegistry.Default.TryGet(suiteName, out var suite);
        var document = Verification.CredentialVerifierTests.Vc2(DidKey.Create(key.PublicKey));

        var signed = await DataIntegrity.AddProofAsync(document, suite!, remote, new ProofOptions());

        Assert.That(remote.Calls, Is.EqualTo(1));
        Assert.That((string?)signed["proof"]!["verificationMethod"], Is.EqualTo(remote.KeyId), "the signer's key id is the default verification method");
        var checks = await DataIntegrity.VerifyAsync(signed, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(checks.Single().Verified, Is.True, checks.Single().Message);
    }

    [Test]
    public void Cryptosuites_DeclareTheirSignatureAlgorithmAndVerificationMethodType()
    {
        Assert.That(Cryptosuites.EdDsaRdfc2022.SignatureAlgorithm, Is.EqualTo("EdDSA"));
        Assert.That(Cryptosuites.EdDsaJcs2022.SignatureAlgorithm, Is.EqualTo("EdDSA"));
        Assert.That(Cryptosuites.Ed25519Signature2020.SignatureAlgorithm, Is.EqualTo("EdDSA"));
        Assert.That(Cryptosuites.EdDsaRdfc2022.VerificationMethodType, Is.EqualTo("Multikey"));
        Assert.That(Cryptosuites.Ed25519Signature2020.VerificationMethodType, Is.EqualTo("Ed25519VerificationKey2020"));
    }

    private sealed class RemoteSigner(Ed25519SigningKey key, string keyId) : ISigner
    {
        public int Calls { get; private set; }

        public string Algorithm => "EdDSA";

        public string KeyId => keyId;

        public JsonObject PublicKeyJwk => key.PublicKey.ToJwk();

        public async ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            Calls++;
            return key.Sign(data.Span);
        }
    }
}
