using System.CommandLine;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Proofs.Jose;

namespace MicroCredentials.VC.Cli.Commands;

/// <summary>The VC-JOSE-COSE (vc+jwt) side of <c>sign</c> and <c>issue</c>: key files, <c>--alg</c>, the EDC refusal.</summary>
internal static class JoseSign
{
    /// <summary>Why <c>issue --proof jose</c> is refused: the EDC profile makes VC 1.1 credentials, vc+jwt secures VC 2.0 only.</summary>
    public const string EdcRefusal =
        "--proof jose: vc+jwt (VC-JOSE-COSE) secures VC 2.0 credentials, and the edc profile issues Europass EDC credentials, which are VC 1.1 (ELM v3). "
        + "Issue with --proof eddsa-rdfc-2022 or eddsa-jcs-2022 (or a JAdES seal), or secure a VC 2.0 document with 'mcred sign --proof jose'.";

    public static Option<string?> AlgOption() => new Option<string?>("--alg")
    {
        Description = "With --proof jose: the JWS algorithm (EdDSA, ES256, ES384, ES512, RS256, PS256); by default the key's (EdDSA, the curve's ES*, RS256 for RSA). "
            + "--key may then be a keygen file, a JWK, a {publicKeyJwk, secretKeyJwk} file, or a PEM private key (PKCS#8, SEC 1, PKCS#1).",
    }.AcceptOnlyFromAmong([.. JoseAlgorithms.All]);

    /// <summary>Reads a JOSE signing key (any key file <c>--key</c> takes, and EC or RSA keys as JWK or PEM); a key that is not usable is a usage error.</summary>
    public static JoseSigningKey LoadKey(string keyPath, string? alg, string? verificationMethod)
    {
        var text = Cli.ReadInputText(keyPath);
        try
        {
            return JoseSigningKey.Import(text, alg, verificationMethod);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{keyPath}: not a usable signing key: {ex.Message} {Cli.KeyFormats}");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{keyPath}: {Words.Clean(ex.Message)}");
        }
    }

    /// <summary>Signs a VC 2.0 document as vc+jwt; misuse becomes a usage error (exit 2).</summary>
    public static string Sign(JsonObject document, string proof, string keyPath, string? alg, string? verificationMethod, DateTimeOffset? created)
    {
        if (proof != "jose")
        {
            throw new UsageException("--alg applies to --proof jose only.");
        }

        using (var key = LoadKey(keyPath, alg, verificationMethod))
        {
            try
            {
                return new JoseIssuer(key, new JoseSignOptions { IssuedAt = created }).SignCredential(document);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException("the document cannot be secured as vc+jwt: " + ex.Message.Split(" (Parameter", 2)[0]);
            }
        }
    }
}
