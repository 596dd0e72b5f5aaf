using System.Security.Cryptography;

namespace MicroCredentials.VC.Rdf;

/// <summary>
/// Options of RDFC-1.0 canonicalization (W3C Recommendation, 21 May 2024): the hash algorithm (§4.1, SHA-256 by
/// default, SHA-384 allowed) and the resource limit against poison graphs (§4.8 and §6 "Security Considerations").
/// Immutable; start from <see cref="Default"/> and change what you need with <c>with</c>.
/// </summary>
public sealed record RdfcOptions
{
    /// <summary>The fixed part of the automatic work limit: 100,000 steps.</summary>
    public const long AutomaticWorkLimitBase = 100_000;

    /// <summary>The per-blank-node part of the automatic work limit: 1,000 steps for every blank node in the dataset.</summary>
    public const long AutomaticWorkLimitPerBlankNode = 1_000;

    /// <summary>The defaults: SHA-256 and the automatic work limit.</summary>
    public static RdfcOptions Default { get; } = new();

    /// <summary>
    /// The hash algorithm of every hash RDFC-1.0 computes: <see cref="HashAlgorithmName.SHA256"/> (the default,
    /// and what eddsa-rdfc-2022 uses) or <see cref="HashAlgorithmName.SHA384"/>. Any other value makes
    /// <see cref="Rdfc10.Canonicalize"/> throw <see cref="ArgumentException"/>.
    /// </summary>
    public HashAlgorithmName HashAlgorithm { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>
    /// The most work canonicalization may do before it fails with <see cref="RdfcException"/> (code
    /// <see cref="RdfcException.WorkLimitExceededCode"/>). One step is one call of the Hash N-Degree Quads
    /// algorithm (§4.8) or one permutation it tries. Datasets whose blank nodes all have distinct first-degree
    /// hashes (tree-shaped credentials) take no steps at all. <see langword="null"/> (the default) means
    /// automatic: <see cref="AutomaticWorkLimitBase"/> + <see cref="AutomaticWorkLimitPerBlankNode"/> × the
    /// number of blank nodes, which every test of the W3C rdf-canon suite stays far below, while a poison graph
    /// (e.g. a 10-node clique) hits it in well under a second. Must not be negative.
    /// </summary>
    public long? WorkLimit { get; init; }
}
