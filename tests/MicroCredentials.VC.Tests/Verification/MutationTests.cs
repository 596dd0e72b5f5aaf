using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Verification;

/// <summary>
/// Random mutations of a signed EDC credential (values changed, members removed or added, types swapped, proofs
/// damaged): verification never throws, always reports all ten checks, and never says verified for a changed document.
/// </summary>
public class MutationTests
{
    private const int Mutations = 250;

    [TestCase("eddsa-rdfc-2022", TestName = "RandomMutations_NeverCrash_NeverVerify_rdfc")]
    [TestCase("eddsa-jcs-2022", TestName = "RandomMutations_NeverCrash_NeverVerify_jcs")]
    public async Task RandomMutations_NeverCrash_NeverVerify(string suiteName)
    {
        using var key = Ed25519SigningKey.FromSeed(new byte[32]);
        var suite = suiteName == "eddsa-jcs-2022" ? Cryptosuites.EdDsaJcs2022 : Cryptosuites.EdDsaRdfc2022;
        var issued = await CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = suite }).IssueAsync(MicroCredentialTests.LoadSample("university-data-science"));
        var original = issued.Credential!;
        var verifier = new CredentialVerifier();
        Assert.That((await verifier.VerifyAsync(original)).Verified, Is.True);

        var random = new Random(4711);
        var verifiedAfterChange = new List<string>();
        for (var i = 0; i < Mutations; i++)
        {
            var doc = (JsonObject)original.DeepClone();
            var description = Mutate(doc, random);
            if (JsonNode.DeepEquals(doc, original))
            {
                continue;
            }

            VerificationReport report;
            try
            {
                report = await verifier.VerifyAsync(doc.ToJsonString());
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} ({description}) made verification throw {ex.GetType().Name}: {ex.Message}");
                return;
            }

            Assert.That(report.Checks, Has.Count.EqualTo(10), description);
            if (report.Verified && !await SignedDataEqual(suite, doc, original))
            {
                verifiedAfterChange.Add(description);
            }
        }

        Assert.That(verifiedAfterChange, Is.Empty);
    }

    /// <summary>
    /// Whether the mutation left the signed data unchanged. For JCS that is the JSON itself. For RDFC it is the RDF
    /// dataset: EDC repeats nodes (the awarding body under issuer, awardedBy, provenBy, with one id), and RDF merges a
    /// node's descriptions, so removing a property from one copy changes the JSON but not the signed graph. Nothing
    /// can be added or altered that way, only duplicated JSON removed — readers must merge nodes by id.
    /// </summary>
    private static async Task<bool> SignedDataEqual(ICryptosuite suite, JsonObject a, JsonObject b)
    {
        if (suite == Cryptosuites.EdDsaJcs2022)
        {
            return VC.Canonicalization.JsonCanonicalizer.CanonicalizeToString(DataIntegrity.WithoutProof(a)) == VC.Canonicalization.JsonCanonicalizer.CanonicalizeToString(DataIntegrity.WithoutProof(b));
        }

        try
        {
            var options = new VC.JsonLd.JsonLdOptions { SafeMode = true };
            var qa = await VC.JsonLd.JsonLdProcessor.ToRdfAsync(DataIntegrity.WithoutProof(a), options);
            var qb = await VC.JsonLd.JsonLdProcessor.ToRdfAsync(DataIntegrity.WithoutProof(b), options);
            return VC.Rdf.Rdfc10.Canonicalize(qa).CanonicalNQuads == VC.Rdf.Rdfc10.Canonicalize(qb).CanonicalNQuads;
        }
        catch (VC.JsonLd.JsonLdException)
        {
            return false;
        }
    }

    private static string Mutate(JsonObject doc, Random r)
    {
        var nodes = new List<(JsonNode Parent, string? Key, int Index, string Path)>();
        Collect(doc, "$", nodes);
        var (parent, key, index, path) = nodes[r.Next(nodes.Count)];
        var kind = r.Next(6);
        JsonNode? replacement = kind switch
        {
            0 => "tampered",
            1 => 42,
            2 => null,
            3 => new JsonArray(),
            4 => new JsonObject { ["@id"] = "urn:x" },
            _ => true,
        };
        if (parent is JsonObject o && key is not null)
        {
            if (r.Next(4) == 0)
            {
                o.Remove(key);
                return "removed " + path;
            }

            o[key] = replacement;
            return $"set {path} to {replacement?.ToJsonString() ?? "null"}";
        }

        var a = (JsonArray)parent;
        if (r.Next(3) == 0)
        {
            a.RemoveAt(index);
            return "removed " + path;
        }

        a[index] = replacement;
        return $"set {path} to {replacement?.ToJsonString() ?? "null"}";
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string)> into)
    {
        if (node is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                into.Add((o, k, -1, path + "." + k));
                if (v is not null)
                {
                    Collect(v, path + "." + k, into);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                into.Add((a, null, i, $"{path}[{i}]"));
                if (a[i] is { } child)
                {
                    Collect(child, $"{path}[{i}]", into);
                }
            }
        }
    }
}
