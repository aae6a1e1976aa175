namespace AuthService.Application.Abstractions;

/// <summary>
/// Fast, shared answer to "was this session revoked?" for access tokens still within their
/// lifetime. Entries live for <see cref="Horizon"/>. May be unavailable, or may have lost its
/// entries (a restart without persistence): then it answers null and the caller asks PostgreSQL.
/// How publishing, the fallback, the refill and the republishing fit together:
/// <see cref="Sessions.RevocationCacheJob"/>.
/// </summary>
public interface IRevocationCache
{
    /// <summary>How long an entry must live: as long as an access token can, plus a margin.</summary>
    TimeSpan Horizon { get; }

    Task MarkRevokedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct);

    /// <summary>True or false only while the cache holds every revocation of the horizon; else null.</summary>
    Task<bool?> IsRevokedAsync(Guid sessionId, CancellationToken ct);

    /// <summary>
    /// False when the cache lost its entries or never had them and must be refilled
    /// (<see cref="RestoreAsync"/>); null when it cannot answer.
    /// </summary>
    Task<bool?> IsCompleteAsync(CancellationToken ct);

    /// <summary>
    /// Starts a refill, before the durable store is read: returns its ticket, null when the cache
    /// cannot answer. A later loss of data (or another refill started meanwhile) voids the ticket.
    /// </summary>
    Task<string?> BeginRestoreAsync(CancellationToken ct);

    /// <summary>
    /// Writes these revocations (all of the horizon, read from the durable store after
    /// <see cref="BeginRestoreAsync"/>), then marks the cache complete, but only while the ticket
    /// still stands: revocations written between the read and the mark by others could have been
    /// lost with it. False when nothing was marked; the cache then stays incomplete.
    /// </summary>
    Task<bool> RestoreAsync(string ticket, IReadOnlyCollection<Guid> sessionIds, CancellationToken ct);

    /// <summary>
    /// Retries the writes that failed (each with what is left of its lifetime) and drops stale
    /// "not revoked" answers; the first step of every round of <see cref="Sessions.RevocationCacheJob"/>.
    /// </summary>
    Task HousekeepAsync(CancellationToken ct);
}
