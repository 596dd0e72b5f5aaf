using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.VC.Tests.Jades;
using MicroCredentials.VC.Trust;

namespace MicroCredentials.VC.Tests.Trust;

/// <summary>The one X.509 chain builder (seal certificates, TSAs, trust-registry certificates), on throw-away CAs.</summary>
public class CertificateChainsTests
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private static X509Certificate2 CreateIntermediate(X509Certificate2 root, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}, O=Test PKI, C=BE"), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.Create(root, Now.AddHours(-2), Now.AddYears(5), RandomNumberGenerator.GetBytes(8).Select((b, i) => i == 0 ? (byte)(b & 0x7F) : b).ToArray());
        return cert.CopyWithPrivateKey(rsa);
    }

    [Test]
    public void Build_SealIssuedByAnAnchor_ReachesIt()
    {
        using var root = TestPki.CreateRoot("Chains Root");
        using var seal = TestPki.CreateSeal(root);
        var result = CertificateChains.Build(seal, [], [root], Now);
        Assert.That(result.Trusted, Is.True, string.Join(", ", result.Problems));
        Assert.That(result.Anchor!.RawData, Is.EqualTo(root.RawData));
        Assert.That(result.Problems, Is.Empty);
    }

    [Test]
    public void Build_OtherRoot_IsNotTrusted_AndSaysWhy()
    {
        using var root = TestPki.CreateRoot("Chains Root");
        using var other = TestPki.CreateRoot("Other Root");
        using var seal = TestPki.CreateSeal(root);
        var result = CertificateChains.Build(seal, [], [other], Now);
        Assert.That(result.Trusted, Is.False);
        Assert.That(result.Problems, Has.Some.AnyOf(X509ChainStatusFlags.UntrustedRoot, X509ChainStatusFlags.PartialChain));
    }

    [Test]
    public void Build_IntermediateFromTheExtraCertificates_CompletesTheChain()
    {
        using var root = TestPki.CreateRoot("Chains Root");
        using var intermediate = CreateIntermediate(root, "Chains Intermediate");
        using var seal = TestPki.CreateSeal(intermediate);
        Assert.That(CertificateChains.Build(seal, [intermediate], [root], Now).Trusted, Is.True);
        Assert.That(CertificateChains.Build(seal, [], [root], Now).Trusted, Is.False);
    }

    [Test]
    public void Build_IntermediateAsTheAnchor_IsReached()
    {
        using var root = TestPki.CreateRoot("Chains Root");
        using var intermediate = CreateIntermediate(root, "Chains Intermediate");
        using var seal = TestPki.CreateSeal(intermediate);
        var result = CertificateChains.Build(seal, [], [intermediate], Now);
        Assert.That(result.Anchor?.RawData, Is.EqualTo(intermediate.RawData), string.Join(", ", result.Problems));
    }

    [Test]
    public void Build_AtATimeAfterExpiry_IsNotTimeValid()
    {
        using var root = TestPki.CreateRoot("Chains Root");
        using var seal = TestPki.CreateSeal(root);
        var result = CertificateChains.Build(seal, [], [root], Now.AddYears(2));
        Assert.That(result.Trusted, Is.False);
        Assert.That(result.Problems, Does.Contain(X509ChainStatusFlags.NotTimeValid));
        Assert.That(CertificateChains.Build(seal, [], [root], Now.AddMonths(6)).Trusted, Is.True);
    }

    [Test]
    public void Build_NoAnchors_IsNotTrusted()
    {
        using var root = TestPki.CreateRoot("Chains Root");
        using var seal = TestPki.CreateSeal(root);
        Assert.That(CertificateChains.Build(seal, [root], [], Now).Trusted, Is.False);
    }

    [TestCase(X509KeyUsageFlags.NonRepudiation, true)]
    [TestCase(X509KeyUsageFlags.DigitalSignature, true)]
    [TestCase(X509KeyUsageFlags.KeyEncipherment, false)]
    [TestCase(X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.DataEncipherment, false)]
    public void AllowsSealing_FollowsKeyUsage(X509KeyUsageFlags usage, bool allowed)
    {
        using var root = TestPki.CreateRoot("Chains Root");
        using var seal = TestPki.CreateSeal(root, usage: usage);
        Assert.That(CertificateChains.AllowsSealing(seal, out var reported), Is.EqualTo(allowed));
        Assert.That(reported, Is.EqualTo(usage));
    }

    [Test]
    public void AllowsSealing_NoKeyUsageExtension_Allows()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=No key usage", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));
        Assert.That(CertificateChains.AllowsSealing(cert, out var reported), Is.True);
        Assert.That(reported, Is.Null);
    }
}
