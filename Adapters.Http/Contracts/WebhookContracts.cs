using AuthService.Application.Webhooks;

namespace AuthService.Adapters.Http.Contracts;

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Description);

/// <summary><c>source</c>: api (the admin API) or configuration (WEBHOOKS__ENDPOINTS__*).</summary>
public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Source, DateTimeOffset CreatedAt)
{
    public static WebhookResponse From(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.Events, e.Description, e.Name is null ? "api" : "configuration", e.CreatedAt);
}

/// <summary>The secret is in this response only: afterwards only its ciphertext exists.</summary>
public sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Secret, DateTimeOffset CreatedAt)
{
    public static CreatedWebhookResponse From(CreatedWebhook created) =>
        new(created.Endpoint.Id, created.Endpoint.Url, created.Endpoint.Events, created.Endpoint.Description, created.Secret, created.Endpoint.CreatedAt);
}

public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Items);

public sealed record WebhookDeliveryResponse(
    Guid EventId, string Event, int Attempts, string Status, int? LastStatusCode, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.EventId, d.Event, d.Attempts, d.Status, d.LastStatusCode, d.NextAttemptAt, d.DeliveredAt);
}

public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Items);
