namespace AuthService.Domain.Outbox;

/// <summary>
/// When a failed delivery is tried again: exponential back-off (5 s, 10 s, 20 s ... capped at one
/// hour) with jitter, so instances and messages that failed together do not retry together; a
/// message keeps being retried for <see cref="RetryFor"/> after it was written, then it is dead.
/// A permanent failure (an address the mail server refuses) is dead at once.
/// </summary>
public static class RetrySchedule
{
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(24);
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <param name="attempts">Attempts made so far, the failed one included (1 after the first).</param>
    /// <param name="jitter">A random number in [0, 1): the delay is scaled into [50 %, 100 %].</param>
    /// <returns>The next attempt's time, or null when the message is dead.</returns>
    public static DateTimeOffset? Next(int attempts, DateTimeOffset createdAt, DateTimeOffset now, bool permanent, double jitter)
    {
        if (permanent || now - createdAt >= RetryFor)
        {
            return null;
        }

        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = TimeSpan.FromTicks(Math.Min(Cap.Ticks, First.Ticks << exponent));
        var next = now + delay * (0.5 + (Math.Clamp(jitter, 0, 1) / 2));

        // The last try lands at the end of the retry period, not an hour past it.
        var deadline = createdAt + RetryFor;
        return next < deadline ? next : deadline;
    }
}
