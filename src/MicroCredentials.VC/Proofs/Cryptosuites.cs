using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.VC.Proofs;

/// <summary>The cryptosuites this library implements, as singletons.</summary>
public static class Cryptosuites
{
    /// <summary><c>eddsa-rdfc-2022</c>: RDFC-1.0 canonicalization, Ed25519.</summary>
    public static ICryptosuite EdDsaRdfc2022 => Proofs.EdDsaRdfc2022.Instance;

    /// <summary><c>eddsa-jcs-2022</c>: JSON canonicalization (RFC 8785), Ed25519.</summary>
    public static ICryptosuite EdDsaJcs2022 => Proofs.EdDsaJcs2022.Instance;

    /// <summary><c>ecdsa-rdfc-2019</c>: RDFC-1.0 canonicalization, ECDSA P-256 (SHA-256) or P-384 (SHA-384), by the key.</summary>
    public static ICryptosuite EcdsaRdfc2019 => Proofs.EcdsaRdfc2019.Instance;

    /// <summary><c>ecdsa-jcs-2019</c>: JSON canonicalization (RFC 8785), ECDSA P-256 (SHA-256) or P-384 (SHA-384), by the key.</summary>
    public static ICryptosuite EcdsaJcs2019 => Proofs.EcdsaJcs2019.Instance;

    /// <summary><c>ecdsa-sd-2023</c>: selective disclosure with ECDSA P-256; verification of the holder's derived proofs.</summary>
    public static ICryptosuite EcdsaSd2023 => Proofs.EcdsaSd2023.Instance;

    /// <summary>The legacy <c>Ed25519Signature2020</c> proof type (verification of existing credentials).</summary>
    public static ICryptosuite Ed25519Signature2020 => Proofs.Ed25519Signature2020.Instance;
}

/// <summary>
/// An immutable set of allowed cryptosuites keyed by their <c>cryptosuite</c> name. A verifier accepts only the
/// suites in its registry, so a caller can narrow what it trusts.
/// </summary>
public sealed class CryptosuiteRegistry
{
    private readonly FrozenDictionary<string, ICryptosuite> _suites;

    private CryptosuiteRegistry(IEnumerable<ICryptosuite> suites) =>
        _suites = suites.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Every suite of this library, including the legacy Ed25519Signature2020 proof type.</summary>
    public static CryptosuiteRegistry Default { get; } = new([Cryptosuites.EdDsaRdfc2022, Cryptosuites.EdDsaJcs2022, Cryptosuites.EcdsaRdfc2019, Cryptosuites.EcdsaJcs2019, Cryptosuites.EcdsaSd2023, Cryptosuites.Ed25519Signature2020]);

    /// <summary>The suites of VC Data Integrity 1.0 only (no legacy proof types).</summary>
    public static CryptosuiteRegistry DataIntegrityOnly { get; } = new([Cryptosuites.EdDsaRdfc2022, Cryptosuites.EdDsaJcs2022, Cryptosuites.EcdsaRdfc2019, Cryptosuites.EcdsaJcs2019, Cryptosuites.EcdsaSd2023]);

    /// <summary>A registry of exactly these suites.</summary>
    /// <param name="suites">The suites.</param>
    /// <returns>The registry.</returns>
    public static CryptosuiteRegistry Of(params IEnumerable<ICryptosuite> suites)
    {
        ArgumentNullException.ThrowIfNull(suites);
        return new(suites);
    }

    /// <summary>The names of the suites.</summary>
    public IEnumerable<string> Names => _suites.Keys;

    /// <summary>Looks up the suite of a proof: by <c>cryptosuite</c> for a <c>DataIntegrityProof</c>, else by the proof <c>type</c>.</summary>
    /// <param name="proofType">The proof's <c>type</c>.</param>
    /// <param name="cryptosuite">The proof's <c>cryptosuite</c>, if any.</param>
    /// <param name="suite">The suite.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool TryGet(string? proofType, string? cryptosuite, [NotNullWhen(true)] out ICryptosuite? suite)
    {
        if (proofType == "DataIntegrityProof")
        {
            return TryGet(cryptosuite, out suite) && suite.ProofType == proofType;
        }

        suite = null;
        return proofType is not null && cryptosuite is null && _suites.TryGetValue(proofType, out suite) && suite.ProofType == proofType;
    }

    /// <summary>Looks a suite up by name.</summary>
    /// <param name="name">The <c>cryptosuite</c> value.</param>
    /// <param name="suite">The suite.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool TryGet(string? name, [NotNullWhen(true)] out ICryptosuite? suite)
    {
        suite = null;
        return name is not null && _suites.TryGetValue(name, out suite);
    }
}
