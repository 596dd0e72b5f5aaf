using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.VC.Proofs.Jose;

/// <summary>
/// A seal certificate (ETSI EN 319 412-1, e.g. a QSealC) with its private key and the CA certificates that came with it,
/// loaded from a PKCS#12 file or from PEM (certificate and key in one file, or two). Disposing releases the key.
/// </summary>
public sealed class SealCertificate : IDisposable
{
    private SealCertificate(X509Certificate2 certificate, X509Certificate2Collection chain)
    {
        Certificate = certificate;
        Chain = chain;
    }

    /// <summary>The leaf certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The other certificates of the file (issuing CAs), in file order; <c>x5c</c> material.</summary>
    public X509Certificate2Collection Chain { get; }

    /// <summary>The subject's <c>organizationIdentifier</c> (e.g. <c>VATES-A00000000</c>), or null when the certificate has none.</summary>
    public OrganizationIdentifier? OrganizationIdentifier =>
        Jose.OrganizationIdentifier.TryFromCertificate(Certificate, out var id) ? id : null;

    /// <summary>
    /// Loads a seal certificate. A file containing <c>-----BEGIN</c> is PEM: the first certificate is the leaf, the
    /// others its chain, and the private key is read from <paramref name="keyPath"/> or else from the same file
    /// (encrypted with <paramref name="password"/> when given). Any other file is PKCS#12 (<c>.p12</c>/<c>.pfx</c>):
    /// the leaf is the certificate with a private key.
    /// </summary>
    /// <param name="path">The PKCS#12 or PEM file.</param>
    /// <param name="password">The PKCS#12 password, or the password of an encrypted PEM key; null for none.</param>
    /// <param name="keyPath">A separate PEM key file; null when the key is in <paramref name="path"/>.</param>
    /// <returns>The certificate with its key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CryptographicException">The file is not a certificate with a usable private key, or the password is wrong.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SealCertificate Load(string path, string? password = null, string? keyPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        if (LooksLikePem(bytes))
        {
            var leaf = password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(path);
            return new SealCertificate(leaf, Others(all, leaf));
        }

        var collection = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        var withKey = collection.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new CryptographicException("The PKCS#12 file holds no certificate with a private key.");
        return new SealCertificate(withKey, Others(collection, withKey));
    }

    /// <summary>Releases the key and the certificates.</summary>
    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var c in Chain)
        {
            c.Dispose();
        }
    }

    private static bool LooksLikePem(byte[] bytes)
    {
        return bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0;
    }

    private static X509Certificate2Collection Others(X509Certificate2Collection all, X509Certificate2 leaf)
    {
        var chain = new X509Certificate2Collection();
        foreach (var c in all)
        {
            if (!c.RawData.AsSpan().SequenceEqual(leaf.RawData))
            {
                chain.Add(c);
            }
        }

        return chain;
    }
}
