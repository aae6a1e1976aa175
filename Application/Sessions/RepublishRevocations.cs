namespace AuthService.Application.Sessions;

/// <summary>What one instance already handed to the cache, kept between polls by <see cref="RevocationCacheJob"/>.</summary>
public sealed class RevocationTail
{
    internal DateTimeOffset? LastPoll { get; set; }

    internal Dictionary<Guid, DateTimeOffset> Handed { get; } = [];
}

public interface IRepublishRevocations
{
    /// <summary>Puts the sessions revoked since the last poll into the cache; returns how many were new.</summary>
    Task<int> ExecuteAsync(RevocationTail tail, CancellationToken ct);
}

/// <summary>
/// A revocation is committed to PostgreSQL first and published to the cache after; a crash in
/// between, or an instance cut off from Redis, would leave the other instances trusting Redis's
/// "not revoked" until the access tokens expire. So every instance also follows PostgreSQL: every
/// round of <see cref="RevocationCacheJob"/> it reads the sessions revoked in the last <see cref="Overlap"/> (at start, the
/// whole horizon) and writes those it has not handed over yet. A revocation thus reaches Redis
/// within a poll of any one instance that can reach both; each instance writing it too costs one
/// idempotent SET. The overlap covers commits that land after a later poll and clock skew between
/// instances (keep clocks within it).
/// </summary>
internal sealed class RepublishRevocations(IRevocationCache cache, ISessionRepository sessions, TimeProvider clock) : IRepublishRevocations
{
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    public async Task<int> ExecuteAsync(RevocationTail tail, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = tail.LastPoll is { } last ? last - Overlap : now - cache.Horizon;
        var revoked = await sessions.ListRevokedSinceAsync(since, ct);
        var fresh = revoked.Where(id => !tail.Handed.ContainsKey(id)).ToList();
        if (fresh.Count > 0)
        {
            // Written, or kept by the cache and retried until Redis answers (and reported revoked meanwhile).
            await cache.MarkRevokedAsync(fresh, ct);
            foreach (var id in fresh)
            {
                tail.Handed[id] = now;
            }
        }

        foreach (var (id, at) in tail.Handed)
        {
            if (at < now - (2 * Overlap))
            {
                tail.Handed.Remove(id);
            }
        }

        tail.LastPoll = now;
        return fresh.Count;
    }
}
