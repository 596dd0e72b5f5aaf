using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Status;
using MicroCredentials.VC.Tests.Interop;
using MicroCredentials.VC.Tests.Model;

namespace MicroCredentials.VC.Tests.Status;

/// <summary>Our status entries and list credentials, checked by the reference JavaScript implementation (tests/interop).</summary>
[Category("Interop")]
public class StatusInteropTests
{
    private const string Url = "https://example.edu/status/revocation/1";

    private static IEnumerable<TestCaseData> Suites() =>
    [
        new TestCaseData(Cryptosuites.EdDsaRdfc2022).SetArgDisplayNames("eddsa-rdfc-2022"),
        new TestCaseData(Cryptosuites.EdDsaJcs2022).SetArgDisplayNames("eddsa-jcs-2022"),
    ];

    [TestCaseSource(nameof(Suites))]
    public async Task EdcWithStatusEntries_VerifiesInReferenceJs_AndExpandsInSafeMode(ICryptosuite suite)
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = suite });
        var revocation = StatusListAllocation.Create(Url, StatusPurpose.Revocation);
        var suspension = StatusListAllocation.Create(Url.Replace("revocation", "suspension", StringComparison.Ordinal), StatusPurpose.Suspension);
        var issued = await issuer.IssueAsync(
            MicroCredentialTests.LoadSample("university-data-science"),
            [BitstringStatusListEntry.For(revocation, revocation.Allocate()), BitstringStatusListEntry.For(suspension, suspension.Allocate())]);
        var json = issued.Credential!.ToJsonString();

        var verified = ReferenceJs.Run("verify", json);
        Assert.That(verified.ExitCode, Is.Zero, verified.Stderr + verified.Stdout);
        Assert.That((bool?)verified.Json["verified"], Is.True, verified.Stdout);

        // Safe mode: every term of the entries is defined by https://www.w3.org/ns/credentials/status/v1.
        var rdf = ReferenceJs.Run("tordf", json);
        Assert.That(rdf.ExitCode, Is.Zero, rdf.Stderr);
        Assert.That(rdf.Stdout, Does.Contain("<https://www.w3.org/ns/credentials/status#statusListIndex>"));
        Assert.That(rdf.Stdout, Does.Contain("<https://www.w3.org/ns/credentials/status#BitstringStatusListEntry>"));
        Assert.That(rdf.Stdout, Does.Contain("\"suspension\""));
    }

    [Test]
    public async Task ListCredential_VerifiesInReferenceJs_AndItsEncodedListIsTheSpecsForm()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key);
        var list = await BitstringStatusListCredential.IssueAsync(issuer, Url, StatusPurpose.Revocation, BitstringStatusList.Create().WithBit(3, true));
        var verified = ReferenceJs.Run("verify", list.ToJsonString());
        Assert.That(verified.ExitCode, Is.Zero, verified.Stderr + verified.Stdout);

        var expanded = ReferenceJs.RunJson("expand", list.ToJsonString());
        Assert.That(expanded.ToJsonString(), Does.Contain("https://www.w3.org/ns/credentials/status#encodedList"));
        Assert.That(BitstringStatusList.Decode((string)list["credentialSubject"]!["encodedList"]!)[3], Is.True);
    }
}
