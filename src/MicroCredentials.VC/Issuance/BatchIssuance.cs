using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Proofs;
using MicroCredentials.VC.Status;

namespace MicroCredentials.VC.Issuance;

/// <summary>One micro-credential to issue in a batch (<see cref="CredentialIssuer.IssueManyAsync"/>).</summary>
/// <param name="Id">The caller's identifier of the item (e.g. a row id); returned with its result, never interpreted.</param>
/// <param name="Model">The micro-credential to issue.</param>
public sealed record BatchItem(string Id, MicroCredential Model)
{
    /// <summary>Status entries (W3C Bitstring Status List) for the credential; empty for none.</summary>
    public IReadOnlyList<BitstringStatusListEntry> Status { get => field ?? []; init; }

    /// <summary>The item's id only: never the learner's personal data.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() => "BatchItem { Id = " + Id + " }";
}

/// <summary>How <see cref="CredentialIssuer.IssueManyAsync"/> runs. Immutable.</summary>
public sealed record BatchOptions
{
    /// <summary>The defaults: one worker per processor, a buffer of four items per worker.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>How many items are issued at the same time; <see cref="Environment.ProcessorCount"/> by default. At least 1.</summary>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value >= 1 ? value : throw Error.ArgumentOutOfRange(nameof(MaxDegreeOfParallelism), "At least one worker is needed.");
    } = Environment.ProcessorCount;

    /// <summary>
    /// How many items may wait to be issued, and how many results may wait to be read, at any time; null: four per
    /// worker. This bounds memory however long the input is. At least 1.
    /// </summary>
    public int? BufferSize
    {
        get;
        init => field = value is null or >= 1 ? value : throw Error.ArgumentOutOfRange(nameof(BufferSize), "The buffer holds at least one item.");
    }
}

/// <summary>What happened to one item of a batch.</summary>
public enum BatchOutcome
{
    /// <summary>The credential was issued (<see cref="BatchResult.Credential"/>).</summary>
    Issued,

    /// <summary>The model is not a complete or well-formed micro-credential (<see cref="BatchResult.Validation"/> lists why; <see cref="BatchResult.Problem"/> has code <see cref="BatchCodes.InvalidModel"/>).</summary>
    Invalid,

    /// <summary>The credential could not be signed (<see cref="BatchResult.Problem"/>, <see cref="BatchResult.Exception"/>).</summary>
    Failed,
}

/// <summary>The result of one item of a batch. Results come in completion order, not input order: match them by <see cref="Id"/>.</summary>
public sealed record BatchResult
{
    /// <summary>The item's <see cref="BatchItem.Id"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Issued, invalid or failed.</summary>
    public required BatchOutcome Outcome { get; init; }

    /// <summary>The signed credential when <see cref="Outcome"/> is <see cref="BatchOutcome.Issued"/>.</summary>
    public JsonObject? Credential { get; init; }

    /// <summary>The model's validation (errors when invalid; possibly warnings when issued); null when the model was not validated.</summary>
    public ValidationResult? Validation { get; init; }

    /// <summary>
    /// Why no credential was issued; null when one was. For <see cref="BatchOutcome.Invalid"/> the code is
    /// <see cref="BatchCodes.InvalidModel"/> and the message lists the validation errors; for
    /// <see cref="BatchOutcome.Failed"/> the code is the <see cref="ProofException.Code"/> or <see cref="BatchCodes.Unexpected"/>.
    /// The message never holds personal data (unlike <see cref="Exception"/>'s).
    /// </summary>
    public Problem? Problem { get; init; }

    /// <summary>The exception that made the item fail, if any. Its message may quote the document: do not log it where personal data must not go.</summary>
    public Exception? Exception { get; init; }

    /// <summary>Whether a credential was issued.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Credential))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Outcome == BatchOutcome.Issued && Credential is not null && Problem is null;

    /// <summary>The id, the outcome and the problem's code only: never the credential (personal data) or the exception's message.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() => "BatchResult { Id = " + Id + ", Outcome = " + Outcome + (Problem is null ? string.Empty : ", Problem = " + Problem.Code) + " }";
}

/// <summary>Batch issuance.</summary>
public sealed partial class CredentialIssuer
{
    /// <summary>
    /// Issues many micro-credentials at once: reads <paramref name="items"/> as it goes, issues up to
    /// <see cref="BatchOptions.MaxDegreeOfParallelism"/> of them concurrently, and yields one result per item as soon as
    /// it is ready (completion order, so match results by <see cref="BatchResult.Id"/>). Items and results pass through
    /// bounded buffers, so memory stays flat however many items there are, and a slow reader slows the workers down.
    /// A bad item never throws: it yields a result with its validation problems or its signing error.
    /// </summary>
    /// <param name="items">The items, read once, lazily. An exception it throws ends the batch and is rethrown.</param>
    /// <param name="options">Parallelism and buffer size; <see cref="BatchOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops reading items, stops the workers and ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The results, one per item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public IAsyncEnumerable<BatchResult> IssueManyAsync(IAsyncEnumerable<BatchItem> items, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return IssueManyCore(items, options ?? BatchOptions.Default, cancellationToken);
    }

    private async IAsyncEnumerable<BatchResult> IssueManyCore(IAsyncEnumerable<BatchItem> items, BatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var workers = options.MaxDegreeOfParallelism;
        var capacity = options.BufferSize ?? 4 * workers;
        var pending = Channel.CreateBounded<BatchItem>(new BoundedChannelOptions(capacity) { SingleWriter = true, SingleReader = workers == 1, FullMode = BoundedChannelFullMode.Wait });
        var done = Channel.CreateBounded<BatchResult>(new BoundedChannelOptions(capacity) { SingleWriter = workers == 1, SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;

        var producer = Task.Run(() => ProduceAsync(items, pending.Writer, token), CancellationToken.None);
        var consumers = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            consumers[i] = Task.Run(() => WorkAsync(pending.Reader, done.Writer, token), CancellationToken.None);
        }

        var all = Task.WhenAll(consumers).ContinueWith(
            t => done.Writer.TryComplete(t.Exception?.InnerException),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            await foreach (var result in done.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                yield return result;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await producer.ConfigureAwait(false); // rethrows what the caller's enumerable threw
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(producer, all).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the workers' fate after the enumeration ended (early exit, cancellation) is not the caller's concern
            catch (Exception)
#pragma warning restore CA1031
            {
                // already observed above, or the consequence of cancelling
            }
        }
    }

    private static async Task ProduceAsync(IAsyncEnumerable<BatchItem> items, ChannelWriter<BatchItem> writer, CancellationToken token)
    {
        try
        {
            await foreach (var item in items.WithCancellation(token).ConfigureAwait(false))
            {
                if (item is null)
                {
                    throw Error.Argument(nameof(items), "A batch item is null.");
                }

                await writer.WriteAsync(item, token).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception)
        {
            // The workers drain what was read, then stop; the exception is rethrown to the reader of the results.
            writer.TryComplete();
            throw;
        }
    }

    private async Task WorkAsync(ChannelReader<BatchItem> reader, ChannelWriter<BatchResult> writer, CancellationToken token)
    {
        while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                token.ThrowIfCancellationRequested();
                var result = await IssueOneAsync(item, token).ConfigureAwait(false);
                await writer.WriteAsync(result, token).ConfigureAwait(false);
            }
        }
    }

    private async Task<BatchResult> IssueOneAsync(BatchItem item, CancellationToken token)
    {
        try
        {
            var issued = await IssueAsync(item.Model, item.Status, token).ConfigureAwait(false);
            return issued.Credential is { } credential
                ? new BatchResult { Id = item.Id, Outcome = BatchOutcome.Issued, Credential = credential, Validation = issued.Validation }
                : new BatchResult { Id = item.Id, Outcome = BatchOutcome.Invalid, Validation = issued.Validation, Problem = new Problem(BatchCodes.InvalidModel, "not a complete micro-credential: " + string.Join("; ", issued.Validation.Errors)) };
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (ProofException ex)
        {
            return new BatchResult { Id = item.Id, Outcome = BatchOutcome.Failed, Problem = SigningFailed(ex.Code), Exception = ex };
        }
#pragma warning disable CA1031 // a bad item is a result, never the end of the batch
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new BatchResult { Id = item.Id, Outcome = BatchOutcome.Failed, Problem = SigningFailed(BatchCodes.Unexpected), Exception = ex };
        }
    }

    // The exception's message may quote the document: only its code is reported.
    private static Problem SigningFailed(string code) => new(code, "the credential could not be signed (" + code + ")");
}
