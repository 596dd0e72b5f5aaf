using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Tests.TestSupport;
using static MicroCredentials.VC.Tests.Cli.CliAssert;

namespace MicroCredentials.VC.Tests.Cli;

/// <summary>Issue 11 (hostile input) through the real mcred: inspect is not verify, private files, status list URLs.</summary>
[NonParallelizable]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class HostileInputCliTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private string _dir = null!;
    private string _key = null!;

    private static string Model => Shared.Repo("samples", "models", "university-data-science.json");

    [SetUp]
    public void MakeKey()
    {
        (_dir, _key) = CliAssert.ScratchWithKey("mcred-hostile-");
    }

    [TearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static void AssertOwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(OwnerOnly), path + " must be readable by its owner only");
        }
    }

    [Test]
    public void Inspect_ForgedCredential_SaysNotVerifiedOnStderrAndInTheOutput()
    {
        var credential = PathOf("credential.json");
        Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--out", credential));
        var forged = JsonNode.Parse(File.ReadAllText(credential))!.AsObject();
        forged["validFrom"] = "2020-01-01T00:00:00Z";
        Assert.That(Mcred.Run(forged.ToJsonString(), "verify").ExitCode, Is.EqualTo(1), "the forgery does not verify");

        var r = Ok(Mcred.Run(forged.ToJsonString(), "inspect"));
        var output = JsonNode.Parse(r.Stdout)!.AsObject();
        Assert.That((bool?)output["verified"], Is.False, r.ToString());
        Assert.That((string?)output["verification"], Does.Contain("mcred verify"));
        Assert.That(r.Stderr, Does.Contain("NOT VERIFIED"));
        Assert.That(MicroCredentialJson.Parse(output["model"]!.ToJsonString()).Title, Is.Not.Null, "the model is still read back");
    }

    [Test]
    public void Inspect_Help_SaysItDoesNotVerify()
    {
        var r = Mcred.Run(null, "inspect", "--help");
        Assert.That(r.Stdout, Does.Contain("does NOT verify"), r.ToString());
    }

    [Test]
    public void Keygen_WritesTheKeyOwnerOnly_AndNeverOverwritesWithoutForce()
    {
        AssertOwnerOnly(_key);
        var before = File.ReadAllText(_key);
        Refused(Mcred.Run(null, "keygen", "--out", _key), "--force");
        Assert.That(File.ReadAllText(_key), Is.EqualTo(before));
        Ok(Mcred.Run(null, "keygen", "--out", _key, "--force"));
        Assert.That(File.ReadAllText(_key), Is.Not.EqualTo(before));
        AssertOwnerOnly(_key);
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temporary file is left");
    }

    [Test]
    public void Demo_Out_WritesTheIssuerKeyOwnerOnly_AndRefusesToOverwriteIt()
    {
        var dir = PathOf("demo");
        Ok(Mcred.Run(null, "demo", "--out", dir));
        var key = Path.Combine(dir, "issuer-key.json");
        AssertOwnerOnly(key);
        var before = File.ReadAllText(key);

        Refused(Mcred.Run(null, "demo", "--out", dir), "issuer-key.json exists");
        Assert.That(File.ReadAllText(key), Is.EqualTo(before), "the key is not replaced");

        Ok(Mcred.Run(null, "demo", "--out", dir, "--force"));
        Assert.That(File.ReadAllText(key), Is.Not.EqualTo(before));
        AssertOwnerOnly(key);
    }

    [Test]
    public void StatusCreate_WritesTheAllocationRecordOwnerOnly_AndKeepsItSoOnIssue()
    {
        var list = PathOf("list.json");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", "https://example.edu/status/1", "--out", list));
        AssertOwnerOnly(list + ".allocation.json");
        Ok(Mcred.Run(null, "issue", "--in", Model, "--key", _key, "--status-list", list, "--out", PathOf("c.json")));
        AssertOwnerOnly(list + ".allocation.json");
        Refused(Mcred.Run(null, "status", "create", "--key", _key, "--url", "https://example.edu/status/1", "--out", list), "--force");
    }

    [Test]
    public void StatusSet_OutBesideAnotherAllocationRecord_RefusesBeforeWritingAnything()
    {
        var list = PathOf("list.json");
        var next = PathOf("next.json");
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", "https://example.edu/status/1", "--out", list));
        Ok(Mcred.Run(null, "status", "set", "--key", _key, "--list", list, "--index", "5", "--out", next));
        AssertOwnerOnly(next + ".allocation.json");
        var written = File.ReadAllText(next);
        Refused(Mcred.Run(null, "status", "set", "--key", _key, "--list", list, "--index", "6", "--out", next), "next.json.allocation.json exists");
        Assert.That(File.ReadAllText(next), Is.EqualTo(written), "the list is not written either");
    }

    [TestCase("file:///etc/passwd", "not file:", TestName = "StatusCreate_FileUrl_ExitsTwo")]
    [TestCase("data:application/json,{}", "not data:", TestName = "StatusCreate_DataUrl_ExitsTwo")]
    [TestCase("http://example.edu/status/1", "not http:", TestName = "StatusCreate_PlainHttpUrl_ExitsTwo")]
    [TestCase("ftp://example.edu/status/1", "not ftp:", TestName = "StatusCreate_FtpUrl_ExitsTwo")]
    [TestCase("https://user:secret@example.edu/status/1", "user name", TestName = "StatusCreate_UrlWithCredentials_ExitsTwo")]
    [TestCase("https://example.edu/status/1#x", "fragment", TestName = "StatusCreate_UrlWithFragment_ExitsTwo")]
    [TestCase("/status/1", "absolute https URL", TestName = "StatusCreate_Path_ExitsTwo")]
    public void StatusCreate_RefusesAUrlVerifiersMustNotFetch(string url, string expected)
    {
        var list = PathOf("list.json");
        Refused(Mcred.Run(null, "status", "create", "--key", _key, "--url", url, "--out", list), expected);
        Assert.That(File.Exists(list) || File.Exists(list + ".allocation.json"), Is.False, "nothing is written");
    }

    [TestCase("http://localhost:8080/status/1", TestName = "StatusCreate_HttpLocalhost_IsAccepted")]
    [TestCase("http://127.0.0.1/status/1", TestName = "StatusCreate_HttpLoopbackAddress_IsAccepted")]
    [TestCase("http://[::1]/status/1", TestName = "StatusCreate_HttpIpv6Loopback_IsAccepted")]
    public void StatusCreate_HttpOnLoopback_IsAcceptedForTests(string url) =>
        Ok(Mcred.Run(null, "status", "create", "--key", _key, "--url", url, "--out", PathOf("list.json")));
}
