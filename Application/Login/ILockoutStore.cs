namespace AuthService.Application.Login;

/// <summary>
/// Failure counters and locks per key, kept where an unknown identifier costs no table row (Redis):
/// a guessing run against addresses nobody has must not grow the database. It only counts and
/// holds locks; when a count starts a lock is <see cref="Domain.Users.PasswordLockoutRule"/>'s to
/// say. Fails open: when the store cannot answer nothing is locked, as with rate limits.
/// </summary>
public interface ILockoutStore
{
    /// <summary>How long the key stays locked, or null when it is not.</summary>
    Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct);

    /// <summary>
    /// Counts one failure in a window of <paramref name="window"/> that the first failure starts;
    /// returns the count, or null when a lock already runs (nothing counted) or the store cannot answer.
    /// </summary>
    Task<long?> CountFailureAsync(string key, TimeSpan window, CancellationToken ct);

    /// <summary>
    /// Locks the key for <paramref name="lockFor"/> and forgets its failures, unless a lock already
    /// runs; true when this call started it (parallel failures past the limit start one lock).
    /// </summary>
    Task<bool> TryLockAsync(string key, TimeSpan lockFor, CancellationToken ct);

    /// <summary>Forgets the failures and lifts the locks of these keys.</summary>
    Task ClearAsync(IReadOnlyCollection<string> keys, CancellationToken ct);
}
