namespace MicroCredentials.VC.Verification;

/// <summary>A clock stopped at one instant: verify as of a past or future time (audits, <c>mcred verify --at</c>, tests).</summary>
/// <param name="now">The instant the clock shows.</param>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>The instant the clock shows.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
