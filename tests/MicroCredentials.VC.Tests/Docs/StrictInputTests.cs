using System.Text;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Docs;

/// <summary>
/// The one strict text reader (<see cref="StrictText"/>) and the one JSON reader (<see cref="JsonInput"/>) every file goes
/// through: invalid UTF-8 is refused with its line and column, never turned into U+FFFD; a member name given twice is
/// refused with its name, never resolved by keeping the last.
/// </summary>
public class StrictInputTests
{
    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : [(byte)(int)p])];

    [TestCase(new byte[] { 0x61, 0x0A, 0x43, 0x68, 0x6C, 0x6F, 0xE9, 0x20 }, 2, 5, 7, TestName = "FindInvalidUtf8_Latin1Accent_LineAndColumn")]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xFF }, 1, 2, 5, TestName = "FindInvalidUtf8_AfterBom_BomIsNoColumn")]
    [TestCase(new byte[] { 0xC3, 0xA9, 0xC0, 0x80 }, 1, 2, 3, TestName = "FindInvalidUtf8_Overlong_Refused")]
    [TestCase(new byte[] { 0x61, 0xED, 0xA0, 0x80 }, 1, 2, 2, TestName = "FindInvalidUtf8_EncodedSurrogate_Refused")]
    [TestCase(new byte[] { 0x61, 0x62, 0xE2, 0x82 }, 1, 3, 3, TestName = "FindInvalidUtf8_TruncatedAtTheEnd_Refused")]
    [TestCase(new byte[] { 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x90, 0x80, 0x80 }, 1, 2, 5, TestName = "FindInvalidUtf8_BeyondU10FFFF_Refused")]
    public void FindInvalidUtf8_Refuses(byte[] bytes, long line, long column, long at)
    {
        Assert.That(StrictText.FindInvalidUtf8(bytes), Is.EqualTo(new TextPosition(line, column, at)));
        Assert.That(StrictText.TryDecodeUtf8(bytes, out var text, out _), Is.False);
        Assert.That(text, Is.Null);
    }

    [Test]
    public void TryDecodeUtf8_ValidWithBom_DecodesWithoutTheBom()
    {
        Assert.That(StrictText.TryDecodeUtf8(Bytes(0xEF, 0xBB, 0xBF, "Chloé Dubois 😀\n"), out var text, out var at), Is.True, at.ToString());
        Assert.That(text, Is.EqualTo("Chloé Dubois 😀\n"));
    }

    [Test]
    public void TextValidator_FedInPieces_FindsTheSamePosition()
    {
        var bytes = Bytes("line one\nChlo", 0xC3, 0xA9, " ok\n", "ab", 0xE2, 0x82, "x");
        var validator = TextValidator.ForUtf8();
        var ok = true;
        foreach (var b in bytes)
        {
            ok = validator.Feed([b]);
            if (!ok)
            {
                break;
            }
        }

        Assert.That(ok, Is.False);
        Assert.That(validator.Error, Is.EqualTo(StrictText.FindInvalidUtf8(bytes)));
        Assert.That(validator.Error, Is.EqualTo(new TextPosition(3, 3, 22)));
    }

    [Test]
    public void JsonInput_InvalidUtf8_SaysWhere()
    {
        Assert.That(JsonInput.TryParse(Bytes("{\n \"a\": \"Chlo", 0xE9, "\"}"), 1024, 8, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo("json.invalidUtf8"));
        Assert.That(problem.Message, Does.Contain("line 2, column 12"));
    }

    [Test]
    public void JsonInput_DuplicateName_NamesTheMemberAndLine()
    {
        Assert.That(JsonInput.TryParse(Bytes("{\"a\": {\"b\": 1},\n \"b\": 2, \"c\": {\"x\": 1, \"x\": 2}}"), 1024, 8, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo("json.malformed"));
        Assert.That(problem.Message, Does.Contain("member \"x\" twice").And.Contain("line 2"));
        Assert.That(JsonInput.IsDuplicateName(problem), Is.True);
    }

    [Test]
    public void ModelJson_DuplicateMember_RefusedNamingIt()
    {
        var model = File.ReadAllText(Shared.Repo("samples", "models", "university-data-science.json"));
        var twice = "{\n  \"title\": \"Something else\"," + model.TrimStart()[1..];
        Assert.That(MicroCredentialJson.TryParse(model, out _, out var problem), Is.True, problem?.ToString());
        Assert.That(MicroCredentialJson.TryParse(twice, out var parsed, out problem), Is.False, "the last title was kept: " + parsed?.Title);
        Assert.That(problem!.Code, Is.EqualTo("model.malformed"));
        Assert.That(problem.Message, Does.Contain("\"title\" twice"));
    }

    [Test]
    public void ModelJson_CommentsAndTrailingCommas_StillAccepted()
    {
        var model = File.ReadAllText(Shared.Repo("samples", "models", "university-data-science.json"));
        var commented = "// a hand-written model\n" + model.TrimEnd()[..^1].TrimEnd() + ",\n}";
        Assert.That(MicroCredentialJson.TryParse(commented, out _, out var problem), Is.True, problem?.ToString());
    }

    [Test]
    public void KeyFile_DuplicateDid_RefusedNamingIt()
    {
        using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var file = KeyFile.Create(key);
        var twice = "{\"did\": \"did:key:z6MkOther\"," + file.TrimStart()[1..];
        Assert.That(KeyFile.TryLoad(file, out var loaded, out var error), Is.True, error);
        loaded!.Dispose();
        Assert.That(KeyFile.TryLoad(twice, out loaded, out error), Is.False, "the key loaded with one of two DIDs");
        Assert.That(error, Does.Contain("\"did\" twice"));
        Assert.That(error, Does.Not.Contain(file[(file.IndexOf("z3u2", StringComparison.Ordinal))..][..20]), "no secret in the message");
    }

    [Test]
    public void JoseSigningKey_DuplicateMember_RefusedNamingIt()
    {
        using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
        var jwk = key.ExportPrivateJwk().ToJsonString();
        var twice = "{\"kty\": \"OKP\"," + jwk[1..];
        var ex = Assert.Throws<FormatException>(() => JoseSigningKey.Import(twice).Dispose());
        Assert.That(ex!.Message, Does.Contain("\"kty\" twice"));
    }

    [Test]
    public void DidJwk_DuplicateMember_RefusedNamingIt()
    {
        var jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"crv\":\"X25519\"}";
        var did = "did:jwk:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(jwk)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.That(DidJwk.TryResolveDocument(did, out _, out var problem), Is.False);
        Assert.That(problem!.Message, Does.Contain("\"crv\" twice"));
    }

    [Test]
    public void EdcReader_SealPayloadWithDuplicateMember_NotRead()
    {
        var seal = new System.Text.Json.Nodes.JsonObject { ["payload"] = "{\"type\": [\"VerifiableCredential\"], \"type\": [\"x\"]}", ["signatures"] = new System.Text.Json.Nodes.JsonArray() };
        Assert.That(MicroCredentials.VC.Profiles.EdcReader.Unwrap(seal, out var wrapped), Is.Null);
        Assert.That(wrapped, Is.True);
    }
}
