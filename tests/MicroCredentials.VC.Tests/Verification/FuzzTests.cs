using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Rdf;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Verification;

/// <summary>
/// Hostile-input property test: 10,000 seeded mutations of signed credentials — of the JSON's structure, of its
/// JSON-LD terms (inline aliases of standard IRIs, <c>@included</c>, <c>@vocab</c>, redefinitions), of its numbers
/// (beyond the double range, huge integers, negative zero) and of its bytes (invalid UTF-8, byte-order marks, lone
/// surrogates, NUL). Verification never throws, always reports all ten checks, and says verified only when the signed
/// data is unchanged (the canonical JSON for JCS, the canonical RDF dataset for RDFC).
/// </summary>
public class FuzzTests
{
    private const int Cases = 10_000;

    private static readonly string[] StandardIris =
    [
        "https://www.w3.org/2018/credentials#credentialStatus",
        "https://www.w3.org/2018/credentials#validUntil",
        "https://www.w3.org/2018/credentials#validFrom",
        "https://www.w3.org/2018/credentials#issuer",
        "https://www.w3.org/2018/credentials#credentialSubject",
        "https://w3id.org/security#expiration",
        "https://w3id.org/security#challenge",
        "https://schema.org/name",
    ];

    private static readonly JsonNode[] Numbers = [JsonNode.Parse("1e400")!, JsonNode.Parse("-1e400")!, JsonNode.Parse("1e-400")!, JsonNode.Parse("123456789012345678901234567890")!, JsonNode.Parse("-0")!, JsonNode.Parse("0.1e1")!, JsonNode.Parse("1E2")!, JsonNode.Parse("1e-7")!];

    [Test]
    public async Task TenThousandMutations_NeverCrash_NeverVerifyTampering()
    {
        using var key = Ed25519SigningKey.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var originals = new List<(ICryptosuite Suite, JsonObject Credential)>();
        foreach (var suite in new ICryptosuite[] { Cryptosuites.EdDsaRdfc2022, Cryptosuites.EdDsaJcs2022 })
        {
            var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = suite, Created = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero) });
            var vc = CredentialVerifierTests.Vc2(issuer.IssuerId, validUntil: "2030-01-01T00:00:00Z");
            vc["credentialSubject"]!["score"] = 42;
            vc["credentialSubject"]!["tags"] = new JsonArray("a", "b", "c");
            originals.Add((suite, await issuer.SignAsync(vc)));
        }

        var verifier = new CredentialVerifier(new VerificationOptions { TimeProvider = new FixedTimeProvider(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)) });
        foreach (var (_, credential) in originals)
        {
            Assert.That((await verifier.VerifyAsync(credential)).Verified, Is.True);
        }

        var random = new Random(20261204);
        var tampered = new List<string>();
        var families = new int[4];
        for (var i = 0; i < Cases; i++)
        {
            var (suite, original) = originals[i % originals.Count];
            var family = random.Next(4);
            families[family]++;
            var doc = (JsonObject)original.DeepClone();
            byte[] input;
            string description;
            switch (family)
            {
                case 0:
                    description = MutateStructure(doc, random);
                    input = Encoding.UTF8.GetBytes(doc.ToJsonString());
                    break;
                case 1:
                    description = MutateTerms(doc, random);
                    input = Encoding.UTF8.GetBytes(doc.ToJsonString());
                    break;
                case 2:
                    description = MutateNumber(doc, random);
                    input = Encoding.UTF8.GetBytes(doc.ToJsonString());
                    break;
                default:
                    (input, description) = MutateBytes(Encoding.UTF8.GetBytes(original.ToJsonString()), random);
                    break;
            }

            VerificationReport report;
            try
            {
                report = await verifier.VerifyAsync(input);
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} ({description}) made verification throw {ex.GetType().Name}: {ex.Message}");
                return;
            }

            Assert.That(report.Checks, Has.Count.EqualTo(10), description);
            if (report.Verified && !await SignedDataEqual(suite, report.Document, original))
            {
                tampered.Add($"case {i}: {description}");
            }
        }

        Assert.That(families, Has.All.GreaterThan(Cases / 5), "every family is exercised");
        Assert.That(tampered, Is.Empty, "verified although the signed data changed");
    }

    /// <summary>Whether the verified document signs the same data as the original (a JCS document is its JSON; an RDFC one its dataset).</summary>
    private static async Task<bool> SignedDataEqual(ICryptosuite suite, JsonObject? verified, JsonObject original)
    {
        if (verified is null)
        {
            return false;
        }

        try
        {
            var options = new JsonLdOptions { SafeMode = true };
            var a = await JsonLdProcessor.ToRdfAsync(DataIntegrity.WithoutProof(verified), options);
            var b = await JsonLdProcessor.ToRdfAsync(DataIntegrity.WithoutProof(original), options);
            var sameDataset = Rdfc10.Canonicalize(a).CanonicalNQuads == Rdfc10.Canonicalize(b).CanonicalNQuads;
            if (suite != Cryptosuites.EdDsaJcs2022)
            {
                return sameDataset;
            }

            // eddsa-jcs-2022 signs the JSON with the proof's @context; contexts appended after it are unsigned and
            // must not change the meaning.
            var asSigned = DataIntegrity.WithoutProof(verified);
            asSigned["@context"] = original["@context"]!.DeepClone();
            return sameDataset && JsonCanonicalizer.CanonicalizeToString(asSigned) == JsonCanonicalizer.CanonicalizeToString(DataIntegrity.WithoutProof(original));
        }
        catch (JsonLdException)
        {
            return false;
        }
    }

    private static string MutateStructure(JsonObject doc, Random r)
    {
        var nodes = Nodes(doc);
        var (parent, key, index, path) = nodes[r.Next(nodes.Count)];
        JsonNode? replacement = r.Next(6) switch
        {
            0 => "tampered",
            1 => 7,
            2 => null,
            3 => new JsonArray(),
            4 => new JsonObject { ["id"] = "urn:x" },
            _ => false,
        };
        if (parent is JsonObject o && key is not null)
        {
            switch (r.Next(3))
            {
                case 0:
                    o.Remove(key);
                    return "removed " + path;
                case 1:
                    var value = o[key]?.DeepClone();
                    o.Remove(key);
                    o[key + "X"] = value;
                    return "renamed " + path;
                default:
                    o[key] = replacement;
                    return $"set {path} to {replacement?.ToJsonString() ?? "null"}";
            }
        }

        var a = (JsonArray)parent;
        if (r.Next(2) == 0)
        {
            a.Add(a[index]?.DeepClone());
            return "duplicated " + path;
        }

        a[index] = replacement;
        return $"set {path} to {replacement?.ToJsonString() ?? "null"}";
    }

    private static string MutateTerms(JsonObject doc, Random r)
    {
        var context = (JsonArray)doc["@context"]!;
        var members = doc.Select(p => p.Key).Where(k => !k.StartsWith('@')).ToList();
        var member = members[r.Next(members.Count)];
        var iri = StandardIris[r.Next(StandardIris.Length)];
        switch (r.Next(5))
        {
            case 0:
                // An alias of a standard IRI, the member renamed to it.
                context.Add(new JsonObject { ["alias"] = new JsonObject { ["@id"] = iri, ["@type"] = r.Next(2) == 0 ? "@id" : "http://www.w3.org/2001/XMLSchema#dateTime" } });
                var value = doc[member]?.DeepClone();
                doc.Remove(member);
                doc["alias"] = value;
                return $"aliased {member} as {iri}";
            case 1:
                // The member moved into an @included description of the same node.
                var moved = doc[member]?.DeepClone();
                doc.Remove(member);
                doc["@included"] = new JsonArray(new JsonObject { ["id"] = (string?)doc["id"] ?? "urn:x", [member] = moved });
                return $"moved {member} into @included";
            case 2:
                context.Add(new JsonObject { ["@vocab"] = "https://example.org/vocab#" });
                doc["undefined" + r.Next(100)] = "x";
                return "added @vocab and an undefined term";
            case 3:
                context.Add(new JsonObject { [member] = new JsonObject { ["@id"] = iri } });
                return $"redefined {member} as {iri}";
            default:
                context.Insert(0, new JsonObject { ["@protected"] = true, [member] = iri });
                return $"context before the base context, {member} as {iri}";
        }
    }

    private static string MutateNumber(JsonObject doc, Random r)
    {
        var nodes = Nodes(doc);
        var (parent, key, index, path) = nodes[r.Next(nodes.Count)];
        var number = Numbers[r.Next(Numbers.Length)].DeepClone();
        if (parent is JsonObject o && key is not null)
        {
            o[key] = number;
        }
        else
        {
            ((JsonArray)parent)[index] = number;
        }

        return $"set {path} to {number.ToJsonString()}";
    }

    private static (byte[] Bytes, string Description) MutateBytes(byte[] bytes, Random r)
    {
        var list = bytes.ToList();
        var at = r.Next(list.Count);
        switch (r.Next(5))
        {
            case 0:
                list[at] = 0xFF;
                return ([.. list], $"byte {at} set to 0xFF");
            case 1:
                list.InsertRange(at, [0xC0, 0xAF]);
                return ([.. list], $"overlong sequence at {at}");
            case 2:
                list.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                return ([.. list], "byte-order mark");
            case 3:
                var quote = list.IndexOf((byte)'"', at);
                list.InsertRange(quote < 0 ? at : quote + 1, "\\ud800"u8.ToArray());
                return ([.. list], $"lone surrogate escape near {at}");
            default:
                var q = list.IndexOf((byte)'"', at);
                list.InsertRange(q < 0 ? at : q + 1, "\\u0000"u8.ToArray());
                return ([.. list], $"NUL escape near {at}");
        }
    }

    private static List<(JsonNode Parent, string? Key, int Index, string Path)> Nodes(JsonObject doc)
    {
        var nodes = new List<(JsonNode, string?, int, string)>();
        void Collect(JsonNode node, string path)
        {
            if (node is JsonObject o)
            {
                foreach (var (k, v) in o)
                {
                    nodes.Add((o, k, -1, path + "." + k));
                    if (v is not null)
                    {
                        Collect(v, path + "." + k);
                    }
                }
            }
            else if (node is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    nodes.Add((a, null, i, $"{path}[{i}]"));
                    if (a[i] is { } child)
                    {
                        Collect(child, $"{path}[{i}]");
                    }
                }
            }
        }

        Collect(doc, "$");
        return nodes;
    }
}
