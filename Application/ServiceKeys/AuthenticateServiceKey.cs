using AuthService.Application.Abstractions;
using AuthService.Application.ApiKeys;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Common;

namespace AuthService.Application.ServiceKeys;

public interface IAuthenticateServiceKey
{
    /// <summary>The active service key, or UNAUTHORIZED (the same for a missing, malformed, unknown, revoked or expired one).</summary>
    Task<Result<ServiceKey>> ExecuteAsync(string? key, CancellationToken ct);
}

/// <summary>Format first (no I/O for garbage), then the prefix finds the rows and the HMAC decides in constant time.</summary>
internal sealed class AuthenticateServiceKey(
    IServiceKeyRepository keys,
    ServiceKeyCache cache,
    ISecretHasher hasher,
    IUnitOfWork uow,
    TimeProvider clock) : IAuthenticateServiceKey
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private static readonly Error Missing = new(
        ErrorCode.Unauthorized, "Introspection needs a service key in X-API-Key; an admin issues one.");

    private static readonly Error Invalid = new(ErrorCode.Unauthorized, "The service key is not valid.");

    public async Task<Result<ServiceKey>> ExecuteAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Missing;
        }

        if (ApiKeyFormat.PrefixOf(key, ApiKeyFormat.ServiceMarker) is not { } prefix)
        {
            return Invalid;
        }

        var hash = hasher.Hash(key);
        if (cache.Find(hash) is { } cached)
        {
            return cached;
        }

        var now = clock.GetUtcNow();
        var candidates = await keys.FindByPrefixAsync(prefix, ct);
        var serviceKey = candidates.FirstOrDefault(k => hasher.Matches(key, k.KeyHash));
        if (serviceKey is null || !serviceKey.IsActive(now))
        {
            return Invalid;
        }

        if (serviceKey.LastUsedAt is null || serviceKey.LastUsedAt <= now - TouchInterval)
        {
            await keys.TouchLastUsedAsync(serviceKey.Id, now, now - TouchInterval, ct);
            await uow.CommitAsync(ct);
            serviceKey.LastUsedAt = now;
        }

        cache.Add(hash, serviceKey);
        return serviceKey;
    }
}
