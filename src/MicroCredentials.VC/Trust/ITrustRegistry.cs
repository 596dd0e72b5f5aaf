namespace MicroCredentials.VC.Trust;

/// <summary>
/// The caller's register of trusted (accredited) issuers, in the spirit of DEQAR and the EU trusted lists: the
/// <c>accreditation</c> check asks it whether an issuer was trusted at a given time.
/// </summary>
public interface ITrustRegistry
{
    /// <summary>Decides whether an issuer is trusted at a time.</summary>
    /// <param name="issuer">The issuer's identifiers (DID or URL, and legal identifiers such as an eIDAS organisation identifier).</param>
    /// <param name="at">The time that matters (the verification time, or a proven signing time).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The decision.</returns>
    ValueTask<TrustDecision> CheckIssuerAsync(IssuerIdentity issuer, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>What identifies an issuer for a trust decision.</summary>
/// <param name="Id">The issuer's <c>id</c> (a DID or URL), if any.</param>
/// <param name="LegalIdentifiers">Organisation identifiers (eIDAS organisationIdentifier, VAT, registration numbers).</param>
public sealed record IssuerIdentity(string? Id, IReadOnlyList<string> LegalIdentifiers);

/// <summary>A trust decision.</summary>
/// <param name="Trusted">Whether the issuer is trusted at the time asked.</param>
/// <param name="Code">A stable code, e.g. <c>accreditation.notListed</c>.</param>
/// <param name="Detail">A sentence a person understands.</param>
public sealed record TrustDecision(bool Trusted, string? Code, string Detail);
