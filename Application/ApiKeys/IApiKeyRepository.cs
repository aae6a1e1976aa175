using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

public interface IApiKeyRepository
{
    /// <summary>
    /// Inserts the key unless its owner already has <paramref name="maxActive"/> active keys;
    /// false when the cap is reached. The check and the insert are serialised per owner.
    /// </summary>
    Task<bool> AddWithinCapAsync(ApiKey key, int maxActive, DateTimeOffset now, CancellationToken ct);

    /// <summary>The owner's keys that are not revoked (expired ones included), newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListUnrevokedForUserAsync(Guid userId, CancellationToken ct);

    /// <summary>Revokes the owner's key; false when it is unknown, someone else's or already revoked.</summary>
    Task<bool> RevokeAsync(Guid keyId, Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Revokes every active key of the user (password change or reset, account start-over); returns how many.</summary>
    Task<int> RevokeAllForUserAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Every key with this public prefix (normally one), revoked or not.</summary>
    Task<IReadOnlyList<ApiKey>> FindByPrefixAsync(string prefix, CancellationToken ct);

    /// <summary>Sets last_used_at unless it is already at or after <paramref name="notBefore"/>.</summary>
    Task TouchLastUsedAsync(Guid keyId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct);
}
