namespace AuthService.Application.Login;

/// <summary>What one failed attempt did to a lockout counter.</summary>
public enum LockoutOutcome
{
    /// <summary>Counted; the limit is not reached (or the store could not answer).</summary>
    Counted,

    /// <summary>This failure reached the limit: a lock starts now.</summary>
    LockStarted,

    /// <summary>A lock was already running (another attempt got there first).</summary>
    AlreadyLocked,
}

/// <summary>
/// Failure counters and locks per key, kept where an unknown identifier costs no table row (Redis):
/// a guessing run against addresses nobody has must not grow the database. Fails open: when the
/// store cannot answer nothing is locked, as with rate limits.
/// </summary>
public interface ILockoutStore
{
    /// <summary>How long the key stays locked, or null when it is not.</summary>
    Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct);

    /// <summary>Counts a failure within <paramref name="window"/>; at <paramref name="maxFailures"/> the key locks for <paramref name="lockFor"/>.</summary>
    Task<LockoutOutcome> RecordFailureAsync(string key, int maxFailures, TimeSpan window, TimeSpan lockFor, CancellationToken ct);

    /// <summary>Forgets the failures and lifts the locks of these keys.</summary>
    Task ClearAsync(IReadOnlyCollection<string> keys, CancellationToken ct);
}
