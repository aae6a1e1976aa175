using System.Collections.Concurrent;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// <c>auth:revoked:&lt;sid&gt;</c> = 1 for as long as an access token of that session can live.
/// Redis is the shared truth every instance asks; a "not revoked" answer is trusted by the
/// instance that got it for a short horizon (<see cref="NotRevokedMemory"/>), so a revocation is
/// seen everywhere within that horizon and at once on the instance that made it. Entries that
/// could not be written are kept here and retried in the background: otherwise a session revoked
/// during a Redis blip would look valid once Redis is back.
/// </summary>
internal sealed class RedisRevocationCache(
    RedisCalls redis,
    IOptions<RedisTtlOptions> ttlOptions,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisRevocationCache> logger)
    : IRevocationCache
{
    private const int MaxPending = 100_000;

    private readonly TimeSpan _ttl = TimeSpan.FromMinutes(ttlOptions.Value.AccessTokenMinutes) + TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();
    private readonly NotRevokedMemory _notRevoked = new(TimeSpan.FromMilliseconds(options.Value.RevocationRecheckMs), time);

    public int PendingCount => _pending.Count;

    internal NotRevokedMemory NotRevoked => _notRevoked;

    public async Task MarkRevokedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

        try
        {
            if (!await TryWriteAsync(sessionIds, _ttl, ct))
            {
                var until = time.GetUtcNow() + _ttl;
                foreach (var id in sessionIds.Take(MaxPending - _pending.Count))
                {
                    _pending[id] = until;
                }

                logger.LogWarning("Could not cache the revocation of {Count} session(s) in Redis; retrying in the background", sessionIds.Count);
            }
        }
        finally
        {
            // After the write: an answer asked for before it is dropped by the epoch check.
            _notRevoked.Forget(sessionIds);
        }
    }

    public async Task<bool?> IsRevokedAsync(Guid sessionId, CancellationToken ct)
    {
        if (_notRevoked.Remembers(sessionId))
        {
            return false;
        }

        var asked = _notRevoked.BeforeAsking();
        var (ok, exists) = await redis.TryAsync(
            "revocation check", RedisKeys.Revoked(sessionId), static (db, key) => db.KeyExistsAsync(key), ct);
        if (!ok)
        {
            return null;
        }

        // Not yet in Redis but known revoked here: say so rather than "not revoked".
        var revoked = exists || _pending.ContainsKey(sessionId);
        if (!revoked)
        {
            _notRevoked.Remember(sessionId, asked);
        }

        return revoked;
    }

    /// <summary>
    /// Writes what failed before, each with what is left of its lifetime, and drops stale
    /// "not revoked" answers; called about every second.
    /// </summary>
    public async Task HousekeepAsync(CancellationToken ct)
    {
        _notRevoked.Prune();
        var now = time.GetUtcNow();
        foreach (var (id, until) in _pending)
        {
            var left = until - now;
            if (left <= TimeSpan.Zero)
            {
                _pending.TryRemove(id, out _);
                continue;
            }

            if (!await TryWriteAsync([id], left, ct))
            {
                return;
            }

            _pending.TryRemove(id, out _);
        }
    }

    private async Task<bool> TryWriteAsync(IReadOnlyCollection<Guid> sessionIds, TimeSpan ttl, CancellationToken ct)
    {
        var (ok, written) = await redis.TryAsync("revocation write", (sessionIds, ttl), WriteAllAsync, ct);
        return ok && written;
    }

    /// <summary>One round trip for all of them: a user with many sessions signs out everywhere at once.</summary>
    private static async Task<bool> WriteAllAsync(IDatabase db, (IReadOnlyCollection<Guid> SessionIds, TimeSpan Ttl) state)
    {
        var batch = db.CreateBatch();
        var writes = state.SessionIds.Select(id => batch.StringSetAsync(RedisKeys.Revoked(id), "1", state.Ttl)).ToArray();
        batch.Execute();
        var results = await Task.WhenAll(writes);
        return results.All(written => written);
    }
}
