using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Status;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.Verification;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Status;

/// <summary>An in-memory resolver: serves the documents it holds, fails for any other URL, counts requests.</summary>
internal sealed class MemoryResolver : IResourceResolver
{
    public Dictionary<string, byte[]> Documents { get; } = new(StringComparer.Ordinal);

    public int Requests { get; private set; }

    public void Put(string url, JsonObject document) => Documents[url] = Encoding.UTF8.GetBytes(document.ToJsonString());

    public ValueTask<ResourceResult> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        Requests++;
        return ValueTask.FromResult(Documents.TryGetValue(url.OriginalString, out var bytes)
            ? ResourceResult.Found(bytes, "application/vc")
            : ResourceResult.Failed("resource.notFound", "test resolver: nothing at " + url));
    }
}

/// <summary>The <c>status</c> check (W3C Bitstring Status List v1.0 §3.2 Validate Algorithm) through <see cref="CredentialVerifier"/>.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CredentialStatusCheckTests : IDisposable
{
    private const string RevocationUrl = "https://example.edu/status/revocation/1";
    private const string SuspensionUrl = "https://example.edu/status/suspension/1";
    private static readonly DateTimeOffset Signed = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Signed.AddDays(1);

    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();
    private readonly Ed25519SigningKey _otherKey = Ed25519SigningKey.Generate();
    private readonly MemoryResolver _resolver = new();
    private readonly CredentialIssuer _issuer;
    private readonly CredentialIssuer _other;

    public CredentialStatusCheckTests()
    {
        _issuer = CredentialIssuer.ForDidKey(_key, new IssuerOptions { Created = Signed });
        _other = CredentialIssuer.ForDidKey(_otherKey, new IssuerOptions { Created = Signed });
    }

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    private CredentialVerifier Verifier(IResourceResolver? resolver = null) =>
        new(new VerificationOptions { TimeProvider = new FixedTimeProvider(Now), ResourceResolver = resolver ?? _resolver });

    private static BitstringStatusListEntry Entry(string url, int index, StatusPurpose purpose) =>
        new() { StatusListCredential = url, StatusListIndex = index, StatusPurpose = purpose };

    private async Task<JsonObject> Credential(params BitstringStatusListEntry[] entries) =>
        await _issuer.SignAsync(BitstringStatusListCredential.AddStatus(CredentialVerifierTests.Vc2(_issuer.IssuerId), entries));

    private async Task<JsonObject> CredentialWithRawStatus(JsonNode status)
    {
        var vc = CredentialVerifierTests.Vc2(_issuer.IssuerId);
        vc["credentialStatus"] = status;
        return await _issuer.SignAsync(vc);
    }

    private async Task PublishAsync(string url, StatusPurpose purpose, BitstringStatusList list, CredentialIssuer? by = null) =>
        _resolver.Put(url, await BitstringStatusListCredential.IssueAsync(by ?? _issuer, url, purpose, list));

    private async Task<CheckResult> StatusOf(JsonObject credential, IResourceResolver? resolver = null)
    {
        var report = await Verifier(resolver).VerifyAsync(credential);
        foreach (var check in report.Checks.Where(c => c.Check != VerificationCheck.Status && c.Check != VerificationCheck.Accreditation && c.Check != VerificationCheck.Elements))
        {
            Assert.That(check.Status, Is.EqualTo(CheckStatus.Passed), check.ToString());
        }

        return report[VerificationCheck.Status];
    }

    private static void Failed(CheckResult result, string code)
    {
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Failed), result.ToString());
        Assert.That(result.Code, Is.EqualTo(code), result.ToString());
    }

    [Test]
    public async Task Revocation_PassesBeforeTheBitIsSet_FailsAfter()
    {
        var credential = await Credential(Entry(RevocationUrl, 94_567, StatusPurpose.Revocation));
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create());
        var before = await Verifier().VerifyAsync(credential);
        Assert.That(before.Verified, Is.True, string.Join("\n", before.Checks));
        Assert.That(before[VerificationCheck.Status].Detail, Does.Contain("not revoked"));

        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create().WithBit(94_567, true));
        var after = await Verifier().VerifyAsync(credential);
        Assert.That(after.Verified, Is.False);
        Failed(after[VerificationCheck.Status], StatusCodes.Revoked);
    }

    [Test]
    public async Task Suspension_SetThenCleared_PassesAgain()
    {
        var credential = await Credential(Entry(RevocationUrl, 7, StatusPurpose.Revocation), Entry(SuspensionUrl, 23_452, StatusPurpose.Suspension));
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create());
        var suspended = BitstringStatusList.Create().WithBit(23_452, true);
        await PublishAsync(SuspensionUrl, StatusPurpose.Suspension, suspended);
        Failed(await StatusOf(credential), StatusCodes.Suspended);

        await PublishAsync(SuspensionUrl, StatusPurpose.Suspension, suspended.WithBit(23_452, false));
        var result = await StatusOf(credential);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Passed), result.ToString());
        Assert.That(result.Detail, Does.Contain("not revoked").And.Contain("not suspended"));
    }

    [Test]
    public async Task RevokedAndListMissing_ReportsRevoked_AndListsBoth()
    {
        var credential = await Credential(Entry(SuspensionUrl, 1, StatusPurpose.Suspension), Entry(RevocationUrl, 2, StatusPurpose.Revocation));
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create().WithBit(2, true));
        var result = await StatusOf(credential);
        Failed(result, StatusCodes.Revoked);
        Assert.That(result.Detail, Does.Contain("resource.notFound"));
    }

    [Test]
    public async Task ListNotResolvable_FailsWithTheResolversReason()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        var offline = await StatusOf(credential, NoResourceResolver.Instance);
        Failed(offline, StatusCodes.RetrievalFailed);
        Assert.That(offline.Detail, Does.Contain("resource.unavailable").And.Contain(RevocationUrl));

        var missing = await StatusOf(credential);
        Failed(missing, StatusCodes.RetrievalFailed);
        Assert.That(missing.Detail, Does.Contain("test resolver: nothing at"));
    }

    [Test]
    public async Task ResolverThatThrows_FailsTheCheck_NotTheVerification()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        Failed(await StatusOf(credential, new ThrowingResolver()), StatusCodes.RetrievalFailed);
    }

    [Test]
    public async Task ListFromAnotherIssuer_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create(), by: _other);
        Failed(await StatusOf(credential), StatusCodes.IssuerMismatch);
    }

    [Test]
    public async Task ListSignedByAnotherKeyInTheIssuersName_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        var forged = BitstringStatusListCredential.Create(RevocationUrl, _issuer.IssuerId, StatusPurpose.Revocation, BitstringStatusList.Create(), Signed);
        _resolver.Put(RevocationUrl, await _other.SignAsync(forged));
        var result = await StatusOf(credential);
        Failed(result, StatusCodes.ListNotVerified);
        Assert.That(result.Detail, Does.Contain("issuer"));
    }

    [Test]
    public async Task TamperedList_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 5, StatusPurpose.Revocation));
        var list = await BitstringStatusListCredential.IssueAsync(_issuer, RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create().WithBit(5, true));
        list["credentialSubject"]!["encodedList"] = BitstringStatusList.Create().Encode(); // un-revoke without the key
        _resolver.Put(RevocationUrl, list);
        var result = await StatusOf(credential);
        Failed(result, StatusCodes.ListNotVerified);
        Assert.That(result.Detail, Does.Contain("signature"));
    }

    [Test]
    public async Task UnsignedList_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 5, StatusPurpose.Revocation));
        _resolver.Put(RevocationUrl, BitstringStatusListCredential.Create(RevocationUrl, _issuer.IssuerId, StatusPurpose.Revocation, BitstringStatusList.Create(), Signed));
        Failed(await StatusOf(credential), StatusCodes.ListNotVerified);
    }

    [Test]
    public async Task WrongPurpose_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        await PublishAsync(RevocationUrl, StatusPurpose.Suspension, BitstringStatusList.Create());
        Failed(await StatusOf(credential), StatusCodes.PurposeMismatch);
    }

    [Test]
    public async Task ListWhoseIdIsNotItsUrl_IsRead_ItsBitsCount()
    {
        // Bitstring Status List §2.2: the list credential's id MAY differ from the URL it is fetched from (one large
        // issuer serves every list so); the proof by the same issuer is what binds it.
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        _resolver.Put(RevocationUrl, await BitstringStatusListCredential.IssueAsync(_issuer, "urn:uuid:6b3e9a2c-list", StatusPurpose.Revocation, BitstringStatusList.Create()));
        var passed = await StatusOf(credential);
        Assert.That(passed.Status, Is.EqualTo(CheckStatus.Passed), passed.ToString());

        _resolver.Put(RevocationUrl, await BitstringStatusListCredential.IssueAsync(_issuer, "urn:uuid:6b3e9a2c-list", StatusPurpose.Revocation, BitstringStatusList.Create().WithBit(1, true)));
        Failed(await StatusOf(credential), StatusCodes.Revoked);
    }

    [Test]
    public async Task ListWhoseIdIsNotItsUrl_ByAnotherIssuer_StillFails()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        _resolver.Put(RevocationUrl, await BitstringStatusListCredential.IssueAsync(_other, "urn:uuid:6b3e9a2c-list", StatusPurpose.Revocation, BitstringStatusList.Create()));
        Failed(await StatusOf(credential), StatusCodes.IssuerMismatch);
    }

    [Test]
    public async Task IndexOutOfRange_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 131_072, StatusPurpose.Revocation));
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create());
        var result = await StatusOf(credential);
        Failed(result, StatusCodes.IndexOutOfRange);
        Assert.That(result.Detail, Does.Contain("RANGE_ERROR"));
    }

    [Test]
    public async Task HugeIndex_IsOutOfRange_NotAnOverflow()
    {
        var credential = await CredentialWithRawStatus(new JsonObject
        {
            ["id"] = RevocationUrl + "#x",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "99999999999999999999999999",
            ["statusListCredential"] = RevocationUrl,
        });
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create());
        Failed(await StatusOf(credential), StatusCodes.IndexOutOfRange);
    }

    [Test]
    public async Task ExpiredList_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        _resolver.Put(RevocationUrl, await BitstringStatusListCredential.IssueAsync(_issuer, RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create(), validUntil: Signed.AddHours(1)));
        Failed(await StatusOf(credential), StatusCodes.ListExpired);
    }

    [Test]
    public async Task ListSignedAfterItsValidUntil_IsExpired_NotNotYetValid()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        var late = CredentialIssuer.ForDidKey(_key, new IssuerOptions { Created = Signed.AddHours(2) });
        var list = BitstringStatusListCredential.Create(RevocationUrl, _issuer.IssuerId, StatusPurpose.Revocation, BitstringStatusList.Create(), Signed, validUntil: Signed.AddHours(1));
        _resolver.Put(RevocationUrl, await late.SignAsync(list));
        var result = await StatusOf(credential);
        Failed(result, StatusCodes.ListExpired);
        Assert.That(result.Detail, Does.Contain("expired"));
    }

    [Test]
    public async Task ListNotValidYet_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        var future = CredentialIssuer.ForDidKey(_key, new IssuerOptions { Created = Now.AddDays(2) });
        _resolver.Put(RevocationUrl, await BitstringStatusListCredential.IssueAsync(future, RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create()));
        Failed(await StatusOf(credential), StatusCodes.ListNotYetValid);
    }

    [Test]
    public async Task ListWithoutValidFrom_IsAccepted()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        var list = BitstringStatusListCredential.Create(RevocationUrl, _issuer.IssuerId, StatusPurpose.Revocation, BitstringStatusList.Create(), Signed);
        list.Remove("validFrom");
        _resolver.Put(RevocationUrl, await _issuer.SignAsync(list));
        var result = await StatusOf(credential);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Passed), result.ToString());
    }

    private static IEnumerable<TestCaseData> BadEncodedLists()
    {
        yield return new TestCaseData(BitstringStatusListTests.Gzip(new byte[17 * 1024 * 1024]), StatusCodes.ListTooLarge).SetName("EncodedList_GzipBomb_Fails");
        yield return new TestCaseData("uH4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA", StatusCodes.NotBase64Url).SetName("EncodedList_NotBase64Url_Fails");
        yield return new TestCaseData("zH4sIAAAAAAAAA", StatusCodes.NotMultibase).SetName("EncodedList_NotMultibase_Fails");
        yield return new TestCaseData("u" + Base64Url.Encode(new byte[40]), StatusCodes.NotGzip).SetName("EncodedList_NotGzip_Fails");
        yield return new TestCaseData(BitstringStatusListTests.Gzip(new byte[1024]), StatusCodes.ListTooShort).SetName("EncodedList_TooShort_Fails");
    }

    [TestCaseSource(nameof(BadEncodedLists))]
    public async Task BadEncodedList_FailsWithItsReason(string encodedList, string code)
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        var list = BitstringStatusListCredential.Create(RevocationUrl, _issuer.IssuerId, StatusPurpose.Revocation, BitstringStatusList.Create(), Signed);
        list["credentialSubject"]!["encodedList"] = encodedList;
        _resolver.Put(RevocationUrl, await _issuer.SignAsync(list)); // properly signed by the issuer: only the content is bad
        var result = await StatusOf(credential);
        Failed(result, code);
        Assert.That(result.Detail, Does.Contain("encodedList"));
    }

    [Test]
    public async Task NotAStatusList_Fails()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        _resolver.Put(RevocationUrl, await _issuer.SignAsync(CredentialVerifierTests.Vc2(_issuer.IssuerId)));
        Failed(await StatusOf(credential), StatusCodes.NotAStatusList);
    }

    [Test]
    public async Task NotJson_FailsAsMalformed()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        _resolver.Documents[RevocationUrl] = "<html>not found</html>"u8.ToArray();
        Failed(await StatusOf(credential), StatusCodes.ListMalformed);
    }

    [Test]
    public async Task StatusList2021Entry_FailsAsUnsupported_NeverSilentlyPasses()
    {
        var credential = await CredentialWithRawStatus(new JsonObject
        {
            ["id"] = "https://example.edu/credentials/status/3#94567",
            ["type"] = "StatusList2021Entry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "94567",
            ["statusListCredential"] = "https://example.edu/credentials/status/3",
        });
        var report = await Verifier().VerifyAsync(credential);
        Failed(report[VerificationCheck.Status], StatusCodes.UnsupportedType);
        Assert.That(report.Verified, Is.False);
    }

    [TestCase("statusListIndex", 94567, TestName = "Entry_NumericIndex_IsMalformed")]
    [TestCase("statusListIndex", "-1", TestName = "Entry_NegativeIndex_IsMalformed")]
    [TestCase("statusListCredential", "not a url", TestName = "Entry_RelativeListUrl_IsMalformed")]
    [TestCase("statusSize", 0, TestName = "Entry_StatusSizeZero_IsMalformed")]
    public async Task MalformedEntry_Fails(string property, object value)
    {
        var entry = Entry(RevocationUrl, 1, StatusPurpose.Revocation).ToJson();
        entry[property] = value is int i ? JsonValue.Create(i) : JsonValue.Create((string)value);
        var vc = CredentialVerifierTests.Vc2(_issuer.IssuerId);
        vc["credentialStatus"] = entry;
        var report = await Verifier().VerifyAsync(vc); // unsigned: only the status check matters here
        Failed(report[VerificationCheck.Status], StatusCodes.MalformedEntry);
    }

    [Test]
    public async Task MultiBitRevocationEntry_FailsAsUnsupported()
    {
        var entry = Entry(RevocationUrl, 1, StatusPurpose.Revocation).ToJson();
        entry["statusSize"] = 2;
        var credential = await CredentialWithRawStatus(entry);
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create());
        Failed(await StatusOf(credential), StatusCodes.UnsupportedStatusSize);
    }

    [Test]
    public async Task MessageEntry_IsNotEvaluated_AndSaysSo()
    {
        var credential = await CredentialWithRawStatus(new JsonObject
        {
            ["id"] = "https://example.edu/status/8#492847",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "message",
            ["statusListIndex"] = "492847",
            ["statusListCredential"] = "https://example.edu/status/8",
        });
        var result = await StatusOf(credential);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Passed), result.ToString());
        Assert.That(result.Detail, Does.Contain("message").And.Contain("not evaluated"));
        Assert.That(_resolver.Requests, Is.Zero);
    }

    [Test]
    public async Task ListWithAStatusEntryPointingAtItself_DoesNotRecurse()
    {
        var credential = await Credential(Entry(RevocationUrl, 1, StatusPurpose.Revocation));
        var list = BitstringStatusListCredential.Create(RevocationUrl, _issuer.IssuerId, StatusPurpose.Revocation, BitstringStatusList.Create(), Signed);
        list = BitstringStatusListCredential.AddStatus(list, [Entry(RevocationUrl, 1, StatusPurpose.Revocation)]);
        _resolver.Put(RevocationUrl, await _issuer.SignAsync(list));
        var result = await StatusOf(credential);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Passed), result.ToString());
        Assert.That(_resolver.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task TwoEntriesOnOneList_FetchItOnce()
    {
        var credential = await CredentialWithRawStatus(new JsonArray(
            Entry(RevocationUrl, 1, StatusPurpose.Revocation).ToJson(),
            Entry(RevocationUrl, 2, StatusPurpose.Revocation).ToJson()));
        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create().WithBit(2, true));
        Failed(await StatusOf(credential), StatusCodes.Revoked);
        Assert.That(_resolver.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task NoStatusEntry_Passes()
    {
        var credential = await _issuer.SignAsync(CredentialVerifierTests.Vc2(_issuer.IssuerId));
        var result = await StatusOf(credential);
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Passed));
        Assert.That(_resolver.Requests, Is.Zero);
    }

    [Test]
    public async Task EdcIssuedWithStatus_HasTheStatusContext_AndVerifies()
    {
        var allocation = StatusListAllocation.Create(RevocationUrl, StatusPurpose.Revocation);
        var index = allocation.Allocate();
        var issued = await _issuer.IssueAsync(MicroCredentialTests.LoadSample("university-data-science"), [BitstringStatusListEntry.For(allocation, index)]);
        var credential = issued.Credential!;
        Assert.That(credential["@context"]!.AsArray().Select(c => (string?)c), Is.EqualTo(new[]
        {
            "https://www.w3.org/2018/credentials/v1",
            "http://data.europa.eu/snb/model/context/edc-ap",
            "https://www.w3.org/ns/credentials/status/v1",
            "https://w3id.org/security/data-integrity/v2",
        }));
        Assert.That((string?)credential["credentialStatus"]!["statusListIndex"], Is.EqualTo(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create());
        var report = await Verifier().VerifyAsync(credential);
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));

        await PublishAsync(RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create().WithBit(index, true));
        Failed((await Verifier().VerifyAsync(credential))[VerificationCheck.Status], StatusCodes.Revoked);
    }

    [Test]
    public void AddStatus_DoesNotChangeTheInput_AndRefusesASignedCredential()
    {
        var vc = CredentialVerifierTests.Vc2("did:example:issuer");
        var before = vc.ToJsonString();
        var added = BitstringStatusListCredential.AddStatus(vc, [Entry(RevocationUrl, 1, StatusPurpose.Revocation)]);
        Assert.That(vc.ToJsonString(), Is.EqualTo(before));
        Assert.That(added["credentialStatus"], Is.Not.Null);
        Assert.That(added["@context"]!.AsArray(), Has.Count.EqualTo(2), "VC 2.0 defines the status terms: no context added");

        vc["proof"] = new JsonObject();
        Assert.Throws<ArgumentException>(() => BitstringStatusListCredential.AddStatus(vc, [Entry(RevocationUrl, 1, StatusPurpose.Revocation)]));
    }

    [Test]
    public async Task UpdateAsync_KeepsTheListAndResigns()
    {
        var list = await BitstringStatusListCredential.IssueAsync(_issuer, RevocationUrl, StatusPurpose.Revocation, BitstringStatusList.Create());
        var later = CredentialIssuer.ForDidKey(_key, new IssuerOptions { Created = Signed.AddHours(1) });
        var updated = await BitstringStatusListCredential.UpdateAsync(later, list, BitstringStatusList.Create().WithBit(3, true));
        Assert.That(BitstringStatusListCredential.TryRead(updated, out var content, out _), Is.True);
        Assert.That(content!.List[3], Is.True);
        Assert.That(content.Id, Is.EqualTo(RevocationUrl));
        Assert.That(content.ValidFrom, Is.EqualTo(Signed.AddHours(1)));
        Assert.That((await Verifier().VerifyAsync(updated))[VerificationCheck.Signature].Status, Is.EqualTo(CheckStatus.Passed));
        Assert.Throws<ArgumentException>(() => BitstringStatusListCredential.UpdateAsync(_other, list, BitstringStatusList.Create()));
    }

    private sealed class ThrowingResolver : IResourceResolver
    {
        public ValueTask<ResourceResult> GetAsync(Uri url, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("connection refused");
    }
}
