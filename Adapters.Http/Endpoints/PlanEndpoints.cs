using AuthService.Adapters.Http.Contracts;
using AuthService.Application.Plans;
using Microsoft.AspNetCore.Mvc;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Plans, services, the caller's usage, and introspection for downstream services.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Plans and quotas");
        group.MapGet("/plans", Plans).WithName("ListPlans").WithSummary("Plans and their daily quota per service (null: unlimited)")
            .WithDescription("Public; cached for a minute by each instance.");
        group.MapGet("/services", Services).WithName("ListServices").WithSummary("Services whose calls are metered")
            .WithDescription("Public; the `code` is what introspection takes as `service`.");
        group.MapGet("/users/me/usage", Usage).WithName("GetUsage").WithSummary("Today's calls and limit per service (Bearer or X-API-Key)")
            .WithDescription("Counters reset at 00:00 UTC (`resets_at`).")
            .Fails(ErrorCode.NotFound)
            .RequireAuthorization(HttpAdapter.SessionOrApiKeyPolicy);

        // For downstream services, each authenticated by a service key in X-API-Key (issued by an
        // admin); not rate limited per IP, as a few downstream hosts make all the calls.
        group.MapPost("/introspect", Introspect).WithName("Introspect")
            .WithSummary("Is this access token or API key active, whose is it, and (with service) its quota; consume counts a call")
            .WithDescription("For downstream services, authenticated by a service key (X-API-Key, scope `introspect`) that an admin "
                + "issued; 401 without one. Anything unusable answers exactly `{\"active\": false}`; an active one answers the full "
                + "introspection. With `consume: true` one call is counted, or refused with 429 `QUOTA_EXCEEDED` once the plan's daily quota is used.")
            .DocumentAuth(ApiAuth.ApiKey)
            .AnswersOneOf(StatusCodes.Status200OK, typeof(IntrospectionResponse), typeof(InactiveTokenResponse))
            .Fails(ErrorCode.Unauthorized, ErrorCode.QuotaExceeded)
            .RequestExample(new { token = "eyJhbGciOiJFUzI1NiIs...", service = "cvmaker", consume = true });
        return routes;
    }

    private static async Task<Ok<ItemsResponse<PlanResponse>>> Plans(IListPlans useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<PlanResponse>([.. (await useCase.ExecuteAsync(ct)).Select(PlanResponse.From)]));

    private static async Task<Ok<ItemsResponse<ServiceResponse>>> Services(IListServices useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<ServiceResponse>([.. (await useCase.ExecuteAsync(ct)).Select(ServiceResponse.From)]));

    private static async Task<Results<Ok<UsageResponse>, ErrorResult>> Usage(HttpContext http, IGetUsage useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), ct)).ToOk(UsageResponse.From);

    private static async Task<Results<Ok<IntrospectionResponse>, Ok<InactiveTokenResponse>, ErrorResult>> Introspect(
        IntrospectRequest body,
        [FromHeader(Name = "X-API-Key")] string? serviceKey,
        HttpContext http,
        IIntrospect useCase,
        CancellationToken ct)
    {
        var result = await useCase.ExecuteAsync(
            new IntrospectCommand(serviceKey, body.Token, body.Service, body.Consume ?? false), ct);
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
