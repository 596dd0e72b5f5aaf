namespace MicroCredentials.VC.Crypto;

/// <summary>
/// Whether the private part of a key may leave the key object in plaintext
/// (<see cref="Ed25519SigningKey.ExportSeed"/>, <see cref="Ed25519SigningKey.ExportSecretMultibase"/>,
/// <see cref="Ed25519SigningKey.ExportPrivateJwk"/>). Export is blocked unless the caller opts in when the key is
/// generated or imported.
/// </summary>
public enum KeyExportPolicy
{
    /// <summary>The private key can be used to sign but never exported. This is the default.</summary>
    None = 0,

    /// <summary>The private key may be exported in plaintext (for example to write a key file).</summary>
    AllowPlaintextExport = 1,
}
