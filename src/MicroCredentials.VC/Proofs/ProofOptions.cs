namespace MicroCredentials.VC.Proofs;

/// <summary>The options of a new Data Integrity proof (VC Data Integrity 1.0 §2.1, "Proofs").</summary>
public sealed record ProofOptions
{
    /// <summary>The verification method (key) URL, e.g. <c>did:key:z6Mk…#z6Mk…</c>; the signer's <see cref="Crypto.ISigner.KeyId"/> when null.</summary>
    public string? VerificationMethod { get; init; }

    /// <summary>The proof purpose: <c>assertionMethod</c> for credentials, <c>authentication</c> for presentations.</summary>
    public string ProofPurpose { get; init; } = "assertionMethod";

    /// <summary>When the proof was made; <see langword="null"/> leaves <c>created</c> out.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the proof stops being valid, if ever.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>An identifier for the proof (needed when a later proof chains to it).</summary>
    public string? Id { get; init; }

    /// <summary>The challenge a verifier gave (presentations).</summary>
    public string? Challenge { get; init; }

    /// <summary>The domain the proof is meant for (presentations).</summary>
    public string? Domain { get; init; }

    /// <summary>The ids of the existing proofs this proof chains to (<c>previousProof</c>); empty for a plain proof or a proof set.</summary>
    public IReadOnlyList<string> PreviousProof { get; init; } = [];
}
