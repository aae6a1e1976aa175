using AuthService.Adapters.Http.Contracts;
using AuthService.Application.Webhooks;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Webhook endpoints for the platform's services (admin listener, mapped under /api/v1/admin/webhooks).</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAdminGroup("Admin: webhooks");
        group.MapPost("", Create).WithName("AdminCreateWebhook")
            .WithSummary("Subscribe an endpoint to auth events; 201 with its signing secret, shown once")
            .WithDescription("`url` is an http(s) URL (loopback and private addresses only with WEBHOOKS__ALLOW_PRIVATE_TARGETS); "
                + "`events` lists event types (user.created, session.revoked, ...) or `[\"*\"]`. Deliveries are signed per Standard "
                + "Webhooks with the returned `whsec_` secret.")
            .RequestExample(new { url = "https://cvmaker.example/hooks/auth", events = new[] { "user.created", "user.deleted" }, description = "cvmaker" })
            .Fails(ErrorCode.ValidationError);
        group.MapGet("", List).WithName("AdminListWebhooks").WithSummary("Live endpoints, without secrets")
            .WithDescription("Endpoints from the admin API (`source: api`) and from WEBHOOKS__ENDPOINTS__* (`source: configuration`), newest first.");
        group.MapDelete("/{id}", Delete).WithName("AdminDeleteWebhook").WithSummary("Delete an endpoint; its pending deliveries are given up")
            .WithDescription("An unknown id answers 404.")
            .Fails(ErrorCode.NotFound);
        group.MapGet("/{id}/deliveries", Deliveries).WithName("AdminWebhookDeliveries")
            .WithSummary("The endpoint's recent deliveries: attempts, status, last status code, next attempt")
            .WithDescription("The 100 most recent, newest first; every attempt of one event carries the same `event_id` as `webhook-id`.")
            .Fails(ErrorCode.NotFound);
        return routes;
    }

    private static async Task<Results<Created<CreatedWebhookResponse>, ErrorResult>> Create(
        CreateWebhookRequest body, ICreateWebhook useCase, HttpContext http, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new CreateWebhookCommand(body.Url, body.Events, body.Description), ct))
            .CreatedOnce(http, CreatedWebhookResponse.From, c => $"/api/v1/admin/webhooks/{c.Endpoint.Id}");

    private static async Task<Ok<WebhookListResponse>> List(IListWebhooks useCase, CancellationToken ct) =>
        TypedResults.Ok(new WebhookListResponse([.. (await useCase.ExecuteAsync(ct)).Select(WebhookResponse.From)]));

    private static Task<Results<NoContent, ErrorResult>> Delete(string id, IDeleteWebhook useCase, CancellationToken ct) =>
        AdminGroup.WithIdAsync(id, WebhookErrors.NotFound, async endpointId => (await useCase.ExecuteAsync(endpointId, ct)).ToNoContent());

    private static Task<Results<Ok<WebhookDeliveryListResponse>, ErrorResult>> Deliveries(
        string id, IListWebhookDeliveries useCase, CancellationToken ct) =>
        AdminGroup.WithIdAsync(id, WebhookErrors.NotFound, async endpointId => (await useCase.ExecuteAsync(endpointId, ct))
            .ToOk(items => new WebhookDeliveryListResponse([.. items.Select(WebhookDeliveryResponse.From)])));
}
