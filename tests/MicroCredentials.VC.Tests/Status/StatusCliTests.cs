using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.Cli;
using MicroCredentials.VC.Tests.TestSupport;
using static MicroCredentials.VC.Tests.Cli.CliAssert;

namespace MicroCredentials.VC.Tests.Status;

/// <summary>End to end through the real mcred: status create, issue --status-list, verify --resource, status set|clear.</summary>
[NonParallelizable]
public class StatusCliTests
{
    private const string RevocationUrl = "https://example.edu/status/revocation/1";
    private const string SuspensionUrl = "https://example.edu/status/suspension/1";
    private string _dir = null!;
    private string _key = null!;

    private static string Model => Shared.Repo("samples", "models", "university-data-science.json");

    [SetUp]
    public void MakeKey()
    {
        (_dir, _key) = CliAssert.ScratchWithKey("mcred-status-");
    }

    [TearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static JsonObject Json(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    private static JsonObject StatusCheck(Mcred.Result r) =>
        JsonNode.Parse(r.Stdout)!["checks"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["name"] == "status");

    private Mcred.Result Verify(string credential, string revocationList, string? suspensionList = null) =>
        Mcred.Run(null, ["verify", "--in", credential, "--resource", RevocationUrl + "=" + revocationList, .. suspensionList is null ? Array.Empty<string>() : ["--resource", SuspensionUrl + "=" + suspensionList]]);

    [Test]
    public void CreateIssueVerifyRevoke_EndToEnd()
    {
        var list = PathOf("revocation.json");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--out", list));
        var created = Json(list);
        Assert.That((string?)created["id"], Is.EqualTo(RevocationUrl));
        Assert.That((string?)created["credentialSubject"]!["statusPurpose"], Is.EqualTo("revocation"));
        Assert.That(created["proof"], Is.Not.Null);
        Assert.That((int?)Json(list + ".allocation.json")["allocated"], Is.Zero);

        var credential = PathOf("credential.json");
        Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", list, "--out", credential));
        var entry = Json(credential)["credentialStatus"]!;
        Assert.That((string?)entry["statusListCredential"], Is.EqualTo(RevocationUrl));
        var index = int.Parse((string)entry["statusListIndex"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((int?)Json(list + ".allocation.json")["allocated"], Is.EqualTo(1));

        var passed = Ok(Verify(credential, list));
        Assert.That((string?)StatusCheck(passed)["status"], Is.EqualTo("passed"));

        Ok(Mcred.Run(null, "status", "set", "--key", _key, "--list", list, "--index", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", list));
        var failed = Verify(credential, list);
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That((string?)StatusCheck(failed)["status"], Is.EqualTo("failed"));
        Assert.That((string?)StatusCheck(failed)["code"], Is.EqualTo("status.revoked"));

        Refused(Mcred.Run(null, "status", "clear", "--key", _key, "--list", list, "--index", "0", "--out", list), "revocation is final");
    }

    [Test]
    public void Suspension_SetThenClear_VerifiesAgain_AndTwoIssuesGetDifferentIndexes()
    {
        var revocation = PathOf("revocation.json");
        var suspension = PathOf("suspension.json");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--out", revocation));
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", SuspensionUrl, "--purpose", "suspension", "--size", "262144", "--out", suspension));

        var first = PathOf("first.json");
        var second = PathOf("second.json");
        Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", revocation, "--status-list", suspension, "--out", first));
        Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", revocation, "--status-list", suspension, "--out", second));
        var a = Json(first)["credentialStatus"]!.AsArray();
        var b = Json(second)["credentialStatus"]!.AsArray();
        Assert.That((string?)a[1]!["statusPurpose"], Is.EqualTo("suspension"));
        Assert.That((string?)a[0]!["statusListIndex"], Is.Not.EqualTo((string?)b[0]!["statusListIndex"]));
        Assert.That((string?)a[1]!["statusListIndex"], Is.Not.EqualTo((string?)b[1]!["statusListIndex"]));

        var index = (string)a[1]!["statusListIndex"]!;
        Refused(Mcred.Run(null, "status", "set", "--key", _key, "--list", suspension, "--index", index, "--purpose", "revocation", "--out", suspension), "not a revocation list");
        Ok(Mcred.Run(null, "status", "set", "--key", _key, "--list", suspension, "--index", index, "--purpose", "suspension", "--out", suspension));
        var suspended = Verify(first, revocation, suspension);
        Assert.That(suspended.ExitCode, Is.EqualTo(1), suspended.ToString());
        Assert.That((string?)StatusCheck(suspended)["code"], Is.EqualTo("status.suspended"));
        Ok(Verify(second, revocation, suspension));

        Ok(Mcred.Run(null, "status", "clear", "--key", _key, "--list", suspension, "--index", index, "--out", suspension));
        Ok(Verify(first, revocation, suspension));
    }

    [Test]
    public void Verify_WithoutTheList_FailsStatus()
    {
        var list = PathOf("revocation.json");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--out", list));
        var credential = PathOf("credential.json");
        Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", list, "--out", credential));
        var r = Mcred.Run(null, "verify", "--in", credential);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That((string?)StatusCheck(r)["code"], Is.EqualTo("status.retrievalFailed"));
    }

    [Test]
    public void Misuse_IsRefusedWithExit2()
    {
        var list = PathOf("revocation.json");
        Refused(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--size", "1000", "--out", list), "--size 1000");
        Refused(Mcred.Run(null, "status", "create", "--key", _key, "--url", "status/1", "--out", list), "absolute https URL");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--out", list));
        Refused(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--out", list), "--force");
        Refused(Mcred.Run(null, "status", "set", "--key", _key, "--list", list, "--index", "131072"), "--index 131072");

        var otherKey = PathOf("other-key.json");
        Ok(Mcred.Run(null, "keygen", "--out", otherKey));
        Refused(Mcred.Run(null, "status", "set", "--key", otherKey, "--list", list, "--index", "1"), "not by the key's");
        Refused(Mcred.Run(null, "issue", "--in", Model, "--key", otherKey, "--status-list", list), "not by the key's");

        Refused(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", list, "--status-list", list), "given twice");

        File.Delete(list + ".allocation.json");
        Refused(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", list), "allocation.json is missing");
    }

    [Test]
    public void ConcurrentIssues_NeverShareAnIndex()
    {
        var list = PathOf("revocation.json");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--out", list));
        var outputs = Enumerable.Range(0, 4).Select(i => PathOf($"c{i}.json")).ToList();
        Parallel.ForEach(outputs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, output =>
            Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", list, "--out", output)));
        var indexes = outputs.Select(o => (string?)Json(o)["credentialStatus"]!["statusListIndex"]).ToList();
        Assert.That(indexes.Distinct().Count(), Is.EqualTo(4), string.Join(", ", indexes));
        Assert.That((int?)Json(list + ".allocation.json")["allocated"], Is.EqualTo(4));
    }

    [Test]
    public void Set_ToAnotherFile_CarriesTheAllocationRecord()
    {
        var list = PathOf("v1.json");
        var next = PathOf("v2.json");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", RevocationUrl, "--out", list));
        Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", list, "--out", PathOf("c.json")));
        Ok(Mcred.Run(null, "status", "set", "--key", _key, "--list", list, "--index", "5", "--out", next));
        Assert.That((int?)Json(next + ".allocation.json")["allocated"], Is.EqualTo(1));
    }
}
