using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.VC.Trust;

/// <summary>The outcome of building a certificate chain with <see cref="CertificateChains.Build"/>.</summary>
/// <param name="Anchor">The caller's trust anchor the chain reached, or <see langword="null"/> when it reached none.</param>
/// <param name="Problems">When no anchor was reached: the distinct chain status flags the platform reported (empty otherwise); a list of its own.</param>
internal sealed record CertificateChainResult(X509Certificate2? Anchor, List<X509ChainStatusFlags> Problems)
{
    /// <summary>Whether the chain reached an anchor.</summary>
    public bool Trusted => Anchor is not null;
}

/// <summary>
/// The one X.509 chain builder of the library (seal certificates, time-stamping authorities, trust-registry
/// certificates). Only the caller's anchors are trusted (<see cref="X509ChainTrustMode.CustomRootTrust"/>, never the
/// machine's store); nothing is fetched (no online revocation, no AIA downloads); the chain is valid at the given time.
/// </summary>
/// <remarks>
/// An anchor need not be self-signed (RFC 5280 §6.1.1: an intermediate CA can be the trust anchor): when the platform
/// reports a partial chain, the chain still counts when it reaches an anchor and every certificate up to it is valid.
/// </remarks>
internal static class CertificateChains
{
    /// <summary>Builds the chain of <paramref name="certificate"/> to one of <paramref name="anchors"/> at <paramref name="at"/>.</summary>
    /// <param name="certificate">The end-entity certificate.</param>
    /// <param name="intermediates">Extra certificates that may complete the chain (not trusted themselves).</param>
    /// <param name="anchors">The trust anchors.</param>
    /// <param name="at">The time the chain must be valid at.</param>
    /// <returns>The anchor reached, or the chain's problems.</returns>
    public static CertificateChainResult Build(X509Certificate2 certificate, IEnumerable<X509Certificate2> intermediates, IEnumerable<X509Certificate2> anchors, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(intermediates);
        ArgumentNullException.ThrowIfNull(anchors);
        var anchorList = anchors as IReadOnlyCollection<X509Certificate2> ?? [.. anchors];
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        foreach (var anchor in anchorList)
        {
            chain.ChainPolicy.CustomTrustStore.Add(anchor);
        }

        foreach (var intermediate in intermediates)
        {
            chain.ChainPolicy.ExtraStore.Add(intermediate);
        }

        if (chain.Build(certificate))
        {
            var root = chain.ChainElements[^1].Certificate;
            return new(anchorList.FirstOrDefault(a => SameCertificate(a, root)) ?? root, []);
        }

        var problems = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList();
        foreach (var element in chain.ChainElements)
        {
            if (element.ChainElementStatus.Any(s => s.Status is not (X509ChainStatusFlags.NoError or X509ChainStatusFlags.PartialChain or X509ChainStatusFlags.UntrustedRoot)))
            {
                break;
            }

            if (anchorList.FirstOrDefault(a => SameCertificate(a, element.Certificate)) is { } reached)
            {
                return new(reached, []);
            }
        }

        return new(null, problems);
    }

    /// <summary>
    /// Whether a certificate's key usage allows sealing: no key usage extension, or one with <c>nonRepudiation</c>
    /// (<c>contentCommitment</c>) or <c>digitalSignature</c> (ETSI EN 319 412-3).
    /// </summary>
    /// <param name="certificate">The signer's certificate.</param>
    /// <param name="usage">The key usages it names, when it has the extension.</param>
    /// <returns><see langword="true"/> when the key may sign a seal.</returns>
    public static bool AllowsSealing(X509Certificate2 certificate, out X509KeyUsageFlags? usage)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages;
        return usage is not { } flags || (flags & (X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.DigitalSignature)) != 0;
    }

    private static bool SameCertificate(X509Certificate2 a, X509Certificate2 b) => a.RawDataMemory.Span.SequenceEqual(b.RawDataMemory.Span);
}
