using System.Text.Json.Nodes;

namespace MicroCredentials.VC.Verification;

/// <summary>What verifying a presentation's own securing (a Data Integrity proof or a vp+jwt) established.</summary>
/// <param name="Presentation">The presentation (a JWT's <c>vp</c> payload for vp+jwt).</param>
/// <param name="Mechanism">E.g. <c>eddsa-rdfc-2022</c>, <c>vp+jwt</c>.</param>
/// <param name="Signature">The holder's proof: verified with the key it names, purpose <c>authentication</c>, challenge and domain as asked.</param>
/// <param name="HolderController">The controller (DID) of the key that signed the presentation, when it verified.</param>
/// <param name="Credentials">The credentials inside: JSON objects (Data Integrity, JAdES) or strings (compact JWS, enveloped).</param>
internal sealed record PresentationProofOutcome(JsonObject Presentation, string Mechanism, CheckResult Signature, string? HolderController, IReadOnlyList<JsonNode> Credentials);

/// <summary>Verifiable presentations: the holder's proof, challenge and domain, then every credential inside.</summary>
internal static class PresentationVerification
{
    /// <summary>Verifies a presentation secured with Data Integrity. Not implemented yet: the format check fails with a reason.</summary>
    public static ValueTask<VerificationReport> VerifyAsync(JsonObject presentation, CredentialVerifier verifier, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CredentialVerifier.Unreadable("format.presentationNotSupported", "Verifiable presentations are not verified by this version yet."));

    /// <summary>
    /// Builds the presentation's report from its verified securing (shared by Data Integrity and vp+jwt presentations):
    /// the presentation's checks (format, signature, learner: holder controls each subject) and one report per credential.
    /// Not implemented yet.
    /// </summary>
    public static ValueTask<VerificationReport> AssembleAsync(PresentationProofOutcome outcome, CredentialVerifier verifier, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CredentialVerifier.Unreadable("format.presentationNotSupported", "Verifiable presentations are not verified by this version yet."));
}
