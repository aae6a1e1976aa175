namespace AuthService.Application.Webhooks;

/// <param name="Name">Set for endpoints from configuration (WEBHOOKS__ENDPOINTS__NAME__*), null for the admin API's.</param>
/// <param name="SealedSecret">The whsec_ secret, encrypted (<see cref="WebhookSecrets"/>).</param>
public sealed record WebhookEndpoint(
    Guid Id, string? Name, string Url, IReadOnlyList<string> Events, string? Description, string SealedSecret, DateTimeOffset CreatedAt);

public sealed record WebhookDelivery(
    Guid EventId, string Event, int Attempts, string Status, int? LastStatusCode, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

public interface IWebhookEndpointRepository
{
    Task AddAsync(WebhookEndpoint endpoint, CancellationToken ct);

    /// <summary>Live endpoints, newest first.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken ct);

    /// <summary>Live or not, by id: deliveries of a deleted endpoint are given up.</summary>
    Task<IReadOnlyDictionary<Guid, WebhookEndpoint>> FindLiveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>False when there is no such live endpoint.</summary>
    Task<bool> DeleteAsync(Guid id, DateTimeOffset now, CancellationToken ct);

    /// <summary>The ids of the endpoints from configuration, by name, deleted ones included.</summary>
    Task<IReadOnlyDictionary<string, Guid>> ConfiguredIdsAsync(CancellationToken ct);

    /// <summary>Creates or updates the configured endpoints by name and deletes configured ones no longer listed.</summary>
    Task SyncConfiguredAsync(IReadOnlyList<WebhookEndpoint> configured, DateTimeOffset now, CancellationToken ct);

    /// <summary>The most recent deliveries to one endpoint, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int limit, CancellationToken ct);
}
