using Microsoft.Extensions.Logging;

namespace AuthService.Application.Sessions;

public interface IRestoreRevocationCache
{
    /// <summary>How many revocations were restored; null when the cache was complete or could not answer.</summary>
    Task<int?> ExecuteAsync(CancellationToken ct);
}

/// <summary>
/// Redis can lose its entries: a restart without persistence, a failover to an empty replica, a
/// FLUSHALL. Its "complete" marker goes with them, so from that moment every revocation check
/// falls back to PostgreSQL (a revoked session never comes back), and this refills the cache from
/// PostgreSQL: every session revoked within the horizon, then the marker. Run every round of
/// <see cref="RevocationCacheJob"/> by every instance; refills are idempotent, so two instances
/// doing it at once do no harm.
/// </summary>
internal sealed class RestoreRevocationCache(
    IRevocationCache cache,
    ISessionRepository sessions,
    TimeProvider clock,
    ILogger<RestoreRevocationCache> logger) : IRestoreRevocationCache
{
    public async Task<int?> ExecuteAsync(CancellationToken ct)
    {
        if (await cache.IsCompleteAsync(ct) is not false || await cache.BeginRestoreAsync(ct) is not { } ticket)
        {
            return null;
        }

        var revoked = await sessions.ListRevokedSinceAsync(clock.GetUtcNow() - cache.Horizon, ct);
        if (!await cache.RestoreAsync(ticket, revoked, ct))
        {
            return null;
        }

        logger.LogInformation("The revocation cache was empty; restored {Count} revoked session(s) from PostgreSQL", revoked.Count);
        return revoked.Count;
    }
}
