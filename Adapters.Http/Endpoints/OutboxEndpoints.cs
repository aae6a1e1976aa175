using AuthService.Adapters.Http.Contracts;
using AuthService.Application.Outbox;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>The outbox as operators see it: what waits, what was sent, what is dead (admin listener).</summary>
public static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapAdminGroup("Admin: outbox")
            .MapGet("/outbox", Status).WithName("AdminOutboxStatus")
            .WithSummary("Outgoing e-mail, SMS and webhook deliveries by channel and status (pending, sent, dead)")
            .WithDescription("Counts of the durable outbox's rows with the oldest pending one per channel. Pending rows are retried "
                + "with back-off for 24 h, then dead; sent and dead rows are pruned after DATABASE__OUTBOX_RETENTION_DAYS.");
        return routes;
    }

    private static async Task<Ok<OutboxStatusResponse>> Status(IGetOutboxStatus useCase, CancellationToken ct) =>
        TypedResults.Ok(new OutboxStatusResponse([.. (await useCase.ExecuteAsync(ct)).Select(OutboxCountResponse.From)]));
}
