using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Jades;

/// <summary>Throw-away CAs and seal certificates made at test time (no private key is ever committed).</summary>
internal static class TestPki
{
    public enum KeyKind
    {
        Rsa,
        EcP256,
    }

    /// <summary>A self-signed root CA, with its private key (to issue seal certificates).</summary>
    public static X509Certificate2 CreateRoot(string name)
    {
        var rsa = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}, O=Test PKI, C=BE"), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    /// <summary>A seal certificate (with its private key) issued by <paramref name="ca"/>, with an organizationIdentifier.</summary>
    public static X509Certificate2 CreateSeal(X509Certificate2 ca, string? organizationIdentifier = "VATBE-0123456789", KeyKind kind = KeyKind.Rsa, string organisation = "Test University", X509KeyUsageFlags usage = X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.DigitalSignature)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("BE");
        subject.AddOrganizationName(organisation);
        if (organizationIdentifier is not null)
        {
            subject.Add(OrganizationIdentifier.AttributeOid, organizationIdentifier, UniversalTagNumber.UTF8String);
        }

        subject.AddCommonName(organisation + " seal");
        var now = TimeProvider.System.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        if (kind == KeyKind.Rsa)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            AddLeafExtensions(request, usage);
            using var cert = request.Create(ca, now.AddHours(-1), now.AddYears(1), serial);
            return cert.CopyWithPrivateKey(rsa);
        }

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ecRequest = new CertificateRequest(subject.Build(), ec, HashAlgorithmName.SHA256);
        AddLeafExtensions(ecRequest, usage);
        using var caKey = ca.GetRSAPrivateKey()!;
        using var ecCert = ecRequest.Create(ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1), now.AddHours(-1), now.AddYears(1), serial);
        return ecCert.CopyWithPrivateKey(ec);
    }

    private static void AddLeafExtensions(CertificateRequest request, X509KeyUsageFlags usage)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
    }

    /// <summary>The university sample model from samples/models.</summary>
    public static MicroCredential SampleModel()
    {
        var text = File.ReadAllText(Shared.Repo("samples", "models", "university-data-science.json"));
        Assert.That(MicroCredentialJson.TryParse(text, out var model, out var problem), Is.True, problem?.ToString());
        return model!;
    }

    /// <summary>The seal's protected header, decoded.</summary>
    public static JsonObject ProtectedHeader(JsonObject seal) =>
        JsonNode.Parse(Base64Url.Decode(seal["signatures"]![0]!["protected"]!.GetValue<string>()))!.AsObject();

    /// <summary>
    /// Makes a seal with any protected header, signed over the JWS signing input by <paramref name="sign"/> (so the
    /// header, not the signature, is what a test exercises).
    /// </summary>
    public static JsonObject Forge(JsonObject header, string payload, Func<byte[], byte[]> sign)
    {
        var protectedText = Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()));
        var input = System.Text.Encoding.ASCII.GetBytes(protectedText + ".").Concat(System.Text.Encoding.UTF8.GetBytes(payload)).ToArray();
        return new JsonObject
        {
            ["payload"] = payload,
            ["signatures"] = new JsonArray(new JsonObject { ["protected"] = protectedText, ["signature"] = Base64Url.Encode(sign(input)) }),
        };
    }

    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    public static string PemWithKey(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPrivateKey();
        using var ec = certificate.GetECDsaPrivateKey();
        var key = rsa?.ExportPkcs8PrivateKeyPem() ?? ec!.ExportPkcs8PrivateKeyPem();
        return Pem(certificate) + key + "\n";
    }
}
