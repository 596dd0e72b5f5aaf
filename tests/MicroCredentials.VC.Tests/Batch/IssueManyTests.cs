using System.Diagnostics;
using System.Runtime.CompilerServices;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Verification;

namespace MicroCredentials.VC.Tests.Batch;

/// <summary><see cref="CredentialIssuer.IssueManyAsync"/>: parallel, streaming, per-item results, cancellation.</summary>
public class IssueManyTests
{
    private static readonly MicroCredential Valid = MicroCredentialTests.LoadSample("university-data-science");
    private static readonly MicroCredential Invalid = Valid with { Title = null, Learner = null };

    private static BatchItem Item(int i, bool valid) =>
        new("item-" + i, valid ? Valid with { Learner = new Learner { FullName = "Learner " + i } } : Invalid);

    private static async IAsyncEnumerable<BatchItem> Items(IEnumerable<BatchItem> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return item;
        }
    }

    private static async Task<List<BatchResult>> All(IAsyncEnumerable<BatchResult> results)
    {
        var list = new List<BatchResult>();
        await foreach (var r in results)
        {
            list.Add(r);
        }

        return list;
    }

    [Test]
    public async Task IssueMany_MixedItems_OneResultPerItemById()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022 });
        var items = Enumerable.Range(0, 40).Select(i => Item(i, valid: i % 5 != 3)).ToList();

        var results = await All(issuer.IssueManyAsync(Items(items), new BatchOptions { MaxDegreeOfParallelism = 4 }));

        Assert.That(results.Select(r => r.Id), Is.EquivalentTo(items.Select(i => i.Id)));
        foreach (var r in results)
        {
            var index = int.Parse(r.Id["item-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            if (index % 5 == 3)
            {
                Assert.That(r.Outcome, Is.EqualTo(BatchOutcome.Invalid), r.Id);
                Assert.That(r.Credential, Is.Null);
                Assert.That(r.Validation!.Errors.Select(e => e.Element), Does.Contain("title").And.Contain("learner"));
                Assert.That(r.Succeeded, Is.False);
                Assert.That(r.Problem!.Code, Is.EqualTo(BatchCodes.InvalidModel));
                Assert.That(r.Problem.Message, Does.Contain("title").And.Contain("learner"));
            }
            else
            {
                Assert.That(r.Outcome, Is.EqualTo(BatchOutcome.Issued), r.Id);
                Assert.That(r.Succeeded, Is.True);
                Assert.That(r.Problem, Is.Null);
                Assert.That(r.Credential, Is.Not.Null);
            }
        }

        var sample = results.First(r => r.Succeeded);
        var report = await new CredentialVerifier().VerifyAsync(sample.Credential!.ToJsonString());
        Assert.That(report.Verified, Is.True, string.Join("\n", report.Checks));
    }

    /// <summary>The EDC profile, except that it adds an undefined term for "Learner 3" and throws for "Learner 5".</summary>
    private sealed class FaultyProfile : ICredentialProfile
    {
        public string Name => "faulty";

        public JsonObject ToCredential(MicroCredential model, CredentialOptions options)
        {
            var credential = CredentialProfiles.Edc.ToCredential(model, options);
            switch (model.Learner?.FullName)
            {
                case "Learner 3":
                    credential["notDefinedAnywhere"] = "x";
                    break;
                case "Learner 5":
                    throw new InvalidOperationException("a bug in a custom profile");
                default:
                    break;
            }

            return credential;
        }

        public bool CanRead(JsonObject credential) => CredentialProfiles.Edc.CanRead(credential);

        public ProfileReadResult FromCredential(JsonObject credential) => CredentialProfiles.Edc.FromCredential(credential);
    }

    [Test]
    public async Task IssueMany_SigningErrors_AreResultsNotExceptions()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Profile = new FaultyProfile() });

        var results = (await All(issuer.IssueManyAsync(Items(Enumerable.Range(0, 8).Select(i => Item(i, valid: true)))))).ToDictionary(r => r.Id);

        Assert.That(results, Has.Count.EqualTo(8));
        Assert.That(results["item-3"].Outcome, Is.EqualTo(BatchOutcome.Failed));
        Assert.That(results["item-3"].Problem!.Code, Does.StartWith("context."));
        Assert.That(results["item-3"].Problem!.Message, Does.Not.Contain("Learner"), "the problem never quotes the document");
        Assert.That(results["item-3"].Exception, Is.InstanceOf<ProofException>());
        Assert.That(results["item-5"].Outcome, Is.EqualTo(BatchOutcome.Failed));
        Assert.That(results["item-5"].Problem!.Code, Is.EqualTo(BatchCodes.Unexpected));
        Assert.That(results["item-5"].ToString(), Does.Contain(BatchCodes.Unexpected));
        Assert.That(results["item-5"].ToString(), Does.Not.Contain("bug").And.Not.Contain("Learner"));
        Assert.That(results.Values.Count(r => r.Succeeded), Is.EqualTo(6));
    }

    [Test]
    public async Task IssueMany_OneWorker_SameResultsAsIssueAsync()
    {
        using var key = Ed25519SigningKey.Generate();
        var fixedTime = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022, Created = fixedTime });
        var model = Valid with { Id = "urn:uuid:8d0c5d3e-2f7a-4c1e-9b7a-1f2e3d4c5b6a", IssuedOn = fixedTime };

        var results = await All(issuer.IssueManyAsync(Items([new BatchItem("only", model)]), new BatchOptions { MaxDegreeOfParallelism = 1, BufferSize = 1 }));
        var single = await issuer.IssueAsync(model);

        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].Credential!.ToJsonString(), Is.EqualTo(single.Credential!.ToJsonString()));
    }

    [Test]
    public async Task IssueMany_LazySourceOf5000_IsStreamedNotMaterialized()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022 });
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, BufferSize = 8 };
        long produced = 0;
        long consumed = 0;
        long maxAhead = 0;

        async IAsyncEnumerable<BatchItem> Lazy()
        {
            for (var i = 0; i < 5000; i++)
            {
                await Task.Yield();
                var ahead = Interlocked.Increment(ref produced) - Interlocked.Read(ref consumed);
                InterlockedMax(ref maxAhead, ahead);
                yield return Item(i, valid: i % 250 == 0); // mostly invalid: fast, yet every item goes through the pipeline
            }
        }

        var ids = new HashSet<string>();
        await foreach (var r in issuer.IssueManyAsync(Lazy(), options))
        {
            Interlocked.Increment(ref consumed);
            Assert.That(ids.Add(r.Id), Is.True, "one result per item");
            if (ids.Count % 500 == 0)
            {
                await Task.Delay(1); // a slow reader: the pipeline must wait for it, not read ahead
            }
        }

        Assert.That(ids, Has.Count.EqualTo(5000));

        // In flight at most: the item being produced, the input buffer, one per worker, the output buffer.
        Assert.That(maxAhead, Is.LessThanOrEqualTo(1 + 8 + 2 + 8 + 1));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Test]
    public async Task IssueMany_Cancelled_StopsPromptlyWithOperationCanceled()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key);
        using var cts = new CancellationTokenSource();
        long produced = 0;

        async IAsyncEnumerable<BatchItem> Endless([EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 0; ; i++)
            {
                ct.ThrowIfCancellationRequested();
                await Task.Yield();
                Interlocked.Increment(ref produced);
                yield return Item(i, valid: true);
            }
        }

        var seen = 0;
        var stopwatch = new Stopwatch();
        Assert.That(
            async () =>
            {
                await foreach (var r in issuer.IssueManyAsync(Endless(), new BatchOptions { MaxDegreeOfParallelism = 2, BufferSize = 4 }, cts.Token))
                {
                    if (++seen == 10)
                    {
                        stopwatch.Start();
                        await cts.CancelAsync();
                    }
                }
            },
            Throws.InstanceOf<OperationCanceledException>());
        stopwatch.Stop();

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        var after = Interlocked.Read(ref produced);
        await Task.Delay(200);
        Assert.That(Interlocked.Read(ref produced), Is.EqualTo(after), "the source is no longer read after cancellation");
        Assert.That(after, Is.LessThan(10 + 4 + 2 + 4 + 2));
    }

    [Test]
    public async Task IssueMany_ReaderStopsEarly_NoExceptionAndSourceStops()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022 });
        var items = Enumerable.Range(0, 1000).Select(i => Item(i, valid: false));
        var count = 0;
        await foreach (var r in issuer.IssueManyAsync(Items(items)))
        {
            if (++count == 3)
            {
                break;
            }
        }

        Assert.That(count, Is.EqualTo(3));
    }

    [Test]
    public void IssueMany_SourceThrows_TheExceptionReachesTheReader()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key, new IssuerOptions { Cryptosuite = Cryptosuites.EdDsaJcs2022 });

        async IAsyncEnumerable<BatchItem> Broken()
        {
            yield return Item(0, valid: false);
            await Task.Yield();
            throw new IOException("the export could not be read");
        }

        Assert.That(async () => await All(issuer.IssueManyAsync(Broken())), Throws.InstanceOf<IOException>().With.Message.Contains("export"));
    }

    [Test]
    public void IssueMany_NullItems_ThrowsAtOnce()
    {
        using var key = Ed25519SigningKey.Generate();
        var issuer = CredentialIssuer.ForDidKey(key);
        Assert.That(() => issuer.IssueManyAsync(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void BatchOptions_Defaults_AndRejectsNonPositive()
    {
        Assert.That(BatchOptions.Default.MaxDegreeOfParallelism, Is.EqualTo(Environment.ProcessorCount));
        Assert.That(BatchOptions.Default.BufferSize, Is.Null);
        Assert.That(() => new BatchOptions { MaxDegreeOfParallelism = 0 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new BatchOptions { BufferSize = 0 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
