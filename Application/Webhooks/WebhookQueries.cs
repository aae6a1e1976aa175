using AuthService.Application.Abstractions;
using AuthService.Domain.Common;

namespace AuthService.Application.Webhooks;

public interface IListWebhooks
{
    Task<IReadOnlyList<WebhookEndpoint>> ExecuteAsync(CancellationToken ct);
}

public interface IDeleteWebhook
{
    Task<Result<Unit>> ExecuteAsync(Guid id, CancellationToken ct);
}

public interface IListWebhookDeliveries
{
    Task<Result<IReadOnlyList<WebhookDelivery>>> ExecuteAsync(Guid id, CancellationToken ct);
}

internal sealed class ListWebhooks(IWebhookEndpointRepository endpoints) : IListWebhooks
{
    public Task<IReadOnlyList<WebhookEndpoint>> ExecuteAsync(CancellationToken ct) => endpoints.ListAsync(ct);
}

/// <summary>Deliveries still pending for a deleted endpoint are given up, not sent.</summary>
internal sealed class DeleteWebhook(IWebhookEndpointRepository endpoints, IUnitOfWork uow, TimeProvider clock) : IDeleteWebhook
{
    public async Task<Result<Unit>> ExecuteAsync(Guid id, CancellationToken ct)
    {
        if (!await endpoints.DeleteAsync(id, clock.GetUtcNow(), ct))
        {
            return WebhookErrors.NotFound;
        }

        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}

internal sealed class ListWebhookDeliveries(IWebhookEndpointRepository endpoints) : IListWebhookDeliveries
{
    public const int Recent = 100;

    public async Task<Result<IReadOnlyList<WebhookDelivery>>> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await endpoints.FindLiveAsync([id], ct)).ContainsKey(id)
            ? Result<IReadOnlyList<WebhookDelivery>>.Ok(await endpoints.ListDeliveriesAsync(id, Recent, ct))
            : WebhookErrors.NotFound;
}

internal static class WebhookErrors
{
    public static Error NotFound => new(ErrorCode.NotFound, "No such webhook endpoint.");
}
