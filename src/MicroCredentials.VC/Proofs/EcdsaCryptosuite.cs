using System.Security.Cryptography;
using MicroCredentials.VC.Crypto;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// What ecdsa-rdfc-2019 and ecdsa-jcs-2019 share (W3C Data Integrity ECDSA Cryptosuites v1.0 §3.2, §3.3): the hash
/// of the canonical proof configuration followed by the hash of the canonical document, signed with ECDSA (IEEE
/// P1363 R ‖ S, base58btc in <c>proofValue</c>). One suite name covers two curves, told apart by the key: P-256
/// with SHA-256 (<c>ES256</c>) and P-384 with SHA-384 (<c>ES384</c>). The P-256 variant is the suite's singleton;
/// <see cref="ForCurve"/> gives the other, and signing or verifying picks the variant by the signer's algorithm or the
/// verification method's key.
/// </summary>
public abstract class EcdsaCryptosuite : DataIntegrityCryptosuite
{
    private static readonly string[] VmTypes = ["Multikey", "JsonWebKey"];

    private protected EcdsaCryptosuite(string curve) => Curve = curve;

    /// <summary>The curve of this variant: <c>P-256</c> or <c>P-384</c>.</summary>
    public string Curve { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> VerificationMethodTypes => VmTypes;

    /// <inheritdoc/>
    public override string SignatureAlgorithm => Curve == "P-256" ? SignatureAlgorithms.Es256 : SignatureAlgorithms.Es384;

    /// <summary>SHA-256 for P-256, SHA-384 for P-384 (also the hash of RDFC-1.0 in ecdsa-rdfc-2019).</summary>
    public override HashAlgorithmName HashAlgorithm => Curve == "P-256" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;

    /// <summary>The variant of this suite for a curve.</summary>
    /// <param name="curve"><c>P-256</c> or <c>P-384</c>.</param>
    /// <returns>The variant.</returns>
    /// <exception cref="ArgumentException">Another curve.</exception>
    public abstract EcdsaCryptosuite ForCurve(string curve);

    /// <inheritdoc/>
    internal override int SignatureLength => Curve == "P-256" ? 64 : 96;

    /// <inheritdoc/>
    internal override string KeyDescription => "ECDSA " + Curve;

    /// <inheritdoc/>
    internal override DataIntegrityCryptosuite? ForSignatureAlgorithm(string algorithm) => algorithm switch
    {
        SignatureAlgorithms.Es256 => ForCurve("P-256"),
        SignatureAlgorithms.Es384 => ForCurve("P-384"),
        _ => null,
    };

    /// <inheritdoc/>
    internal override DataIntegrityCryptosuite? ForMethod(Dids.VerificationMethod method) =>
        method.PublicKeyJwk is { } jwk && JwsKeys.Str(jwk, "kty") == "EC" && JwsKeys.Str(jwk, "crv") is "P-256" or "P-384"
            ? ForCurve(JwsKeys.Str(jwk, "crv")!)
            : null;

    /// <inheritdoc/>
    internal override bool IsSignatureLength(int length) => length is 64 or 96;

    /// <inheritdoc/>
    internal override bool VerifySignature(Dids.VerificationMethod method, byte[] data, byte[] signature)
    {
        if (method.PublicKeyJwk is not { } jwk || JwsKeys.Str(jwk, "crv") != Curve || !JwsPublicKey.TryFromJwk(jwk, out var key, out _))
        {
            return false;
        }

        using (key)
        {
            return JwsAlgorithm.Get(SignatureAlgorithm).Verify(key, data, signature, out _);
        }
    }

    /// <summary>Checks a curve name.</summary>
    /// <param name="curve">The name.</param>
    /// <returns>Whether it is P-384 (false: P-256).</returns>
    /// <exception cref="ArgumentException">Another curve.</exception>
    private protected static bool IsP384(string curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return curve switch
        {
            "P-256" => false,
            "P-384" => true,
            _ => throw Error.Argument(nameof(curve), "The ECDSA cryptosuites use P-256 or P-384."),
        };
    }
}
