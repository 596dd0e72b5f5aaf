using MicroCredentials.VC.Credentials;
using MicroCredentials.VC.Securing;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// VC-JOSE-COSE (W3C Recommendation, 2025) as a securing mechanism: a compact JWS (<c>vc+jwt</c>, <c>vp+jwt</c>, VC 1.1
/// JWTs with a <c>vc</c> claim) or an <c>EnvelopedVerifiableCredential</c> whose data URL carries one.
/// </summary>
public sealed class JoseMechanism : ISecuringMechanism
{
    private JoseMechanism()
    {
    }

    /// <summary>The mechanism.</summary>
    public static JoseMechanism Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "jose";

    /// <inheritdoc/>
    public bool CanRead(SecuredInput input) =>
        input?.Compact is not null || (input?.Json is { } json && CredentialFormat.HasType(json, "EnvelopedVerifiableCredential"));

    /// <inheritdoc/>
    public ValueTask<SecuringEvidence> VerifyAsync(SecuredInput input, SecuringEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(environment);
        if (input.Compact is { } token)
        {
            return JoseSecuring.IsPresentationToken(token)
                ? JoseSecuring.VerifyPresentationCompactAsync(token, environment, cancellationToken)
                : JoseSecuring.VerifyCompactAsync(token, environment, cancellationToken);
        }

        return JoseSecuring.VerifyEnvelopedAsync(input.Json!, environment, cancellationToken);
    }
}

/// <summary>
/// The JAdES e-seal (ETSI TS 119 182-1, baseline B-B, JWS JSON serialization) as a securing mechanism: how Europass
/// seals EDC credentials. The evidence carries the seal certificate, its binding to the issuer's legal identifier and,
/// when the caller gives trust anchors, its chain.
/// </summary>
public sealed class JadesMechanism : ISecuringMechanism
{
    private JadesMechanism()
    {
    }

    /// <summary>The mechanism.</summary>
    public static JadesMechanism Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "jades";

    /// <inheritdoc/>
    public bool CanRead(SecuredInput input) =>
        input?.Json is { } json && json["payload"] is not null && (json["signatures"] is not null || json["signature"] is not null);

    /// <inheritdoc/>
    public ValueTask<SecuringEvidence> VerifyAsync(SecuredInput input, SecuringEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(environment);
        return JadesSecuring.VerifyAsync(input.Json ?? throw Error.Argument(nameof(input), "A JAdES seal is a JSON document."), environment, cancellationToken);
    }
}
