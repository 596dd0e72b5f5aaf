using System.Security.Cryptography.X509Certificates;

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

    /// <summary>
    /// Trusted certificates (root CAs of accredited providers' e-seal certificates): a sealed credential whose signer
    /// certificate chains to one of them is accredited even when its issuer is not listed by identifier. None by default.
    /// </summary>
    IReadOnlyList<X509Certificate2> Certificates => [];
}

/// <summary>What identifies an issuer for a trust decision.</summary>
/// <param name="Id">The issuer's <c>id</c> (a DID or URL), if any.</param>
/// <param name="LegalIdentifiers">Organisation identifiers (eIDAS organisationIdentifier, VAT, registration numbers).</param>
public sealed record IssuerIdentity(string? Id, IReadOnlyList<string> LegalIdentifiers);

/// <summary>A trust decision.</summary>
/// <param name="Trusted">Whether the issuer is trusted at the time asked.</param>
/// <param name="Code">A stable code when not trusted, e.g. <c>accreditation.notListed</c> or <c>accreditation.outsideValidity</c>; <see langword="null"/> when trusted.</param>
/// <param name="Detail">A sentence a person understands.</param>
public sealed record TrustDecision(bool Trusted, string? Code, string Detail);
