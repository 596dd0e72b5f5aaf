using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Securing;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Trust;
using MicroCredentials.VC.Verification;
using MicroCredentials.VC.Verification.Checks;

namespace MicroCredentials.VC.Tests.Trust;

public class TrustListTests
{
    private static readonly DateTimeOffset Signed = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Signed.AddDays(30);

    internal static string TrustJson(string id, string? validFrom = null, string? validUntil = null, string? pem = null)
    {
        var entry = new JsonObject { ["id"] = id, ["name"] = "Example University", ["country"] = "BE", ["accreditedBy"] = "AEQES" };
        if (validFrom is not null)
        {
            entry["validFrom"] = validFrom;
        }

        if (validUntil is not null)
        {
            entry["validUntil"] = validUntil;
        }

        var root = new JsonObject { ["issuers"] = new JsonArray(entry) };
        if (pem is not null)
        {
            root["certificates"] = new JsonArray(pem);
        }

        return root.ToJsonString();
    }

    private static TrustList List(string id, string? validFrom = null, string? validUntil = null) =>
        TrustList.Parse(Encoding.UTF8.GetBytes(TrustJson(id, validFrom, validUntil)));

    private static async Task<(Ed25519SigningKey Key, JsonObject Vc)> Signed2(DateTimeOffset? created = null)
    {
        var key = Ed25519SigningKey.Generate();
        var vc = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = created ?? Signed })
            .SignAsync(CredentialVerifierTests.Vc2(DidKey.Create(key.PublicKey)));
        return (key, vc);
    }

    private static CredentialVerifier Verifier(ITrustRegistry? registry, DateTimeOffset? at = null) =>
        new(new VerificationOptions { TimeProvider = new FixedTimeProvider(at ?? Later), TrustRegistry = registry });

    [Test]
    public async Task Accreditation_ListedIssuer_Passes_NamingBodyAndValidity()
    {
        var (key, vc) = await Signed2();
        using var _ = key;
        var report = await Verifier(List(DidKey.Create(key.PublicKey), "2020-01-01", "2030-12-31")).VerifyAsync(vc);
        var check = report[VerificationCheck.Accreditation];
        Assert.That(check.Status, Is.EqualTo(CheckStatus.Passed), check.ToString());
        Assert.That(check.Detail, Does.Contain("Example University").And.Contain("accredited by AEQES").And.Contain("2020-01-01").And.Contain("2031-01-01"));
        Assert.That(report.Verified, Is.True);
    }

    [Test]
    public async Task Accreditation_UnlistedIssuer_Fails()
    {
        var (key, vc) = await Signed2();
        using var _ = key;
        var report = await Verifier(List("did:web:someone-else.example")).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Accreditation].Code, Is.EqualTo("accreditation.notListed"));
        Assert.That(report.Verified, Is.False);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [TestCase("2027-01-01", null, TestName = "Accreditation_NotYetValid_Fails")]
    [TestCase("2020-01-01", "2026-07-15T00:00:00Z", TestName = "Accreditation_Expired_Fails")]
    public async Task Accreditation_OutsideValidity_Fails(string? from, string? until)
    {
        var (key, vc) = await Signed2();
        using var _ = key;
        var report = await Verifier(List(DidKey.Create(key.PublicKey), from, until)).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Accreditation].Code, Is.EqualTo("accreditation.outsideValidity"));
        Assert.That(report.Verified, Is.False);
    }

    [Test]
    public async Task Accreditation_ExpiredNow_ButVerifiedAsOfAnEarlierTime_Passes()
    {
        var (key, vc) = await Signed2();
        using var _ = key;
        var registry = List(DidKey.Create(key.PublicKey), "2020-01-01", "2026-07-15T00:00:00Z");
        var report = await Verifier(registry, Signed.AddDays(1)).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Accreditation].Status, Is.EqualTo(CheckStatus.Passed));
    }

    [Test]
    public async Task Accreditation_SignedBeforeAccreditationBegan_Fails()
    {
        var (key, vc) = await Signed2();
        using var _ = key;
        var report = await Verifier(List(DidKey.Create(key.PublicKey), "2026-07-01")).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Accreditation].Code, Is.EqualTo("accreditation.notAccreditedWhenSigned"));
    }

    [Test]
    public async Task Accreditation_NoRegistry_Skipped()
    {
        var (key, vc) = await Signed2();
        using var _ = key;
        var report = await Verifier(null).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Accreditation].Status, Is.EqualTo(CheckStatus.Skipped));
        Assert.That(report[VerificationCheck.Accreditation].Code, Is.EqualTo("accreditation.noTrustRegistry"));
    }

    [Test]
    public async Task Accreditation_EdcIssuerObject_MatchedById()
    {
        using var key = Ed25519SigningKey.Generate();
        var unsigned = CredentialVerifierTests.Vc2(DidKey.Create(key.PublicKey));
        unsigned["issuer"] = new JsonObject { ["id"] = DidKey.Create(key.PublicKey), ["name"] = "Example University" };
        var vc = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = Signed }).SignAsync(unsigned);
        var report = await Verifier(List(DidKey.Create(key.PublicKey))).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Accreditation].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Accreditation].ToString());
    }

    [Test]
    public async Task Accreditation_SelfClaimedVatNumber_NotTrustedWithoutSeal()
    {
        var credential = CredentialVerifierTests.Vc2("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        credential["issuer"] = new JsonObject { ["id"] = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", ["vatIdentifier"] = new JsonObject { ["notation"] = "BE0123456789" } };
        var outcome = Outcome(credential, null);
        var options = new VerificationOptions { TimeProvider = new FixedTimeProvider(Later), TrustRegistry = List("BE0123456789") };
        var result = await AccreditationCheck.CheckAsync(credential, "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", outcome, options, default);
        Assert.That(result.Code, Is.EqualTo("accreditation.notListed"));
        Assert.That(result.Detail, Does.Contain("own claims"));
    }

    [Test]
    public void LegalIdentifiers_ReadsEdcNotations()
    {
        var credential = new JsonObject
        {
            ["issuer"] = new JsonObject
            {
                ["id"] = "https://example.edu",
                ["eIDASIdentifier"] = new JsonObject { ["notation"] = "VATBE-0123456789" },
                ["registration"] = new JsonArray(new JsonObject { ["notation"] = "0123.456.789" }),
                ["vatIdentifier"] = new JsonArray(new JsonObject { ["notation"] = " BE0123456789 " }, new JsonObject { ["other"] = 1 }),
            },
        };
        Assert.That(AccreditationCheck.LegalIdentifiers(credential), Is.EqualTo(new[] { "VATBE-0123456789", "0123.456.789", "BE0123456789" }));
    }

    [Test]
    public async Task CheckIssuer_MatchesLegalIdentifierIgnoringCase()
    {
        var list = List("VATBE-0123456789");
        var decision = await list.CheckIssuerAsync(new IssuerIdentity("did:web:x.example", ["vatbe-0123456789"]), Later);
        Assert.That(decision.Trusted, Is.True);
        Assert.That(decision.Code, Is.Null);
    }

    [Test]
    public async Task CheckIssuer_SeveralPeriods_AnyCovering()
    {
        var json = """
            {"issuers":[
              {"id":"https://example.edu","name":"U","country":"fr","validFrom":"2020-01-01","validUntil":"2021-12-31"},
              {"id":"https://example.edu","name":"U","country":"FR","validFrom":"2024-01-01T00:00:00+01:00"}]}
            """;
        var list = TrustList.Parse(Encoding.UTF8.GetBytes(json));
        Assert.That((await list.CheckIssuerAsync(new IssuerIdentity("https://example.edu", []), new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero))).Trusted, Is.True);
        Assert.That((await list.CheckIssuerAsync(new IssuerIdentity("https://example.edu", []), new DateTimeOffset(2022, 6, 1, 0, 0, 0, TimeSpan.Zero))).Code, Is.EqualTo("accreditation.outsideValidity"));
        Assert.That((await list.CheckIssuerAsync(new IssuerIdentity("https://example.edu", []), Later)).Trusted, Is.True);
        Assert.That(list.Issuers[0].Country, Is.EqualTo("FR"));
        Assert.That(list.Issuers[0].ValidUntil, Is.EqualTo(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)), "a date validUntil runs through that day");
    }

    [TestCase("", "not valid JSON", TestName = "Parse_Rejects_Empty")]
    [TestCase("[]", "JSON object", TestName = "Parse_Rejects_Array")]
    [TestCase("{}", "\"issuers\" array", TestName = "Parse_Rejects_NoIssuers")]
    [TestCase("""{"issuers":{}}""", "\"issuers\" array", TestName = "Parse_Rejects_IssuersNotArray")]
    [TestCase("""{"issuers":[],"issuer":[]}""", "unknown member \"issuer\"", TestName = "Parse_Rejects_UnknownMember")]
    [TestCase("""{"issuers":["did:web:x"]}""", "issuers[0]", TestName = "Parse_Rejects_EntryNotObject")]
    [TestCase("""{"issuers":[{"name":"U","country":"BE"}]}""", "issuers[0]: \"id\" is required", TestName = "Parse_Rejects_NoId")]
    [TestCase("""{"issuers":[{"id":"x","country":"BE"}]}""", "\"name\" is required", TestName = "Parse_Rejects_NoName")]
    [TestCase("""{"issuers":[{"id":"x","name":"U","country":"Belgium"}]}""", "ISO 3166-1", TestName = "Parse_Rejects_BadCountry")]
    [TestCase("""{"issuers":[{"id":"x","name":"U","country":"BE","validFrom":"yesterday"}]}""", "\"validFrom\" must be", TestName = "Parse_Rejects_BadDate")]
    [TestCase("""{"issuers":[{"id":"x","name":"U","country":"BE","validFrom":"2026-01-01T00:00:00"}]}""", "time zone", TestName = "Parse_Rejects_DateTimeWithoutZone")]
    [TestCase("""{"issuers":[{"id":"x","name":"U","country":"BE","validFrom":"2026-01-01","validUntil":"2025-01-01"}]}""", "later than", TestName = "Parse_Rejects_EmptyPeriod")]
    [TestCase("""{"issuers":[{"id":"x","name":"U","country":"BE","acreditedBy":"A"}]}""", "unknown member \"acreditedBy\"", TestName = "Parse_Rejects_MisspelledMember")]
    [TestCase("""{"issuers":[],"certificates":"PEM"}""", "array of PEM", TestName = "Parse_Rejects_CertificatesNotArray")]
    [TestCase("""{"issuers":[],"certificates":["not a pem"]}""", "certificates[0]: holds no PEM", TestName = "Parse_Rejects_NotPem")]
    [TestCase("""{"issuers":[],"certificates":["-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"]}""", "never private keys", TestName = "Parse_Rejects_PrivateKeyPem")]
    [TestCase("""{"issuers":[],"certificates":["-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"]}""", "cannot be read", TestName = "Parse_Rejects_GarbageCertificate")]
    public void Parse_Rejects(string json, string message)
    {
        Assert.That(TrustList.TryParse(Encoding.UTF8.GetBytes(json), out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo("trustList.malformed"));
        Assert.That(problem.Message, Does.Contain(message));
        Assert.Throws<FormatException>(() => TrustList.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Test]
    public void Parse_AcceptsBomAndEmptyList()
    {
        var list = TrustList.Parse([0xEF, 0xBB, 0xBF, .. """{"issuers":[]}"""u8]);
        Assert.That(list.Issuers, Is.Empty);
        Assert.That(list.Certificates, Is.Empty);
    }

    private static SecuringEvidence Outcome(JsonObject credential, X509Certificate2Collection? chain, bool issuerPassed = true) => new()
    {
        Mechanism = "jades",
        Document = credential,
        Signature = Finding.Pass("test"),
        IssuerBinding = issuerPassed ? Finding.Pass("test") : Finding.Fail("issuer.test", "test"),
        SignedAt = [Signed],
        SignerCertificates = chain,
    };

    private static (X509Certificate2 Root, X509Certificate2 Leaf) SealChain(string organizationIdentifier)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test QTSP Root, O=Test QTSP, C=BE", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var root = rootRequest.CreateSelfSigned(Signed.AddYears(-2), Signed.AddYears(5));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("BE");
        name.AddOrganizationName("Example University");
        name.Add("2.5.4.97", organizationIdentifier, System.Formats.Asn1.UniversalTagNumber.UTF8String);
        name.AddCommonName("Example University seal");
        var leafRequest = new CertificateRequest(name.Build(), leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var issued = leafRequest.Create(root, Signed.AddYears(-1), Signed.AddYears(2), [1, 2, 3, 4]);
        var leaf = issued.CopyWithPrivateKey(leafKey);
        return (root, leaf);
    }

    private static string Pem(X509Certificate2 certificate) => new(PemEncoding.Write("CERTIFICATE", certificate.RawData));

    [Test]
    public async Task Accreditation_Seal_MatchedByCertificateOrganizationIdentifier()
    {
        var (root, leaf) = SealChain("VATBE-0123456789");
        using var r = root;
        using var l = leaf;
        var credential = CredentialVerifierTests.Vc2("https://example.edu");
        var options = new VerificationOptions { TimeProvider = new FixedTimeProvider(Later), TrustRegistry = List("VATBE-0123456789") };
        var result = await AccreditationCheck.CheckAsync(credential, "https://example.edu", Outcome(credential, [leaf]), options, default);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Passed), result.ToString());
    }

    [Test]
    public async Task Accreditation_Seal_EdcLegalIdentifierCounts_OnlyWhenIssuerCheckPassed()
    {
        var (root, leaf) = SealChain("VATBE-0000000000");
        using var r = root;
        using var l = leaf;
        var credential = CredentialVerifierTests.Vc2("https://example.edu");
        credential["issuer"] = new JsonObject { ["id"] = "https://example.edu", ["eIDASIdentifier"] = new JsonObject { ["notation"] = "VATBE-0123456789" } };
        var options = new VerificationOptions { TimeProvider = new FixedTimeProvider(Later), TrustRegistry = List("VATBE-0123456789") };
        Assert.That((await AccreditationCheck.CheckAsync(credential, "https://example.edu", Outcome(credential, [leaf]), options, default)).Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That((await AccreditationCheck.CheckAsync(credential, "https://example.edu", Outcome(credential, [leaf], issuerPassed: false), options, default)).Code, Is.EqualTo("accreditation.notListed"));
    }

    [Test]
    public async Task Accreditation_Seal_ChainsToTrustListCertificate_Passes_OtherwiseFails()
    {
        var (root, leaf) = SealChain("VATBE-0123456789");
        var (otherRoot, _) = SealChain("VATBE-9");
        using var r = root;
        using var l = leaf;
        using var o = otherRoot;
        var credential = CredentialVerifierTests.Vc2("https://example.edu");
        var trusted = TrustList.Parse(Encoding.UTF8.GetBytes(TrustJson("did:web:someone-else.example", pem: Pem(root))));
        Assert.That(trusted.Certificates, Has.Count.EqualTo(1));
        var options = new VerificationOptions { TimeProvider = new FixedTimeProvider(Later), TrustRegistry = trusted };
        var result = await AccreditationCheck.CheckAsync(credential, "https://example.edu", Outcome(credential, [leaf]), options, default);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Passed), result.ToString());
        Assert.That(result.Detail, Does.Contain("Test QTSP Root"));

        var untrusted = TrustList.Parse(Encoding.UTF8.GetBytes(TrustJson("did:web:someone-else.example", pem: Pem(otherRoot))));
        result = await AccreditationCheck.CheckAsync(credential, "https://example.edu", Outcome(credential, [leaf]), options with { TrustRegistry = untrusted }, default);
        Assert.That(result.Code, Is.EqualTo("accreditation.notListed"));

        result = await AccreditationCheck.CheckAsync(credential, "https://example.edu", Outcome(credential, [leaf]), options with { TimeProvider = new FixedTimeProvider(Signed.AddYears(3)) }, default);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Failed), "the leaf certificate has expired by then");
    }

    private sealed class ThrowingRegistry : ITrustRegistry
    {
        public ValueTask<TrustDecision> CheckIssuerAsync(IssuerIdentity issuer, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("registry down");
    }

    [Test]
    public async Task Accreditation_FailingRegistry_FailsWithoutThrowing()
    {
        var (key, vc) = await Signed2();
        using var _ = key;
        var report = await Verifier(new ThrowingRegistry()).VerifyAsync(vc);
        Assert.That(report[VerificationCheck.Accreditation].Code, Is.EqualTo("accreditation.registryError"));
    }
}
