using AuthService.Application.ApiKeys;
using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ServiceKeys;

public interface IAuthenticateServiceKey
{
    /// <summary>The active service key, or UNAUTHORIZED (the same for a missing, malformed, unknown, revoked or expired one).</summary>
    Task<Result<ApiKey>> ExecuteAsync(string? key, CancellationToken ct);
}

/// <summary>A service key (<c>ssk_</c>) through <see cref="ApiKeyVerifier"/>, remembered for a second by <see cref="ServiceKeyCache"/>.</summary>
internal sealed class AuthenticateServiceKey(ApiKeyVerifier verifier, ServiceKeyCache cache, ISecretHasher hasher)
    : IAuthenticateServiceKey
{
    private static readonly Error Missing = new(
        ErrorCode.Unauthorized, "Introspection needs a service key in X-API-Key; an admin issues one.");

    private static readonly Error Invalid = new(ErrorCode.Unauthorized, "The service key is not valid.");

    public async Task<Result<ApiKey>> ExecuteAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Missing;
        }

        // Garbage is refused before it costs an HMAC (the verifier checks the format first too).
        if (ApiKeyFormat.PrefixOf(key, ApiKeyFormat.ServiceMarker) is null)
        {
            return Invalid;
        }

        var hash = hasher.Hash(key);
        if (cache.Find(hash) is { } cached)
        {
            return cached;
        }

        if (await verifier.FindActiveAsync(key, ApiKeyKind.Service, ct) is not { } serviceKey)
        {
            return Invalid;
        }

        await verifier.RecordUseAsync(serviceKey, ct);
        cache.Add(hash, serviceKey);
        return serviceKey;
    }
}
