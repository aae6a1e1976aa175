using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Common;

namespace AuthService.Application.ServiceKeys;

public interface IListServiceKeys
{
    Task<IReadOnlyList<ServiceKey>> ExecuteAsync(CancellationToken ct);
}

public interface IRevokeServiceKey
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid keyId, ClientInfo client, CancellationToken ct);
}

internal sealed class ListServiceKeys(IServiceKeyRepository keys) : IListServiceKeys
{
    public Task<IReadOnlyList<ServiceKey>> ExecuteAsync(CancellationToken ct) => keys.ListUnrevokedAsync(ct);
}

/// <summary>
/// This instance forgets the key at once; every other one within <see cref="ServiceKeyCache.Lifetime"/>
/// (1 s), the same bound as a revoked session's access tokens.
/// </summary>
internal sealed class RevokeServiceKey(
    IServiceKeyRepository keys, ServiceKeyCache cache, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeServiceKey
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid keyId, ClientInfo client, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(keyId, clock.GetUtcNow(), ct))
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
