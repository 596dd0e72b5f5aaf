using System.Text.Json.Nodes;
using MicroCredentials.VC.Canonicalization;

namespace MicroCredentials.VC.Proofs;

/// <summary>The JCS transformation the <c>*-jcs-*</c> suites share (eddsa-jcs-2022, ecdsa-jcs-2019): RFC 8785 of the document and of the proof configuration.</summary>
internal static class JcsTransform
{
    /// <summary>The canonical bytes of a document.</summary>
    public static ValueTask<byte[]> CanonicalizeAsync(JsonObject document) => ValueTask.FromResult(JsonCanonicalizer.Canonicalize(document));

    /// <summary>The canonical bytes of a document, without its <c>proof</c> member when asked.</summary>
    public static ValueTask<byte[]> CanonicalizeDocumentAsync(JsonObject document, bool ignoreProofMember) =>
        ValueTask.FromResult(ignoreProofMember ? JsonCanonicalizer.CanonicalizeWithout(document, "proof") : JsonCanonicalizer.Canonicalize(document));

    /// <summary>SHA-256 of both canonical forms written straight into <paramref name="hashData"/> (configuration first), without the intermediate bytes.</summary>
    public static bool HashSha256(JsonObject document, bool ignoreProofMember, JsonObject proofConfiguration, byte[] hashData)
    {
        JsonCanonicalizer.Sha256(proofConfiguration, null, hashData.AsSpan(0, 32));
        JsonCanonicalizer.Sha256(document, ignoreProofMember ? "proof" : null, hashData.AsSpan(32, 32));
        return true;
    }
}
