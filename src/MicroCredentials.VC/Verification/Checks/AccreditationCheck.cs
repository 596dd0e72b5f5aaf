using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Securing;
using MicroCredentials.VC.Trust;

namespace MicroCredentials.VC.Verification.Checks;

/// <summary>
/// The <c>accreditation</c> check: the issuer in the caller's trust registry (<see cref="VerificationOptions.TrustRegistry"/>).
/// </summary>
/// <remarks>
/// <para>When: the issuer must be accredited at the verification time (<see cref="VerificationOptions.TimeProvider"/>;
/// CLI <c>--at</c> for audits) — a proof's <c>created</c> is the issuer's own claim, so a delisted issuer could backdate
/// it; and it must also have been accredited at each time its proofs claim they were signed (an issuer that says it
/// signed before its accreditation began is refused).</para>
/// <para>Who: the issuer's <c>id</c> (DID or URL). Organisation identifiers (EDC <c>issuer.eIDASIdentifier</c>,
/// <c>registration</c>, <c>vatIdentifier</c>, as <c>notation</c>) are compared only for sealed credentials whose
/// <c>issuer</c> check passed — there the seal certificate vouches for them — together with the seal certificate's own
/// organizationIdentifier (OID 2.5.4.97). In a credential secured with a DID key they are the issuer's own claims, and
/// anyone could claim an accredited university's VAT number.</para>
/// <para>Chains: a seal whose signer certificate chains (at the verification time, without revocation checking) to a
/// certificate of <see cref="ITrustRegistry.Certificates"/> is accredited even when its issuer is not listed.</para>
/// </remarks>
internal static class AccreditationCheck
{
    private const string OrganizationIdentifierOid = "2.5.4.97";

    /// <summary>The <c>accreditation</c> check of a credential.</summary>
    public static async ValueTask<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        // A seal's chain to the caller's trust anchors decides by itself.
        if (context.Evidence.CertificateTrust is { } chain)
        {
            return SignatureCheck.From(chain, VerificationCheck.Accreditation);
        }

        return await CheckAsync(context.Document, context.Issuer, context.Evidence, context.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the issuer against the trust registry; skipped when the caller gave none.</summary>
    public static async ValueTask<CheckResult> CheckAsync(JsonObject credential, string? issuer, SecuringEvidence outcome, VerificationOptions options, CancellationToken cancellationToken)
    {
        if (options.TrustRegistry is not { } registry)
        {
            return CheckResult.Skip(VerificationCheck.Accreditation, "accreditation.noTrustRegistry", "No trust registry was given, so the issuer's accreditation was not checked.");
        }

        var now = options.TimeProvider.GetUtcNow();
        var certificates = outcome.SignerCertificates is { Count: > 0 } c && outcome.Signature.Succeeded ? c : null;
        var legal = new List<string>();
        if (certificates is not null)
        {
            legal.AddRange(OrganizationIdentifiers(certificates[0]));
            if (outcome.IssuerBinding is { Succeeded: true })
            {
                legal.AddRange(LegalIdentifiers(credential));
            }
        }

        legal = [.. legal.Distinct(StringComparer.OrdinalIgnoreCase)];
        if (issuer is null && legal.Count == 0)
        {
            return CheckResult.Fail(VerificationCheck.Accreditation, "accreditation.noIssuer", "The credential names no issuer to look up in the trust registry.");
        }

        var identity = new IssuerIdentity(issuer, legal);
        try
        {
            var decision = await registry.CheckIssuerAsync(identity, now, cancellationToken).ConfigureAwait(false);
            if (decision.Trusted)
            {
                foreach (var signedAt in outcome.SignedAt.Where(t => t < now).Distinct())
                {
                    var then = await registry.CheckIssuerAsync(identity, signedAt, cancellationToken).ConfigureAwait(false);
                    if (!then.Trusted)
                    {
                        return CheckResult.Fail(VerificationCheck.Accreditation, "accreditation.notAccreditedWhenSigned", $"The issuer is accredited now, but not when the credential says it was signed ({XsdDateTime.Format(signedAt)}): {then.Detail}");
                    }
                }

                return CheckResult.Pass(VerificationCheck.Accreditation, decision.Detail);
            }

            if (certificates is not null && registry.Certificates.Count > 0 && CertificateChains.Build(certificates[0], certificates.Skip(1), registry.Certificates, now).Anchor is { } anchor)
            {
                return CheckResult.Pass(VerificationCheck.Accreditation, $"The seal certificate chains to the trusted certificate {anchor.Subject} (valid at {XsdDateTime.Format(now)}).");
            }

            var unused = certificates is null && LegalIdentifiers(credential).Any()
                ? " The credential's organisation identifiers were not compared: without an e-seal they are the issuer's own claims."
                : string.Empty;
            return CheckResult.Fail(VerificationCheck.Accreditation, decision.Code ?? "accreditation.notListed", decision.Detail + unused);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing registry is a failed check, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CheckResult.Fail(VerificationCheck.Accreditation, "accreditation.registryError", $"The trust registry could not decide ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    /// <summary>The EDC organisation identifiers of the credential's issuer: <c>eIDASIdentifier</c>, <c>registration</c>, <c>vatIdentifier</c> (their <c>notation</c>).</summary>
    internal static IEnumerable<string> LegalIdentifiers(JsonObject credential)
    {
        if (credential["issuer"] is not JsonObject issuer)
        {
            yield break;
        }

        foreach (var name in new[] { "eIDASIdentifier", "registration", "vatIdentifier" })
        {
            var node = issuer[name];
            foreach (var entry in node is JsonArray a ? a.ToList() : [node])
            {
                var notation = entry switch
                {
                    JsonObject o => Dids.PublicJwk.Str(o["notation"]),
                    JsonValue => Dids.PublicJwk.Str(entry),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(notation))
                {
                    yield return notation.Trim();
                }
            }
        }
    }

    private static IEnumerable<string> OrganizationIdentifiers(X509Certificate2 certificate)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == OrganizationIdentifierOid && rdn.GetSingleElementValue() is { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }
}
