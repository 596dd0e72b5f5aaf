using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.TestSupport;

/// <summary>The vp+jwt holder proof as the verifier sees it: the mechanism's evidence, judged against the options.</summary>
internal static class TokenPresentation
{
    public static async Task<(PresentationProofOutcome? Outcome, string? Code, string? Detail)> VerifyAsync(string token, VerificationOptions options, CancellationToken cancellationToken)
    {
        var evidence = await JoseSecuring.VerifyPresentationCompactAsync(token, options.Environment, cancellationToken);
        return evidence.Document is null
            ? (null, evidence.Unreadable!.Code, evidence.Unreadable.Message)
            : (PresentationVerification.FromToken(evidence, options), null, null);
    }
}
