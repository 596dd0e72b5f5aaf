namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// The JWS algorithms (RFC 7518 §3.1, RFC 8037 §3.1) this library signs and verifies VC-JOSE-COSE tokens with.
/// Everything else is refused: <c>none</c>, the HMAC family (<c>HS*</c>: a public key must never be used as a shared
/// secret), and any algorithm that does not fit the key's type and curve (algorithm confusion).
/// </summary>
public static class JoseAlgorithms
{
    /// <summary>EdDSA with Ed25519 (RFC 8037 §3.1).</summary>
    public const string EdDsa = Crypto.SignatureAlgorithms.EdDsa;

    /// <summary>ECDSA with P-256 and SHA-256.</summary>
    public const string Es256 = Crypto.SignatureAlgorithms.Es256;

    /// <summary>ECDSA with P-384 and SHA-384.</summary>
    public const string Es384 = Crypto.SignatureAlgorithms.Es384;

    /// <summary>ECDSA with P-521 and SHA-512.</summary>
    public const string Es512 = Crypto.SignatureAlgorithms.Es512;

    /// <summary>ECDSA with secp256k1 and SHA-256 (RFC 8812).</summary>
    public const string Es256K = Crypto.SignatureAlgorithms.Es256K;

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    public const string Rs256 = Crypto.SignatureAlgorithms.Rs256;

    /// <summary>RSASSA-PSS with SHA-256 and MGF1 with SHA-256.</summary>
    public const string Ps256 = Crypto.SignatureAlgorithms.Ps256;

    /// <summary>The algorithms accepted, in the order they are described.</summary>
    public static IReadOnlyList<string> All { get; } = [EdDsa, Es256, Es384, Es512, Es256K, Rs256, Ps256];

    /// <summary>Whether an algorithm is one of <see cref="All"/> (case-sensitive, as RFC 7515 §4.1.1 requires).</summary>
    /// <param name="algorithm">The <c>alg</c> header value.</param>
    /// <returns>Whether it is accepted.</returns>
    public static bool IsSupported(string? algorithm) => algorithm is not null && All.Contains(algorithm, StringComparer.Ordinal);

    /// <summary>The ECDSA algorithm of a JWK curve name: P-256 → ES256, P-384 → ES384, P-521 → ES512.</summary>
    internal static string? ForCurve(string? crv) => crv switch
    {
        "P-256" => Es256,
        "P-384" => Es384,
        "P-521" => Es512,
        "secp256k1" => Es256K,
        _ => null,
    };
}
