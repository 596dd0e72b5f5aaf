using System.Diagnostics;
using System.Xml.Linq;

namespace MicroCredentials.VC.Tests.TestSupport;

/// <summary>
/// A newcomer's test run without <c>../shared</c>: the tests that need the data are skipped with the reason, the rest
/// pass, none fails. Runs a few fixtures of this assembly again in a child <c>dotnet test</c> with
/// <c>MCRED_SHARED</c> pointing at an empty folder (and at a partial copy).
/// </summary>
[NonParallelizable]
public class SharedDataAbsenceTests
{
    // A fixture whose test case source reads the data (the RDFC-1.0 manifest), one whose test bodies do, one that needs none.
    private const string Filter =
        "FullyQualifiedName~MicroCredentials.VC.Tests.Rdf.RdfCanonTestSuiteTests"
        + "|FullyQualifiedName~MicroCredentials.VC.Tests.Canonicalization.JcsVectorTests"
        + "|FullyQualifiedName~MicroCredentials.VC.Tests.Canonicalization.JsonCanonicalizerTests";

    [Test]
    public void WithoutTheData_TheTestsThatNeedItAreSkippedWithTheReason_AndTheRestPass()
    {
        var empty = Directory.CreateTempSubdirectory("mcred-noshared-");
        try
        {
            var results = RunChild(empty.FullName);
            AssertSkippedOnlyWhereNeeded(results, expectRdfcRun: false);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Test]
    public void WithAPartialCopy_WhatIsThereRuns_WhatIsMissingIsSkipped()
    {
        // As eng/fetch-test-data.sh leaves it: the suites, no MANIFEST.md, no cyberphone data.
        var partial = Directory.CreateTempSubdirectory("mcred-partialshared-");
        try
        {
            CopyDirectory(Shared.Vectors("rdf-canon"), Path.Combine(partial.FullName, "vectors", "rdf-canon"));
            var results = RunChild(partial.FullName);
            AssertSkippedOnlyWhereNeeded(results, expectRdfcRun: true);
        }
        finally
        {
            partial.Delete(recursive: true);
        }
    }

    private static void AssertSkippedOnlyWhereNeeded(IReadOnlyList<(string Name, string Outcome, string Message)> results, bool expectRdfcRun)
    {
        var failed = results.Where(r => r.Outcome == "Failed").Select(r => r.Name + ": " + r.Message).ToList();
        var skipped = results.Where(r => r.Outcome == "NotExecuted").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.Empty, "without the shared data nothing may fail");
            Assert.That(results.Where(r => r.Name.StartsWith("Canonicalization.JsonCanonicalizerTests", StringComparison.Ordinal)).Select(r => r.Outcome),
                Is.Not.Empty.And.All.EqualTo("Passed"), "tests that need no shared data run and pass");
            Assert.That(skipped.Where(r => r.Name.StartsWith("Canonicalization.JcsVectorTests", StringComparison.Ordinal)), Is.Not.Empty, "test bodies that read the data are skipped");
            Assert.That(skipped.Select(r => r.Message), Has.All.Contains(Shared.MissingMarker).And.All.Contains("eng/fetch-test-data.sh"), "each skip says why and what to do");
            var rdfc = results.Where(r => r.Name.Contains("RdfCanon", StringComparison.Ordinal)).ToList();
            Assert.That(rdfc, Is.Not.Empty);
            if (expectRdfcRun)
            {
                Assert.That(rdfc.Count(r => r.Outcome == "Passed"), Is.GreaterThan(50), "the suite that is there runs");
            }
            else
            {
                Assert.That(rdfc.Select(r => r.Outcome), Has.All.EqualTo("NotExecuted"), "a test case source that reads the data is skipped, not failed");
            }
        });
    }

    private static List<(string Name, string Outcome, string Message)> RunChild(string sharedFolder)
    {
        var results = Directory.CreateTempSubdirectory("mcred-trx-");
        try
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "test", typeof(SharedDataAbsenceTests).Assembly.Location, "--filter", Filter, "--logger", "trx;LogFileName=r.trx", "--results-directory", results.FullName })
            {
                psi.ArgumentList.Add(arg);
            }

            psi.Environment["MCRED_SHARED"] = sharedFolder;
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "the child test run did not finish");
            var trx = Directory.GetFiles(results.FullName, "*.trx", SearchOption.AllDirectories);
            Assert.That(trx, Has.Length.EqualTo(1), "no test results: " + stdout.Result + stderr.Result);
            XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
            var doc = XDocument.Load(trx[0]);
            var classes = doc.Descendants(ns + "UnitTest").ToDictionary(
                t => (string)t.Attribute("id")!,
                t => ((string?)t.Element(ns + "TestMethod")?.Attribute("className") ?? "").Replace("MicroCredentials.VC.Tests.", "", StringComparison.Ordinal));
            return doc.Descendants(ns + "UnitTestResult").Select(r => (
                classes.GetValueOrDefault((string)r.Attribute("testId")!, "") + "." + (string)r.Attribute("testName")!,
                (string)r.Attribute("outcome")!,
                (string?)r.Descendants(ns + "Message").FirstOrDefault() ?? (string?)r.Descendants(ns + "StdOut").FirstOrDefault() ?? "")).ToList();
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
