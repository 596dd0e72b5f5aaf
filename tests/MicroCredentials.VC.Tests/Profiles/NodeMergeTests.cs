using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Profiles;

/// <summary>
/// eddsa-rdfc-2022 signs the RDF graph, where a node's repeated JSON descriptions are one node. Removing a property
/// from one copy of the awarding body leaves the signature valid, so the reader must read the merged node: what the
/// issuer signed stays readable.
/// </summary>
public class NodeMergeTests
{
    [Test]
    public async Task StrippedCopyOfARepeatedNode_StillVerifies_AndReadsTheSignedData()
    {
        using var key = Ed25519SigningKey.FromSeed(new byte[32]);
        var issued = await CredentialIssuer.ForDidKey(key).IssueAsync(MicroCredentialTests.LoadSample("university-data-science"));
        var doc = issued.Credential!;
        var body = doc["credentialSubject"]!["hasClaim"]!["awardedBy"]!["awardingBody"]!.AsObject();
        var issuerId = (string?)doc["issuer"]!["id"];
        Assume.That((string?)body["id"], Is.EqualTo(issuerId), "the awarding body is the issuer node, repeated");

        body.Remove("location");
        body.Remove("legalName");

        var report = await new CredentialVerifier(new VerificationOptions { RequireMicroCredentialElements = true }).VerifyAsync(doc);
        Assert.That(report[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed), "the signed graph did not change");
        Assert.That(report[VerificationCheck.Elements].Status, Is.EqualTo(CheckStatus.Passed), report[VerificationCheck.Elements].Detail);
        Assert.That(report.Credential!.AwardingBody!.Country, Is.EqualTo("BE"));
        Assert.That(report.Credential.AwardingBody.LegalName!.Get("en"), Does.Contain("Leuven"));
    }

    [Test]
    public void ConflictingCopies_AreUnited_NotOneChosen()
    {
        var doc = (JsonObject)JsonNode.Parse("""
        {"a": {"id": "urn:x", "type": "T", "name": "one"}, "b": {"id": "urn:x", "type": "T", "name": "two"}}
        """)!;
        var merged = NodeMerger.Merge(doc);
        Assert.That(merged["a"]!["name"]!.AsArray().Select(n => (string)n!), Is.EquivalentTo(new[] { "one", "two" }));
        Assert.That(JsonNode.DeepEquals(merged["a"], merged["b"]), Is.True);
        Assert.That((string?)doc["a"]!["name"], Is.EqualTo("one"), "the input is not modified");
    }

    [Test]
    public void SelfReference_DoesNotLoop()
    {
        var doc = (JsonObject)JsonNode.Parse("""
        {"a": {"id": "urn:x", "type": "T", "knows": {"id": "urn:x", "type": "T", "name": "n"}}}
        """)!;
        Assert.That(() => NodeMerger.Merge(doc), Throws.Nothing);
    }
}
