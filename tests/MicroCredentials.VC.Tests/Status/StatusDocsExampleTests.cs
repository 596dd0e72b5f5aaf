using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Status;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Status;

/// <summary>The library example of docs/status-lists.md, compiled and run (keep the two in step).</summary>
public class StatusDocsExampleTests
{
    [Test]
    public async Task DocsExample_IssueRevokeVerify()
    {
        var model = MicroCredentialTests.LoadSample("university-data-science");
        var resolver = new MemoryResolver();

        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key);
        const string url = "https://example.edu/status/revocation/1";

        // Publish an empty list; keep the allocation record (allocation.ToJson()) with it.
        var allocation = StatusListAllocation.Create(url, StatusPurpose.Revocation);
        JsonObject list = await BitstringStatusListCredential.IssueAsync(issuer, url, StatusPurpose.Revocation, BitstringStatusList.Create());

        // Issue with a random unused index.
        var entry = BitstringStatusListEntry.For(allocation, allocation.Allocate());
        IssuanceResult issued = await issuer.IssueAsync(model, [entry]);

        // Revoke: set the bit and re-publish.
        BitstringStatusListCredential.TryRead(list, out var content, out _);
        list = await BitstringStatusListCredential.UpdateAsync(issuer, list, content!.List.WithBit(entry.StatusListIndex, true));

        resolver.Put(url, list);

        // Verify: the resolver fetches the list (IResourceResolver; offline files or an opt-in HTTP client).
        var report = await new CredentialVerifier(new VerificationOptions { ResourceResolver = resolver }).VerifyAsync(issued.Credential!);
        Assert.That(report[VerificationCheck.Status].Code, Is.EqualTo("status.revoked"));
    }
}
