using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>VC-JOSE-COSE: credentials secured as a compact JWS (<c>application/vc+jwt</c>).</summary>
internal static class JoseSecuring
{
    /// <summary>Whether the bytes look like a compact JWS (three base64url segments), not JSON.</summary>
    public static bool LooksLikeCompactJws(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.Trim("\r\n\t "u8);
        if (text.Length < 5 || text[0] == (byte)'{' || text[0] == (byte)'[')
        {
            return false;
        }

        var dots = 0;
        foreach (var b in text)
        {
            if (b == (byte)'.')
            {
                dots++;
            }
            else if (!(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'~'))
            {
                return false;
            }
        }

        return dots >= 2;
    }

    /// <summary>Verifies a compact JWS credential. Not implemented yet: the signature check fails with a reason.</summary>
    public static ValueTask<SecuringOutcome> VerifyCompactAsync(string token, VerificationOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SecuringOutcome(
            null,
            "vc+jwt",
            CheckResult.Fail(VerificationCheck.Signature, "signature.unsupportedFormat", "Credentials secured as a compact JWS (vc+jwt) are not verified by this version yet."),
            CheckResult.Skip(VerificationCheck.Issuer, "format.unsupported", "Not checked."),
            null,
            []));
}
