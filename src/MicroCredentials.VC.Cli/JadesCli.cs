using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.VC.Proofs.Jose;

namespace MicroCredentials.VC.Cli;

/// <summary>The options and file loading of JAdES sealing (<c>--proof jades --cert</c>) and of <c>verify --trust-cert</c>.</summary>
internal static class JadesCli
{
    public const string Proof = "jades";

    public static Option<string?> CertOption() =>
        new("--cert") { Description = "For --proof jades: the seal certificate with its private key, PKCS#12 (.p12/.pfx) or PEM (certificate, CA certificates and key)." };

    public static Option<string?> CertPasswordOption() =>
        new("--cert-password") { Description = "The password of the PKCS#12 file, or of an encrypted PEM key." };

    public static Option<string?> CertKeyOption() =>
        new("--cert-key") { Description = "For a PEM --cert: the private key in a separate PEM file." };

    public static Option<string[]> TrustCertOption() =>
        new("--trust-cert") { Description = "A trust anchor (root or CA certificate, PEM or DER) for e-seal certificate chains. Repeatable.", AllowMultipleArgumentsPerToken = false };

    /// <summary>
    /// Refuses a signing key that is ambiguous: <c>--key</c> and <c>--cert</c> together (one of them would be ignored),
    /// or <c>--cert</c> with a proof that does not use it.
    /// </summary>
    public static void CheckKeyOrCert(string proof, string? key, string? cert)
    {
        if (key is not null && cert is not null)
        {
            throw new UsageException("give either --key (a Data Integrity or vc+jwt proof) or --cert (a JAdES seal, --proof jades), not both.");
        }

        if (cert is not null && proof != Proof)
        {
            throw new UsageException($"--cert is the seal certificate of --proof jades; --proof {proof} signs with --key.");
        }

        if (key is not null && proof == Proof)
        {
            throw new UsageException("--proof jades seals with --cert (a PKCS#12 or PEM seal certificate), not --key.");
        }
    }

    /// <summary>Loads the seal certificate, or throws a usage error naming the file (never the password).</summary>
    public static SealCertificate LoadSealCertificate(string? path, string? password, string? keyPath)
    {
        if (path is null)
        {
            throw new UsageException("--proof jades needs --cert FILE (a PKCS#12 or PEM seal certificate with its private key).");
        }

        Cli.RequireFile(path);
        if (keyPath is not null)
        {
            Cli.RequireFile(keyPath);
        }

        try
        {
            return SealCertificate.Load(path, password, keyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"{path}: not a usable seal certificate with its private key ({ex.Message.TrimEnd('.')}); check --cert-password and --cert-key.");
        }
    }

    /// <summary>Seals with the certificate, turning a key that does not fit the algorithm into a usage error.</summary>
    public static System.Text.Json.Nodes.JsonObject Seal(Func<System.Text.Json.Nodes.JsonObject> seal)
    {
        try
        {
            return seal();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException("the credential cannot be sealed: " + ex.Message);
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException)
        {
            throw new UsageException("the credential cannot be sealed: " + ex.Message);
        }
    }

    /// <summary>Loads every certificate of the files (PEM with one or more certificates, or DER).</summary>
    public static X509Certificate2Collection LoadTrustAnchors(string[] paths)
    {
        var anchors = new X509Certificate2Collection();
        foreach (var path in paths)
        {
            var bytes = Cli.ReadInputBytes(path, 4 * 1024 * 1024);
            try
            {
                if (bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0)
                {
                    var found = new X509Certificate2Collection();
                    found.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
                    if (found.Count == 0)
                    {
                        throw new UsageException($"{path}: no CERTIFICATE in the PEM file.");
                    }

                    anchors.AddRange(found);
                }
                else
                {
                    anchors.Add(X509CertificateLoader.LoadCertificate(bytes));
                }
            }
            catch (CryptographicException ex)
            {
                throw new UsageException($"{path}: not an X.509 certificate ({ex.Message.TrimEnd('.')}).");
            }
        }

        return anchors;
    }
}
