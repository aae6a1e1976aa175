using System.Collections.Concurrent;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// <c>auth:revoked:&lt;sid&gt;</c> = 1 for as long as an access token of that session can live.
/// Every authenticated request asks Redis (no in-process cache), so a revocation is seen by every
/// instance at once. Entries that could not be written are kept here and retried in the
/// background: otherwise a session revoked during a Redis blip would look valid once Redis is back.
/// </summary>
internal sealed class RedisRevocationCache(RedisCalls redis, IOptions<RedisTtlOptions> options, TimeProvider time, ILogger<RedisRevocationCache> logger)
    : IRevocationCache
{
    private const int MaxPending = 100_000;

    private readonly TimeSpan _ttl = TimeSpan.FromMinutes(options.Value.AccessTokenMinutes) + TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();

    public int PendingCount => _pending.Count;

    public async Task MarkRevokedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

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

    public async Task<bool?> IsRevokedAsync(Guid sessionId, CancellationToken ct)
    {
        var (ok, exists) = await redis.TryAsync(
            "revocation check", RedisKeys.Revoked(sessionId), static (db, key) => db.KeyExistsAsync(key), ct);
        if (!ok)
        {
            return null;
        }

        // Not yet in Redis but known revoked here: say so rather than "not revoked".
        return exists || _pending.ContainsKey(sessionId);
    }

    /// <summary>Writes what failed before, each with what is left of its lifetime; called about every second.</summary>
    public async Task RetryPendingAsync(CancellationToken ct)
    {
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
