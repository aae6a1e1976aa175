using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

/// <summary>Both kinds of key (a user's, a service's) in one store.</summary>
public interface IApiKeyRepository
{
    /// <summary>
    /// Inserts a user's key unless its owner already has <paramref name="maxActive"/> active keys;
    /// false when the cap is reached. The check and the insert are serialised per owner.
    /// </summary>
    Task<bool> AddWithinCapAsync(ApiKey key, int maxActive, DateTimeOffset now, CancellationToken ct);

    /// <summary>Inserts a service key (no owner, so no cap).</summary>
    Task AddAsync(ApiKey key, CancellationToken ct);

    /// <summary>The owner's keys that are not revoked (expired ones included), newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListUnrevokedForUserAsync(Guid userId, CancellationToken ct);

    /// <summary>Service keys that are not revoked (expired ones included), newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListUnrevokedServiceKeysAsync(CancellationToken ct);

    Task<ApiKey?> FindAsync(Guid keyId, CancellationToken ct);

    /// <summary>Stores the revocation <see cref="ApiKey.Revoke"/> made; false when the key was revoked meanwhile.</summary>
    Task<bool> SaveRevocationAsync(ApiKey key, CancellationToken ct);

    /// <summary>Revokes every active key of the user (password change or reset, account start-over); returns how many.</summary>
    Task<int> RevokeAllForUserAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Every key of either kind with this public prefix (normally one), revoked or not.</summary>
    Task<IReadOnlyList<ApiKey>> FindByPrefixAsync(string prefix, CancellationToken ct);

    /// <summary>Sets last_used_at unless it is already after <paramref name="notBefore"/> (as <see cref="ApiKey.RecordUse"/>).</summary>
    Task TouchLastUsedAsync(Guid keyId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct);
}
