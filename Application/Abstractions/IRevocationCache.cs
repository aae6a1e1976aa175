namespace AuthService.Application.Abstractions;

/// <summary>
/// Fast, shared answer to "was this session revoked?" for access tokens still within their
/// lifetime. Entries live for <see cref="Horizon"/>. May be unavailable, or may have lost its
/// entries (a restart without persistence): then it answers null and the caller asks PostgreSQL.
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
    /// Writes these revocations (all of the horizon, from the durable store), then marks the cache
    /// complete again. False when it could not write them all; the cache then stays incomplete.
    /// </summary>
    Task<bool> RestoreAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct);
}
