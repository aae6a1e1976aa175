using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Http.Endpoints;

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);

public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("ok", new Dictionary<string, string>())))
            .WithName("Live").WithSummary("200 while the process runs")
            .WithDescription("Liveness: answers without touching PostgreSQL or Redis.");
        group.MapGet("/ready", Ready).WithName("Ready").WithSummary("200 when PostgreSQL and Redis answer, else 503")
            .WithDescription("Readiness: `checks` names each dependency and whether it answered within 2 seconds.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(
        IEnumerable<IDependencyProbe> probes, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        var results = await Task.WhenAll(probes.Select(async p => (p.Name, Ready: await SafeProbe(p, timeout.Token))));
        var checks = results.ToDictionary(r => r.Name, r => r.Ready ? "ok" : "unavailable", StringComparer.Ordinal);
        var response = new HealthResponse(results.All(r => r.Ready) ? "ok" : "unavailable", checks);
        return response.Status == "ok"
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> SafeProbe(IDependencyProbe probe, CancellationToken ct)
    {
        try
        {
            return await probe.IsReadyAsync(ct);
        }
        catch (Exception)
        {
            return false;
        }
    }
}
