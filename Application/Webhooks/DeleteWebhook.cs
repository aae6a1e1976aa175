namespace AuthService.Application.Webhooks;

public interface IDeleteWebhook
{
    Task<Result<Unit>> ExecuteAsync(Guid id, CancellationToken ct);
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
