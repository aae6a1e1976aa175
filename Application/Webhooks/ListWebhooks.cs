namespace AuthService.Application.Webhooks;

public interface IListWebhooks
{
    Task<IReadOnlyList<WebhookEndpoint>> ExecuteAsync(CancellationToken ct);
}

internal sealed class ListWebhooks(IWebhookEndpointRepository endpoints) : IListWebhooks
{
    public Task<IReadOnlyList<WebhookEndpoint>> ExecuteAsync(CancellationToken ct) => endpoints.ListAsync(ct);
}
