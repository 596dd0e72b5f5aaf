using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Status;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Status;

/// <summary>Status lists sign through <see cref="ICredentialSigner"/>: a <see cref="DataIntegritySigner"/> over any <see cref="ISigner"/>, no issuer needed.</summary>
public class StatusSignerTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task IssueAndUpdate_WithADataIntegritySigner_AreSignedByTheSignersDid()
    {
        using var key = Ed25519SigningKey.Generate();
        var did = DidKey.Create(key.PublicKey);
        var signer = new DataIntegritySigner(new Ed25519Signer(key, DidKey.CreateVerificationMethodId(key.PublicKey)), timeProvider: new FixedTimeProvider(At));
        const string url = "https://example.edu/status/3";

        var list = await BitstringStatusListCredential.IssueAsync(signer, url, StatusPurpose.Revocation, BitstringStatusList.Create());
        Assert.That((string?)list["issuer"], Is.EqualTo(did));
        Assert.That((string?)list["validFrom"], Is.EqualTo("2026-06-30T10:00:00Z"));
        var first = await DataIntegrity.VerifyAsync(list, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(first.Single().Verified, Is.True, first.Single().Message);

        var updated = await BitstringStatusListCredential.UpdateAsync(signer, list, BitstringStatusList.Create().WithBit(7, true));
        Assert.That(BitstringStatusListCredential.TryRead(updated, out var content, out _), Is.True);
        Assert.That(content!.List[7], Is.True);
        var second = await DataIntegrity.VerifyAsync(updated, CryptosuiteRegistry.Default, DidVerificationMethodResolver.Default);
        Assert.That(second.Single().Verified, Is.True, second.Single().Message);
    }

    [Test]
    public async Task Update_ByAnotherSigner_IsRefused()
    {
        using var a = Ed25519SigningKey.Generate();
        using var b = Ed25519SigningKey.Generate();
        var signerA = new DataIntegritySigner(new Ed25519Signer(a, DidKey.CreateVerificationMethodId(a.PublicKey)));
        var signerB = new DataIntegritySigner(new Ed25519Signer(b, DidKey.CreateVerificationMethodId(b.PublicKey)));
        var list = await BitstringStatusListCredential.IssueAsync(signerA, "https://example.edu/status/4", StatusPurpose.Suspension, BitstringStatusList.Create());
        Assert.ThrowsAsync<ArgumentException>(async () => await BitstringStatusListCredential.UpdateAsync(signerB, list, BitstringStatusList.Create()));
    }
}
