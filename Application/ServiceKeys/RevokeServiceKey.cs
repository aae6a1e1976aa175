using AuthService.Application.ApiKeys;
using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ServiceKeys;

public interface IRevokeServiceKey
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid keyId, ClientInfo client, CancellationToken ct);
}

/// <summary>
/// This instance forgets the key at once; every other one within <see cref="ServiceKeyCache.Lifetime"/>
/// (1 s), the same bound as a revoked session's access tokens.
/// </summary>
internal sealed class RevokeServiceKey(
    IApiKeyRepository keys, ServiceKeyCache cache, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeServiceKey
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid keyId, ClientInfo client, CancellationToken ct)
    {
        // A user's key is not the admin's to revoke here: it answers as unknown.
        if (!await keys.TryRevokeAsync(keyId, k => k.Kind == ApiKeyKind.Service, clock.GetUtcNow(), ct))
        {
            return Error.NotFound("Service key");
        }

        await audit.RecordAsync(ServiceKeyAuditActions.Revoked, null, client, ct,
            new Dictionary<string, object?> { ["service_key_id"] = keyId }, admin.UserId);
        await uow.CommitAsync(ct);
        cache.Clear();
        return Unit.Value;
    }
}
