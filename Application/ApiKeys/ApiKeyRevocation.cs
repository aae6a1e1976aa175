using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

internal static class ApiKeyRevocation
{
    /// <summary>
    /// Loads the key, lets <see cref="ApiKey.Revoke"/> decide and stores the result; false when the
    /// key is unknown, not <paramref name="mayRevoke"/> by this caller, or already revoked (also by
    /// a concurrent request: the store's write is conditional).
    /// </summary>
    public static async Task<bool> TryRevokeAsync(
        this IApiKeyRepository keys, Guid keyId, Func<ApiKey, bool> mayRevoke, DateTimeOffset now, CancellationToken ct) =>
        await keys.FindAsync(keyId, ct) is { } key
        && mayRevoke(key)
        && key.Revoke(now)
        && await keys.SaveRevocationAsync(key, ct);
}
