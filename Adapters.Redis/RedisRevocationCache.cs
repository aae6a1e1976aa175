using System.Collections.Concurrent;
using System.Security.Cryptography;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// <c>auth:revoked:&lt;sid&gt;</c> = 1 for as long as an access token of that session can live.
/// Redis can answer "not revoked" only while <c>auth:revocations:complete</c> exists: the marker is
/// set when the entries were (re)filled from PostgreSQL and has no TTL, so when Redis loses its
/// data the marker goes too, and the answer is "unknown" (PostgreSQL decides) until the refill.
/// Redis is the shared truth every instance asks; a "not revoked" answer is trusted by the
/// instance that got it for a short horizon (<see cref="NotRevokedMemory"/>), so a revocation is
/// seen everywhere within that horizon and at once on the instance that made it. Entries that
/// could not be written are kept here and retried by <see cref="HousekeepAsync"/>: otherwise a
/// session revoked during a Redis blip would look valid once Redis is back. The mechanism as a
/// whole (publish, fallback, refill, republish): <c>Application.Sessions.RevocationCacheJob</c>.
/// </summary>
internal sealed class RedisRevocationCache(
    RedisCalls redis,
    TokenSettings tokens,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisRevocationCache> logger)
    : IRevocationCache
{
    private const int MaxPending = 100_000;
    private const int RestoreChunk = 1_000;

    private const string MarkCompleteScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            redis.call('SET', KEYS[2], ARGV[2])
            redis.call('DEL', KEYS[1])
            return 1
        end
        return 0
        """;

    private static readonly TimeSpan RestoreTicketLifetime = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _ttl = tokens.AccessTokenLifetime + TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();
    private readonly NotRevokedMemory _notRevoked = new(TimeSpan.FromMilliseconds(options.Value.RevocationRecheckMs), time);

    public TimeSpan Horizon => _ttl;

    public int PendingCount => _pending.Count;

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
        var (ok, values) = await redis.TryAsync(
            "revocation check",
            RedisKeys.Revoked(sessionId),
            static (db, key) => db.StringGetAsync([RedisKeys.RevocationsComplete, key]),
            ct);
        if (!ok)
        {
            return null;
        }

        // Known revoked here but not yet in Redis: say so rather than "not revoked".
        if (!values[1].IsNull || _pending.ContainsKey(sessionId))
        {
            return true;
        }

        // No marker: Redis lost its entries (or never had them), so "absent" proves nothing.
        if (values[0].IsNull)
        {
            return null;
        }

        _notRevoked.Remember(sessionId, asked);
        return false;
    }

    public async Task<bool?> IsCompleteAsync(CancellationToken ct)
    {
        var (ok, exists) = await redis.TryAsync(
            "revocation marker check", RedisKeys.RevocationsComplete, static (db, key) => db.KeyExistsAsync(key), ct);
        return ok ? exists : null;
    }

    public async Task<string?> BeginRestoreAsync(CancellationToken ct)
    {
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var (ok, written) = await redis.TryAsync(
            "revocation refill start",
            ticket,
            static (db, t) => db.StringSetAsync(RedisKeys.RevocationsRestoring, t, RestoreTicketLifetime),
            ct);
        return ok && written ? ticket : null;
    }

    public async Task<bool> RestoreAsync(string ticket, IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        foreach (var chunk in sessionIds.Chunk(RestoreChunk))
        {
            if (!await TryWriteAsync(chunk, _ttl, ct))
            {
                return false;
            }
        }

        // The marker only while our ticket stands: if Redis lost its data again since the ticket
        // was written, revocations written meanwhile by others may be gone with it.
        var (ok, marked) = await redis.TryAsync(
            "revocation marker write",
            (Ticket: ticket, At: time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            static (db, s) => db.ScriptEvaluateAsync(
                MarkCompleteScript,
                [RedisKeys.RevocationsRestoring, RedisKeys.RevocationsComplete],
                [s.Ticket, s.At]),
            ct);
        return ok && (int)marked == 1;
    }

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
