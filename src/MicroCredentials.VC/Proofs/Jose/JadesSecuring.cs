using System.Text.Json.Nodes;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>JAdES e-seals (JWS JSON serialization, unencoded payload) as Europass EDC issues them.</summary>
internal static class JadesSecuring
{
    /// <summary>Verifies a JAdES-sealed credential. Not implemented yet: the signature check fails with a reason.</summary>
    public static ValueTask<SecuringOutcome> VerifyAsync(JsonObject seal, VerificationOptions options, CancellationToken cancellationToken)
    {
        JsonObject? payload = null;
        if (seal["payload"] is JsonValue v && v.TryGetValue(out string? text))
        {
            try
            {
                payload = JsonNode.Parse(text) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                payload = null;
            }
        }

        return ValueTask.FromResult(new SecuringOutcome(
            payload,
            "jades",
            CheckResult.Fail(VerificationCheck.Signature, "signature.unsupportedFormat", "JAdES seals are not verified by this version yet."),
            CheckResult.Skip(VerificationCheck.Issuer, "format.unsupported", "Not checked: the seal is not verified by this version yet."),
            null,
            []));
    }
}
