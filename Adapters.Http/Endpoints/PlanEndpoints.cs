using AuthService.Adapters.Http.Auth;
using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.Errors;
using AuthService.Application.Plans;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Plans, services, the caller's usage, and introspection for downstream services.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Plans and quotas");
        group.MapGet("/plans", Plans).WithName("ListPlans").WithSummary("Plans and their daily quota per service (null: unlimited)");
        group.MapGet("/services", Services).WithName("ListServices").WithSummary("Services whose calls are metered");
        group.MapGet("/users/me/usage", Usage).WithName("GetUsage").WithSummary("Today's calls and limit per service (Bearer or X-API-Key)")
            .RequireAuthorization(HttpAdapter.SessionOrApiKeyPolicy);

        // Unauthenticated by design (RFC 7662 style, for downstream services), and not rate limited
        // per IP: a few downstream hosts make all the calls. Garbage is refused before any I/O and
        // keys are 256-bit secrets checked by HMAC, so an open endpoint is no guessing oracle.
        group.MapPost("/introspect", Introspect).WithName("Introspect")
            .WithSummary("Is this access token or API key active, whose is it, and (with service) its quota; consume counts a call");
        return routes;
    }

    private static async Task<Ok<ItemsResponse<PlanResponse>>> Plans(IListPlans useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<PlanResponse>([.. (await useCase.ExecuteAsync(ct)).Select(PlanResponse.From)]));

    private static async Task<Ok<ItemsResponse<ServiceResponse>>> Services(IListServices useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<ServiceResponse>([.. (await useCase.ExecuteAsync(ct)).Select(ServiceResponse.From)]));

    private static async Task<Results<Ok<UsageResponse>, ErrorResult>> Usage(HttpContext http, IGetUsage useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), ct)).ToOk(UsageResponse.From);

    private static async Task<Results<Ok<IntrospectionResponse>, Ok<InactiveTokenResponse>, ErrorResult>> Introspect(
        IntrospectRequest body, HttpContext http, IIntrospect useCase, CancellationToken ct)
    {
        var result = await useCase.ExecuteAsync(new IntrospectCommand(body.Token, body.Service, body.Consume ?? false), ct);
        if (!result.IsSuccess)
        {
            return new ErrorResult(result.Error!);
        }

        http.Response.Headers.CacheControl = "no-store";
        return result.Value.Active
            ? TypedResults.Ok(IntrospectionResponse.From(result.Value))
            : TypedResults.Ok(new InactiveTokenResponse(false));
    }
}
