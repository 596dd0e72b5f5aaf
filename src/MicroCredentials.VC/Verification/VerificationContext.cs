using System.Text.Json.Nodes;
using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Verification;

/// <summary>
/// What every check of one credential reads: the options, the securing mechanism's evidence, and the view of the
/// credential taken from what its signature covers. Checks never read the JSON for a property the view carries.
/// </summary>
internal sealed class VerificationContext
{
    public VerificationContext(VerificationOptions options, SecuringEvidence evidence, CredentialVerifier verifier)
    {
        Options = options;
        Evidence = evidence;
        Verifier = verifier;
        Document = evidence.Document!;
        View = evidence.View ?? CredentialView.FromJson(Document);
        Now = options.TimeProvider.GetUtcNow();
    }

    /// <summary>The options.</summary>
    public VerificationOptions Options { get; }

    /// <summary>The evidence.</summary>
    public SecuringEvidence Evidence { get; }

    /// <summary>The verifier (for nested verification of status lists).</summary>
    public CredentialVerifier Verifier { get; }

    /// <summary>The secured credential's JSON (structure, contexts and profile reading; never the properties of <see cref="View"/>).</summary>
    public JsonObject Document { get; }

    /// <summary>The signed view.</summary>
    public CredentialView View { get; }

    /// <summary>The verification time.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The tolerated clock skew.</summary>
    public TimeSpan Skew => Options.ClockSkew;

    /// <summary>The issuer, from the signed view.</summary>
    public string? Issuer => View.Issuer;
}
