namespace AuthService.Application.ApiKeys;

public interface IRevokeApiKey
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid keyId, ClientInfo client, CancellationToken ct);
}

internal sealed class RevokeApiKey(IApiKeyRepository keys, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeApiKey
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid keyId, ClientInfo client, CancellationToken ct)
    {
        // Someone else's key, a service key and an unknown id answer alike: no probing for ids.
        if (!await keys.TryRevokeAsync(keyId, k => k.BelongsTo(principal.UserId), clock.GetUtcNow(), ct))
        {
            return Error.NotFound("API key");
        }

        await audit.RecordAsync(ApiKeyAuditActions.Revoked, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["api_key_id"] = keyId });
        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}
