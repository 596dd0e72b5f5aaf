using System.Text;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Resources;
using MicroCredentials.VC.Status;

namespace MicroCredentials.VC.Tests.Docs;

/// <summary>
/// One result shape: every <c>Try*</c> failure is a <see cref="Problem"/> with a stable dotted code, and result types
/// say <c>Succeeded</c> and carry their failure as <c>Problem</c>.
/// </summary>
public class ProblemShapeTests
{
    private const string Did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    [Test]
    public void Problem_ToString_IsCodeColonMessage() =>
        Assert.That(new Problem("x.y", "why").ToString(), Is.EqualTo("x.y: why"));

    [Test]
    public void MicroCredentialJson_TooLarge_HasItsOwnCode()
    {
        Assert.That(MicroCredentialJson.TryParse(new string(' ', MicroCredentialJson.MaxLength + 1), out var model, out var problem), Is.False);
        Assert.That(model, Is.Null);
        Assert.That(problem!.Code, Is.EqualTo("model.tooLarge"));
    }

    [Test]
    public void MicroCredentialJson_Null_IsMalformed()
    {
        Assert.That(MicroCredentialJson.TryParse("null", out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo("model.malformed"));
    }

    [TestCase(null, TestName = "DidKey_TryParse_Null_InvalidDid")]
    [TestCase("did:web:example.edu", TestName = "DidKey_TryParse_OtherMethod_InvalidDid")]
    [TestCase("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", TestName = "DidKey_TryParse_Secp256k1_InvalidDid")]
    public void DidKey_TryParse_Failures(string? did)
    {
        Assert.That(DidKey.TryParse(did, out var key, out var problem), Is.False);
        Assert.That(key, Is.Null);
        Assert.That(problem!.Code, Is.EqualTo(DidCodes.InvalidDid));
        Assert.That(problem.Message, Is.Not.Empty);
    }

    [Test]
    public async Task DidKeyResolver_Invalid_IsAResult_WithTheParsersReason()
    {
        var result = await DidKeyResolver.Instance.ResolveAsync("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme");
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Document, Is.Null);
        Assert.That(result.Problem!.Code, Is.EqualTo(DidCodes.InvalidDid));
        Assert.That(result.Problem.Message, Does.Contain("only Ed25519"));
    }

    [Test]
    public async Task DidKeyResolver_Valid_SucceedsWithoutProblem()
    {
        var result = await DidKeyResolver.Instance.ResolveAsync(Did);
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Problem, Is.Null);
        Assert.That((string?)result.Document!["id"], Is.EqualTo(Did));
    }

    [Test]
    public void ResourceResult_FailedAndFound()
    {
        var failed = ResourceResult.Failed("resource.notFound", "nothing there");
        Assert.That(failed.Succeeded, Is.False);
        Assert.That(failed.Problem, Is.EqualTo(new Problem("resource.notFound", "nothing there")));
        var found = ResourceResult.Found(new byte[] { 1 });
        Assert.That(found.Succeeded, Is.True);
        Assert.That(found.Problem, Is.Null);
        Assert.That(new ResourceResult(new byte[] { 1 }, null, new Problem("a.b", "c")).Succeeded, Is.False, "content with a problem is not a success");
    }

    [Test]
    public void VerificationMethodResult_Failed_HasNoMethod()
    {
        var failed = VerificationMethodResult.Failed("signature.keyNotFound", "no such key");
        Assert.That(failed.Succeeded, Is.False);
        Assert.That(failed.Method, Is.Null);
        Assert.That(failed.Problem!.Code, Is.EqualTo("signature.keyNotFound"));
    }

    [TestCase("{\"a\":1,\"a\":2}", "json.malformed", TestName = "JsonInput_DuplicateName_Malformed")]
    [TestCase("null", "json.malformed", TestName = "JsonInput_Null_Malformed")]
    [TestCase("{\"a\":", "json.malformed", TestName = "JsonInput_Truncated_Malformed")]
    [TestCase("{\"a\":\"0123456789\"}", "json.tooLarge", TestName = "JsonInput_OverTheLimit_TooLarge")]
    public void JsonInput_Failures(string json, string code)
    {
        Assert.That(JsonInput.TryParse(Encoding.UTF8.GetBytes(json), 16, 8, out var node, out var problem), Is.False);
        Assert.That(node, Is.Null);
        Assert.That(problem!.Code, Is.EqualTo(code));
    }

    [Test]
    public void JsonInput_InvalidUtf8()
    {
        Assert.That(JsonInput.TryParse([(byte)'"', 0xC3, 0x28, (byte)'"'], 16, 8, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo("json.invalidUtf8"));
    }

    [TestCase("a~b", "signature.unsupportedFormat", TestName = "JwsCompact_SdJwt_Unsupported")]
    [TestCase("a.b.c.d.e", "format.encryptedJwt", TestName = "JwsCompact_Jwe_Encrypted")]
    [TestCase("a.b", "format.malformedJws", TestName = "JwsCompact_TwoSegments_Malformed")]
    [TestCase("e30.!!.c2ln", "format.malformedJws", TestName = "JwsCompact_BadPayload_Malformed")]
    public void JwsCompact_Failures(string token, string code)
    {
        Assert.That(JwsCompact.TryParse(token, out var jws, out var problem), Is.False);
        Assert.That(jws, Is.Null);
        Assert.That(problem!.Code, Is.EqualTo(code));
    }

    [Test]
    public void StatusListAllocation_WrongType_AllocationMalformed()
    {
        Assert.That(StatusListAllocation.TryParse(new System.Text.Json.Nodes.JsonObject { ["type"] = "Other" }, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(StatusCodes.AllocationMalformed));
    }

    [Test]
    public void BitstringStatusListCredential_NotAList_UsesStatusCodes()
    {
        Assert.That(BitstringStatusListCredential.TryRead(new System.Text.Json.Nodes.JsonObject { ["type"] = "VerifiableCredential" }, out _, out var problem), Is.False);
        Assert.That(problem!.Code, Is.EqualTo(StatusCodes.NotAStatusList));
    }
}
