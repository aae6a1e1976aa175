namespace AuthService.Application.Webhooks;

public interface ISyncConfiguredWebhooks
{
    Task ExecuteAsync(CancellationToken ct);
}

/// <summary>
/// Makes the endpoints of WEBHOOKS__ENDPOINTS__* rows (by name), so events fan out to them in
/// the changing transaction like to the admin API's; a name no longer configured is deleted.
/// Every instance runs it at start: the upsert by name makes that harmless.
/// </summary>
internal sealed class SyncConfiguredWebhooks(
    WebhookSettings settings, IWebhookEndpointRepository endpoints, ISecretCipher cipher, IUnitOfWork uow, IIdGenerator ids, TimeProvider clock)
    : ISyncConfiguredWebhooks
{
    public async Task ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // An endpoint keeps its id across restarts (its deliveries hang off it); the secret is sealed to it.
        var known = await endpoints.ConfiguredIdsAsync(ct);
        var configured = settings.Endpoints.Select(e =>
        {
            var id = known.TryGetValue(e.Name, out var existing) ? existing : ids.NewId();
            return new WebhookEndpoint(id, e.Name, e.Url, e.Events, "from configuration", WebhookSecrets.Seal(cipher, id, e.Secret), now);
        }).ToList();
        await endpoints.SyncConfiguredAsync(configured, now, ct);
        await uow.CommitAsync(ct);
    }
}
