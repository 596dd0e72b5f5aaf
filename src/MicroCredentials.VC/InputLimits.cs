using System.Globalization;

namespace MicroCredentials.VC;

/// <summary>
/// How much one document may cost, the same for signing, issuing and verifying, so that nothing is signed that a
/// verifier with the same limits refuses: its size, its nesting, the JSON-LD work it causes (values expanded, quads
/// produced) and the time it may take. Immutable; start from <see cref="Default"/> and change what you need with
/// <c>with</c>. Exceeding a limit is a failure with a code (<c>format.tooLarge</c>, <c>format.timeLimitExceeded</c>,
/// <c>context.work-limit-exceeded</c>), never a hang or a crash.
/// </summary>
public sealed record InputLimits
{
    /// <summary>The defaults: 8 MiB, 128 levels, 2,000,000 JSON-LD values, 1,000,000 quads, 30 seconds.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>The largest document, in bytes of UTF-8 JSON (or of a compact token). Default 8 MiB.</summary>
    public int MaxDocumentBytes
    {
        get;
        init => field = Positive(value, nameof(MaxDocumentBytes), "The size limit must be positive.");
    } = 8 * 1024 * 1024;

    /// <summary>The deepest nesting of JSON objects and arrays. Default 128.</summary>
    public int MaxDepth
    {
        get;
        init => field = Positive(value, nameof(MaxDepth), "The depth limit must be positive.");
    } = 128;

    /// <summary>The most JSON values JSON-LD expansion may visit for one document (objects, arrays and scalars). Default 2,000,000.</summary>
    public long MaxJsonLdNodes
    {
        get;
        init => field = Positive(value, nameof(MaxJsonLdNodes), "The node limit must be positive.");
    } = 2_000_000;

    /// <summary>The most RDF quads one document may produce (eddsa-rdfc-2022 and the <c>context</c> check). Default 1,000,000.</summary>
    public long MaxQuads
    {
        get;
        init => field = Positive(value, nameof(MaxQuads), "The quad limit must be positive.");
    } = 1_000_000;

    /// <summary>
    /// The longest one signing or verification may take, network fetches included; <see cref="Timeout.InfiniteTimeSpan"/>
    /// for none. Default 30 seconds (a credential of a few megabytes takes well under one).
    /// </summary>
    public TimeSpan MaxDuration
    {
        get;
        init => field = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan ? value : throw Error.ArgumentOutOfRange(nameof(MaxDuration), "The time limit must be positive (or infinite).");
    } = TimeSpan.FromSeconds(30);

    private static T Positive<T>(T value, string name, string message)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw Error.ArgumentOutOfRange(name, message);

    /// <summary>A token that is cancelled when <see cref="MaxDuration"/> has passed, or when <paramref name="cancellationToken"/> is.</summary>
    internal CancellationTokenSource StartBudget(CancellationToken cancellationToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (MaxDuration != Timeout.InfiniteTimeSpan)
        {
            budget.CancelAfter(MaxDuration);
        }

        return budget;
    }

    /// <summary>The sentence for a document over <see cref="MaxDocumentBytes"/>.</summary>
    internal string TooLarge(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"The document is {bytes} bytes, over the limit of {MaxDocumentBytes} bytes (InputLimits.MaxDocumentBytes).");

    /// <summary>The sentence for a document that took longer than <see cref="MaxDuration"/>.</summary>
    internal string TooSlow() =>
        string.Create(CultureInfo.InvariantCulture, $"Processing the document took longer than the limit of {MaxDuration.TotalSeconds:0.###} s (InputLimits.MaxDuration).");
}
