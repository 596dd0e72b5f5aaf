using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Verification;

/// <summary>The checks a verification runs, in the order it runs them. Their names are part of the public contract.</summary>
public enum VerificationCheck
{
    /// <summary><c>format</c>: a well-formed VC 2.0 or 1.1 credential (or presentation).</summary>
    Format,

    /// <summary><c>context</c>: every <c>@context</c> is known and every term expands to an absolute IRI.</summary>
    Context,

    /// <summary><c>signature</c>: the proof, seal or JWS verifies with the key it names, with a suite we allow.</summary>
    Signature,

    /// <summary><c>issuer</c>: the key is bound to the credential's issuer.</summary>
    Issuer,

    /// <summary><c>accreditation</c>: the issuer is in the caller's trust registry.</summary>
    Accreditation,

    /// <summary><c>learner</c>: the learner is identified (and is the one expected, or proved control).</summary>
    Learner,

    /// <summary><c>issuanceDate</c>: issued, and not in the future.</summary>
    IssuanceDate,

    /// <summary><c>expiry</c>: not expired.</summary>
    Expiry,

    /// <summary><c>status</c>: not revoked or suspended.</summary>
    Status,

    /// <summary><c>elements</c>: every mandatory Council Recommendation element is present.</summary>
    Elements,
}

/// <summary>The outcome of one check.</summary>
public enum CheckStatus
{
    /// <summary>The check ran and passed.</summary>
    Passed,

    /// <summary>The check ran and failed.</summary>
    Failed,

    /// <summary>The check did not run (the detail says why).</summary>
    Skipped,

    /// <summary>
    /// The check passed, with something the reader should know (the code says what; e.g. <c>context.undefinedTerms</c>
    /// for terms no context defines in a credential whose signature covers its bytes). Does not fail the verification.
    /// </summary>
    Warning,
}

/// <summary>One check's outcome.</summary>
/// <param name="Check">Which check.</param>
/// <param name="Status">Passed, warning, failed or skipped.</param>
/// <param name="Code">A stable code (e.g. <c>signature.invalid</c>); <see langword="null"/> when passed without warning.</param>
/// <param name="Detail">A sentence a person understands. Never contains the learner's personal data.</param>
public sealed record CheckResult(VerificationCheck Check, CheckStatus Status, string? Code, string Detail)
{
    /// <summary>The check's contract name, e.g. <c>issuanceDate</c>.</summary>
    public string Name => NameOf(Check);

    /// <summary>The contract name of a check.</summary>
    /// <param name="check">The check.</param>
    /// <returns>E.g. <c>issuanceDate</c>.</returns>
    public static string NameOf(VerificationCheck check) => check switch
    {
        VerificationCheck.IssuanceDate => "issuanceDate",
        _ => check.ToString().ToLowerInvariant(),
    };

    internal static CheckResult Pass(VerificationCheck check, string detail) => new(check, CheckStatus.Passed, null, detail);

    internal static CheckResult Fail(VerificationCheck check, string code, string detail) => new(check, CheckStatus.Failed, code, detail);

    internal static CheckResult Warn(VerificationCheck check, string code, string detail) => new(check, CheckStatus.Warning, code, detail);

    internal static CheckResult Skip(VerificationCheck check, string code, string detail) => new(check, CheckStatus.Skipped, code, detail);

    /// <summary><c>name: status (code) detail</c>.</summary>
    /// <returns>One line.</returns>
    public override string ToString() => $"{Name}: {Status.ToString().ToLowerInvariant()}{(Code is null ? string.Empty : " (" + Code + ")")} {Detail}";
}

/// <summary>
/// The result of verifying a credential (or a presentation): every check, in order, even after a failure.
/// <see cref="Verified"/> is true only when no check failed (and, for a presentation, every credential inside verified).
/// </summary>
public sealed record VerificationReport
{
    /// <summary>
    /// True when no check failed and, for a presentation, every credential inside is verified too (each of
    /// <see cref="Credentials"/>): a presentation holding one bad credential is not verified.
    /// </summary>
    public bool Verified => Checks.All(c => c.Status != CheckStatus.Failed) && Credentials.All(c => c.Verified);

    /// <summary>Every check, in the order of <see cref="VerificationCheck"/>.</summary>
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>How the credential was secured, e.g. <c>eddsa-rdfc-2022</c>, <c>jades</c>, <c>vc+jwt</c>, or <c>none</c>.</summary>
    public string? SecuringMechanism { get; init; }

    /// <summary>The micro-credential read from the credential, when a profile could read it.</summary>
    public MicroCredential? Credential { get; init; }

    /// <summary>The credential as it was verified (the payload of a JWS or seal), when it could be parsed.</summary>
    public JsonObject? Document { get; init; }

    /// <summary>What the checks read of the credential: the view its securing mechanism took from the signed data.</summary>
    internal Credentials.CredentialView? View { get; init; }

    /// <summary>The issuer's identifier, when the credential names one.</summary>
    public string? Issuer { get; init; }

    /// <summary>For a presentation: one report per credential inside.</summary>
    public IReadOnlyList<VerificationReport> Credentials { get; init; } = [];

    /// <summary>The result of one check.</summary>
    /// <param name="check">The check.</param>
    /// <returns>Its result.</returns>
    public CheckResult this[VerificationCheck check] => Checks.First(c => c.Check == check);

    /// <summary>The report as JSON: <c>{"verified", "checks": [{"name", "status", "code", "detail"}], …}</c>.</summary>
    /// <returns>The JSON object.</returns>
    public JsonObject ToJson()
    {
        var checks = new JsonArray();
        foreach (var c in Checks)
        {
            checks.Add((JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["status"] = c.Status.ToString().ToLowerInvariant(),
                ["code"] = c.Code,
                ["detail"] = c.Detail,
            });
        }

        var json = new JsonObject { ["verified"] = Verified };
        if (SecuringMechanism is not null)
        {
            json["securedWith"] = SecuringMechanism;
        }

        if (Issuer is not null)
        {
            json["issuer"] = Issuer;
        }

        json["checks"] = checks;
        if (Credentials.Count > 0)
        {
            json["credentials"] = new JsonArray([.. Credentials.Select(r => (JsonNode)r.ToJson())]);
        }

        return json;
    }
}
