namespace MicroCredentials.VC.Tests.Cli;

/// <summary>Issue 11, "clear words": exit codes that mean what the README says, and messages a user understands.</summary>
[NonParallelizable]
public class ClearWordsCliTests
{
    private string _dir = null!;
    private string _key = null!;

    [OneTimeSetUp]
    public void MakeKey()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mcred-words-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _key = Path.Combine(_dir, "key.json");
        var r = Mcred.Run(null, "keygen", "--out", _key);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [TestCase("eyJhbGciOiJFZERTQSJ9.eyJ9", TestName = "Verify_TwoPartToken_ExitsTwo")]
    [TestCase("YWJj.eyJ9.abc", TestName = "Verify_TokenWithABadHeader_ExitsTwo")]
    [TestCase("a.b.c.d", TestName = "Verify_FourPartToken_ExitsTwo")]
    [TestCase("{\"oops\"", TestName = "Verify_MalformedJson_ExitsTwoAsWell")]
    public void Verify_UnusableInput_ExitsTwo(string input)
    {
        var r = Mcred.Run(input, "verify");
        Assert.That(r.ExitCode, Is.EqualTo(2), "unusable input is exit 2, like malformed JSON: " + r);
        Assert.That(r.Stderr, Does.Contain("cannot be read"));
    }

    [TestCase("eyJhbGciOiJFZERTQSJ9.eyJ9")]
    [TestCase("a.b.c.d")]
    public void Verify_TokenWithTheWrongNumberOfParts_SaysSo(string input)
    {
        var r = Mcred.Run(input, "verify");
        Assert.That(r.Stderr, Does.Contain("not a well-formed compact JWS/JWT"), r.ToString());
        Assert.That(r.Stderr, Does.Contain("three").And.Contains("five"), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("well-formed JSON"), "a token is not reported as malformed JSON: " + r);
    }
}
