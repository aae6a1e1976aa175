namespace AuthService.Application.Abstractions;

/// <summary>
/// Fast, shared answer to "was this session revoked?" for access tokens still within their
/// lifetime. Entries live as long as an access token can. May be unavailable: then it answers null.
/// </summary>
public interface IRevocationCache
{
    Task MarkRevokedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct);

    Task<bool?> IsRevokedAsync(Guid sessionId, CancellationToken ct);
}
