namespace AuthService.Application.Webhooks;

public interface IListWebhookDeliveries
{
    Task<Result<IReadOnlyList<WebhookDelivery>>> ExecuteAsync(Guid id, CancellationToken ct);
}

internal sealed class ListWebhookDeliveries(IWebhookEndpointRepository endpoints) : IListWebhookDeliveries
{
    public const int Recent = 100;

    public async Task<Result<IReadOnlyList<WebhookDelivery>>> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await endpoints.FindLiveAsync([id], ct)).ContainsKey(id)
            ? Result<IReadOnlyList<WebhookDelivery>>.Ok(await endpoints.ListDeliveriesAsync(id, Recent, ct))
            : WebhookErrors.NotFound;
}
