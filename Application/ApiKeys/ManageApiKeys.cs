using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Common;

namespace AuthService.Application.ApiKeys;

public interface IListApiKeys
{
    Task<IReadOnlyList<ApiKey>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

public interface IRevokeApiKey
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid keyId, ClientInfo client, CancellationToken ct);
}

internal sealed class ListApiKeys(IApiKeyRepository keys) : IListApiKeys
{
    public Task<IReadOnlyList<ApiKey>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct) =>
        keys.ListUnrevokedForUserAsync(principal.UserId, ct);
}

internal sealed class RevokeApiKey(IApiKeyRepository keys, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeApiKey
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid keyId, ClientInfo client, CancellationToken ct)
    {
        // Someone else's key and an unknown id answer alike: no probing for ids.
        if (!await keys.RevokeAsync(keyId, principal.UserId, clock.GetUtcNow(), ct))
        {
            return Error.NotFound("API key");
        }

        await audit.RecordAsync(ApiKeyAuditActions.Revoked, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["api_key_id"] = keyId });
        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}
