using AuthService.Application.ApiKeys;

namespace AuthService.Application.ServiceKeys;

public interface IListServiceKeys
{
    Task<IReadOnlyList<ApiKeyView>> ExecuteAsync(CancellationToken ct);
}

internal sealed class ListServiceKeys(IApiKeyRepository keys) : IListServiceKeys
{
    public async Task<IReadOnlyList<ApiKeyView>> ExecuteAsync(CancellationToken ct) =>
        [.. (await keys.ListUnrevokedServiceKeysAsync(ct)).Select(ApiKeyView.From)];
}
