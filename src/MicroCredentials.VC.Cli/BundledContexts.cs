using MicroCredentials.VC.JsonLd;

namespace MicroCredentials.VC.Cli;

/// <summary>
/// The contexts bundled with the library, as the commands load them: any other URL fails with the words of the
/// command line (serve it offline with <c>--resource URL=FILE</c>), not the library's advice to a programmer.
/// </summary>
internal sealed class BundledContexts : IDocumentLoader
{
    public static BundledContexts Instance { get; } = new();

    public ValueTask<RemoteDocument> LoadDocumentAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return EmbeddedDocumentLoader.Default.Contains(url)
            ? EmbeddedDocumentLoader.Default.LoadDocumentAsync(url, cancellationToken)
            : throw new JsonLdException(
                JsonLdErrorCode.LoadingDocumentFailed,
                $"{url} is not a context bundled with mcred, and mcred does not fetch from the network: serve it offline with --resource {url}=FILE.");
    }
}
