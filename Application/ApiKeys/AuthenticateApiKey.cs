using AuthService.Application.Abstractions;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Common;
using AuthService.Domain.Users;

namespace AuthService.Application.ApiKeys;

/// <summary>A verified, active key and its active owner.</summary>
public sealed record ApiKeyPrincipal(ApiKey ApiKey, User User);

public interface IAuthenticateApiKey
{
    Task<Result<ApiKeyPrincipal>> ExecuteAsync(string key, CancellationToken ct);
}

/// <summary>
/// Format first (no I/O for garbage), then the public prefix finds the candidate rows and the
/// HMAC decides in constant time. Every failure is the same vague INVALID_TOKEN: a caller learns
/// nothing about whether a prefix exists, a key was revoked, or its owner was disabled.
/// </summary>
internal sealed class AuthenticateApiKey(
    IApiKeyRepository keys,
    IUserRepository users,
    ISecretHasher hasher,
    IUnitOfWork uow,
    TimeProvider clock) : IAuthenticateApiKey
{
    // last_used_at is a hint for the owner, not an audit trail: one write a minute per key at most.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private static readonly Error Invalid = new(ErrorCode.InvalidToken, "The API key is not valid.");

    public async Task<Result<ApiKeyPrincipal>> ExecuteAsync(string key, CancellationToken ct)
    {
        if (ApiKeyFormat.PrefixOf(key) is not { } prefix)
        {
            return Invalid;
        }

        var now = clock.GetUtcNow();
        var candidates = await keys.FindByPrefixAsync(prefix, ct);
        var apiKey = candidates.FirstOrDefault(k => hasher.Matches(key, k.KeyHash));
        if (apiKey is null || !apiKey.IsActive(now))
        {
            return Invalid;
        }

        if (await users.FindByIdAsync(apiKey.UserId, ct) is not { IsActive: true } user)
        {
            return Invalid;
        }

        if (apiKey.LastUsedAt is null || apiKey.LastUsedAt <= now - TouchInterval)
        {
            await keys.TouchLastUsedAsync(apiKey.Id, now, now - TouchInterval, ct);
            await uow.CommitAsync(ct);
            apiKey.LastUsedAt = now;
        }

        return new ApiKeyPrincipal(apiKey, user);
    }
}
