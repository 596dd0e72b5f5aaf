using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Cli;

/// <summary>
/// Every file mcred reads goes through one strict text reader and one JSON reader: invalid UTF-8 is refused with the
/// file, line and column (never signed as U+FFFD), a byte-order mark is accepted, and a member name given twice is
/// refused naming it (never resolved by keeping the last).
/// </summary>
[NonParallelizable]
public class HostileFileCliTests
{
    private string _dir = null!;
    private string _key = null!;

    private static string Model => Shared.Repo("samples", "models", "university-data-science.json");

    [OneTimeSetUp]
    public void MakeKey()
    {
        (_dir, _key) = CliAssert.ScratchWithKey("mcred-hostile-");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The text with its first <paramref name="marker"/> followed by one Latin-1 byte (é), as a legacy editor saves it.</summary>
    private static byte[] WithLatin1Byte(string text, string marker, out long line, out long column)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var before = text[..at];
        line = before.Count(c => c == '\n') + 1;
        column = at - (before.LastIndexOf('\n') + 1) + 1;
        return [.. Encoding.UTF8.GetBytes(before), 0xE9, .. Encoding.UTF8.GetBytes(text[at..])];
    }

    private static void RefusedAt(Mcred.Result r, string path, long line, long column)
    {
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stdout, Is.Empty, "nothing was signed");
        Assert.That(r.Stderr, Does.Contain(path).And.Contain($"not valid UTF-8 at line {line}, column {column}"), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void Issue_ModelWithInvalidUtf8_Exit2_NamesFileLineAndColumn()
    {
        var model = Write("latin1-model.json", WithLatin1Byte(File.ReadAllText(Model), "\"en\": \"", out var line, out var column));
        RefusedAt(Mcred.Run(null, "issue", "--in", model, "--key", _key), model, line, column);
    }

    [Test]
    public void Issue_KeyFileWithInvalidUtf8_Exit2_NamesFileLineAndColumn()
    {
        var key = Write("latin1-key.json", WithLatin1Byte(File.ReadAllText(_key), "\"controller", out var line, out var column));
        RefusedAt(Mcred.Run(null, "issue", "--in", Model, "--key", key), key, line, column);
    }

    [Test]
    public void Sign_InputWithInvalidUtf8_Exit2_SaysWhere()
    {
        var credential = Write("latin1-vc.json", WithLatin1Byte("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"],\n \"type\": [\"VerifiableCredential\"], \"name\": \"Chlo\"}", "Chlo", out var line, out var column));
        var r = Mcred.Run(null, "sign", "--in", credential, "--proof", "eddsa-jcs-2022", "--key", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain($"not valid UTF-8 at line {line}, column {column}"));
    }

    [Test]
    public void Issue_ModelAndKeyWithBom_Accepted()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        var model = Write("bom-model.json", [.. bom, .. File.ReadAllBytes(Model)]);
        var key = Write("bom-key.json", [.. bom, .. File.ReadAllBytes(_key)]);
        var r = Mcred.Run(null, "issue", "--in", model, "--key", key, "--proof", "eddsa-jcs-2022");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(JsonNode.Parse(r.Stdout)!["proof"], Is.Not.Null);
    }

    [Test]
    public void Issue_ModelWithDuplicateMember_Exit2_NamesIt()
    {
        var text = File.ReadAllText(Model);
        var model = Write("twice-model.json", Encoding.UTF8.GetBytes("{\n  \"title\": \"Not the course\"," + text.TrimStart()[1..]));
        var r = Mcred.Run(null, "issue", "--in", model, "--key", _key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stdout, Is.Empty, "nothing was signed with one of the two titles");
        Assert.That(r.Stderr, Does.Contain("\"title\" twice"));
    }

    [TestCase("issue", TestName = "Issue_KeyFileWithDuplicateMember_Exit2_NamesIt")]
    [TestCase("sign", TestName = "Sign_KeyFileWithDuplicateMember_Exit2_NamesIt")]
    public void KeyFileWithDuplicateMember_Exit2_NamesIt(string command)
    {
        var key = Write(command + "-twice-key.json", Encoding.UTF8.GetBytes("{\"did\": \"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\"," + File.ReadAllText(_key).TrimStart()[1..]));
        var input = command == "issue" ? Model : Write("vc.json", Encoding.UTF8.GetBytes("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiableCredential\"], \"issuer\": \"did:example:issuer\", \"credentialSubject\": {\"id\": \"did:example:learner\"}}"));
        var r = command == "issue"
            ? Mcred.Run(null, "issue", "--in", input, "--key", key)
            : Mcred.Run(null, "sign", "--in", input, "--proof", "eddsa-jcs-2022", "--key", key);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain(key).And.Contain("\"did\" twice"));
    }

    [TestCase("sign", TestName = "Sign_InputWithDuplicateMember_Exit2_NamesIt")]
    [TestCase("present", TestName = "Present_InputWithDuplicateMember_Exit2_NamesIt")]
    [TestCase("canonicalize", TestName = "Canonicalize_InputWithDuplicateMember_Exit2_NamesIt")]
    public void InputWithDuplicateMember_Exit2_NamesIt(string command)
    {
        var input = Write(command + "-twice.json", Encoding.UTF8.GetBytes("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"],\n \"type\": [\"VerifiableCredential\"], \"issuer\": \"did:example:a\", \"issuer\": \"did:example:b\", \"credentialSubject\": {}}"));
        var r = command switch
        {
            "sign" => Mcred.Run(null, "sign", "--in", input, "--proof", "eddsa-jcs-2022", "--key", _key),
            "present" => Mcred.Run(null, "present", "--in", input, "--key", _key, "--challenge", "c", "--domain", "d"),
            _ => Mcred.Run(null, "canonicalize", "--jcs", "--in", input),
        };
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("member \"issuer\" twice").And.Contain("line 2"), r.ToString());
    }
}
