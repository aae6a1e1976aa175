using System.Collections.Concurrent;

namespace AuthService.Adapters.Redis;

/// <summary>
/// Which sessions Redis lately said were not revoked, and when it was asked: for a short horizon
/// (<c>REDIS__REVOCATION_RECHECK_MS</c>, well under the contract's 1 s) this instance trusts that
/// answer instead of asking again, so a client making many requests costs one Redis call per
/// horizon, not one per request. A revocation made on this instance is forgotten here at once;
/// one made on another instance is seen here at most a horizon later. An answer whose question
/// was asked before a revocation on this instance is never remembered (the epoch check), so a
/// request in flight during the revocation cannot bring the session back for a horizon.
/// </summary>
internal sealed class NotRevokedMemory(TimeSpan horizon, TimeProvider time)
{
    /// <summary>At most this many sessions are remembered; beyond, answers are simply not kept.</summary>
    internal const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, long> _askedAt = new();
    private long _epoch;

    public bool Enabled => horizon > TimeSpan.Zero;

    public int Count => _askedAt.Count;

    /// <summary>Taken before asking Redis, and handed back to <see cref="Remember"/> with its answer.</summary>
    public (long AskedAt, long Epoch) BeforeAsking() => (time.GetTimestamp(), Volatile.Read(ref _epoch));

    public bool Remembers(Guid sessionId) =>
        _askedAt.TryGetValue(sessionId, out var askedAt) && time.GetElapsedTime(askedAt) < horizon;

    public void Remember(Guid sessionId, (long AskedAt, long Epoch) asked)
    {
        if (!Enabled || _askedAt.Count >= MaxEntries)
        {
            return;
        }

        _askedAt[sessionId] = asked.AskedAt;

        // A revocation on this instance began after the question was asked: the answer may
        // predate it. Undo (the revocation's own Forget may already have run before the write above).
        if (Volatile.Read(ref _epoch) != asked.Epoch)
        {
            _askedAt.TryRemove(sessionId, out _);
        }
    }

    public void Forget(IEnumerable<Guid> sessionIds)
    {
        Interlocked.Increment(ref _epoch);
        foreach (var id in sessionIds)
        {
            _askedAt.TryRemove(id, out _);
        }
    }

    /// <summary>Drops answers past the horizon; called every round of the revocation job.</summary>
    public void Prune()
    {
        foreach (var (id, askedAt) in _askedAt)
        {
            if (time.GetElapsedTime(askedAt) >= horizon)
            {
                _askedAt.TryRemove(new KeyValuePair<Guid, long>(id, askedAt));
            }
        }
    }
}
