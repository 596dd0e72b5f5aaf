using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Docs;

/// <summary>DESIGN.md's namespace arrows that a source scan can check: lower layers never name upper ones.</summary>
public class LayeringTests
{
    [TestCase("Crypto", "MicroCredentials.VC.Dids", "Dids.")]
    [TestCase("Crypto", "MicroCredentials.VC.Proofs", "Proofs.")]
    [TestCase("Status", "MicroCredentials.VC.Issuance", "Issuance.")]
    public void Folder_DoesNotReferenceUpperLayer(string folder, string ns, string qualified)
    {
        var dir = Shared.Repo("src", "MicroCredentials.VC", folder);
        var files = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories);
        Assert.That(files, Is.Not.Empty);
        var offenders = files
            .Where(f => File.ReadLines(f).Any(line => line.Contains(ns, StringComparison.Ordinal)
                || (line.Contains(qualified, StringComparison.Ordinal) && !line.TrimStart().StartsWith("///", StringComparison.Ordinal))))
            .Select(Path.GetFileName)
            .ToList();
        Assert.That(offenders, Is.Empty, $"{folder}/ must not reference {ns}");
    }
}
