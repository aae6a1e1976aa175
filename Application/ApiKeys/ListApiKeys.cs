namespace AuthService.Application.ApiKeys;

public interface IListApiKeys
{
    Task<IReadOnlyList<ApiKeyView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

internal sealed class ListApiKeys(IApiKeyRepository keys) : IListApiKeys
{
    public async Task<IReadOnlyList<ApiKeyView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct) =>
        [.. (await keys.ListUnrevokedForUserAsync(principal.UserId, ct)).Select(ApiKeyView.From)];
}
