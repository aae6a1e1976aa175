using AuthService.Adapters.Http.Errors;
using AuthService.Adapters.Http.OpenApi;
using AuthService.Application.Webhooks;
using AuthService.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuthService.Adapters.Http.Endpoints;

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Description);

public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Source, DateTimeOffset CreatedAt);

/// <summary>The secret is in this response only: afterwards only its ciphertext exists.</summary>
public sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Secret, DateTimeOffset CreatedAt);

public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Items);

public sealed record WebhookDeliveryResponse(
    Guid EventId, string Event, int Attempts, string Status, int? LastStatusCode, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Items);

/// <summary>Webhook endpoints for the platform's services (admin listener, mapped under /api/v1/admin/webhooks).</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Admin: webhooks").RequireAuthorization(HttpAdapter.AdminPolicy);
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
        CreateWebhookRequest body, ICreateWebhook useCase, HttpContext http, CancellationToken ct)
    {
        var result = await useCase.ExecuteAsync(new CreateWebhookCommand(body.Url, body.Events, body.Description), ct);
        if (!result.IsSuccess)
        {
            return new ErrorResult(result.Error!);
        }

        http.Response.Headers.CacheControl = "no-store";
        var (e, secret) = (result.Value.Endpoint, result.Value.Secret);
        return TypedResults.Created(
            $"/api/v1/admin/webhooks/{e.Id}", new CreatedWebhookResponse(e.Id, e.Url, e.Events, e.Description, secret, e.CreatedAt));
    }

    private static async Task<Ok<WebhookListResponse>> List(IListWebhooks useCase, CancellationToken ct) =>
        TypedResults.Ok(new WebhookListResponse([.. (await useCase.ExecuteAsync(ct)).Select(e =>
            new WebhookResponse(e.Id, e.Url, e.Events, e.Description, e.Name is null ? "api" : "configuration", e.CreatedAt))]));

    private static async Task<Results<NoContent, ErrorResult>> Delete(string id, IDeleteWebhook useCase, CancellationToken ct) =>
        Guid.TryParse(id, out var endpointId) ? (await useCase.ExecuteAsync(endpointId, ct)).ToNoContent() : NotFound;

    private static async Task<Results<Ok<WebhookDeliveryListResponse>, ErrorResult>> Deliveries(
        string id, IListWebhookDeliveries useCase, CancellationToken ct) =>
        Guid.TryParse(id, out var endpointId)
            ? (await useCase.ExecuteAsync(endpointId, ct)).ToOk(items => new WebhookDeliveryListResponse([.. items.Select(d =>
                new WebhookDeliveryResponse(d.EventId, d.Event, d.Attempts, d.Status, d.LastStatusCode, d.NextAttemptAt, d.DeliveredAt))]))
            : NotFound;

    private static ErrorResult NotFound => new(new Error(ErrorCode.NotFound, "No such webhook endpoint."));
}
