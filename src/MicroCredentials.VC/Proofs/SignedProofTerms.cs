using System.Text.Json.Nodes;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// For a suite that signs the RDF dataset, the proof's JSON members that verification reads (verification method,
/// purpose, dates, challenge, domain) must say what the signed proof configuration says, by IRI: a term the document's
/// context aliases to one of them (so that a reader of the JSON would miss a <c>challenge</c> or an <c>expires</c>)
/// makes the proof fail.
/// </summary>
internal static class SignedProofTerms
{
    private const string Sec = "https://w3id.org/security#";

    private static readonly (string Member, string Iri, bool Purpose)[] Terms =
    [
        ("verificationMethod", Sec + "verificationMethod", false),
        ("proofPurpose", Sec + "proofPurpose", true),
        ("created", "http://purl.org/dc/terms/created", false),
        ("expires", Sec + "expiration", false),
        ("challenge", Sec + "challenge", false),
        ("domain", Sec + "domain", false),
        ("nonce", Sec + "nonce", false),
        ("previousProof", Sec + "previousProof", false),
        ("cryptosuite", Sec + "cryptosuite", false),
    ];

    /// <summary>The first disagreement between the proof's JSON members and its signed configuration, or null.</summary>
    /// <param name="proof">The proof without <c>proofValue</c>.</param>
    /// <param name="signed">The proof configuration's quads.</param>
    /// <returns>The problem, or null.</returns>
    public static Problem? Disagreement(JsonObject proof, IReadOnlyList<Quad> signed)
    {
        // The configuration is one node (the proof) in the default graph; a handful of quads.
        List<string>? inData = null;
        foreach (var (member, iri, purpose) in Terms)
        {
            inData?.Clear();
            foreach (var q in signed)
            {
                if (q.Graph is null && string.Equals(q.Predicate.Value, iri, StringComparison.Ordinal))
                {
                    (inData ??= []).Add(purpose ? Purpose(q.Object.Value) : q.Object.Value);
                }
            }

            var node = proof[member];
            var signedCount = inData?.Count ?? 0;
            if (node is null && signedCount == 0)
            {
                continue;
            }

            if (node is JsonValue v && v.TryGetValue(out string? one) && signedCount == 1 && string.Equals(one, inData![0], StringComparison.Ordinal))
            {
                continue;
            }

            var inJson = Values(node);
            inData?.Sort(StringComparer.Ordinal);
            if (inJson.SequenceEqual(inData ?? [], StringComparer.Ordinal))
            {
                continue;
            }

            return inJson.Count == 0
                ? new Problem("context.nonStandardTerm", $"The signed proof has a {member}, but the proof's JSON does not show it under the member name '{member}': it was reached through a non-standard term.")
                : new Problem("context.viewMismatch", $"The proof's {member} in the JSON is not what was signed.");
        }

        return null;
    }

    /// <summary>The proof purpose a signed purpose IRI stands for (the contexts map <c>authentication</c> to <c>sec:authenticationMethod</c>).</summary>
    private static string Purpose(string iri) => iri switch
    {
        Sec + "authenticationMethod" => "authentication",
        Sec + "capabilityInvocationMethod" => "capabilityInvocation",
        Sec + "capabilityDelegationMethod" => "capabilityDelegation",
        Sec + "keyAgreementMethod" => "keyAgreement",
        _ when iri.StartsWith(Sec, StringComparison.Ordinal) => iri[Sec.Length..],
        _ => iri,
    };

    private static List<string> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonValue v when v.TryGetValue(out string? s) => [s],
        JsonArray a => [.. a.Select(x => x is JsonValue xv && xv.TryGetValue(out string? s) ? s : "\u0000").Order(StringComparer.Ordinal)],
        _ => ["\u0000"],
    };
}
