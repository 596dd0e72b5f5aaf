using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;

namespace MicroCredentials.VC.Tests.Canonicalization;

public class CanonicalizeWithoutTests
{
    [TestCase("""{"proof":{"a":1}}""", TestName = "Without_OnlyMember_IsEmptyObject")]
    [TestCase("""{"a":1,"proof":2,"z":[3]}""", TestName = "Without_MiddleMember")]
    [TestCase("""{"proof":2,"zz":{"proof":1}}""", TestName = "Without_OnlyTopLevelIsLeftOut")]
    [TestCase("""{"b":"x","a":"y"}""", TestName = "Without_AbsentMember_IsPlainJcs")]
    [TestCase("""{"~":1,"proof":[1,2],"@context":"c"}""", TestName = "Without_KeepsSortOrder")]
    public void CanonicalizeWithout_EqualsCanonicalizingACopyWithoutTheMember(string json)
    {
        var doc = (JsonObject)JsonNode.Parse(json)!;
        var before = doc.ToJsonString();
        var copy = (JsonObject)doc.DeepClone();
        copy.Remove("proof");
        Assert.That(JsonCanonicalizer.CanonicalizeWithout(doc, "proof"), Is.EqualTo(JsonCanonicalizer.Canonicalize(copy)));
        Assert.That(doc.ToJsonString(), Is.EqualTo(before), "the input is not modified");
    }
}
