using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ServiceKeys;

public interface IServiceKeyRepository
{
    Task AddAsync(ServiceKey key, CancellationToken ct);

    /// <summary>Keys that are not revoked (expired ones included), newest first.</summary>
    Task<IReadOnlyList<ServiceKey>> ListUnrevokedAsync(CancellationToken ct);

    /// <summary>False when the key is unknown or already revoked.</summary>
    Task<bool> RevokeAsync(Guid keyId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Every key with this public prefix (normally one), revoked or not.</summary>
    Task<IReadOnlyList<ServiceKey>> FindByPrefixAsync(string prefix, CancellationToken ct);

    /// <summary>Sets last_used_at unless it is already at or after <paramref name="notBefore"/>.</summary>
    Task TouchLastUsedAsync(Guid keyId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct);
}
