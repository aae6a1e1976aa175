using AuthService.Adapters.Http.Auth;
using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.Errors;
using AuthService.Application.SystemConfig;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>System settings changed at run time: mapped under /api/v1/admin/config.</summary>
public static class AdminConfigEndpoints
{
    public static IEndpointRouteBuilder MapAdminConfigEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Admin: settings").RequireAuthorization(HttpAdapter.AdminPolicy).ExcludeFromDescription();
        group.MapGet("/", List).WithName("AdminListConfig")
            .WithSummary("Every known setting with its effective value and where it comes from (database, environment, default)");
        group.MapPut("/{key}", Update).WithName("AdminUpdateConfig")
            .WithSummary("Set a known setting; validated, applied by every instance within seconds, no restart");
        group.MapDelete("/{key}", Reset).WithName("AdminResetConfig")
            .WithSummary("Drop the stored value: the environment's value (or the default) applies again");
        return routes;
    }

    private static async Task<Ok<ItemsResponse<SettingResponse>>> List(IListSystemConfig useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<SettingResponse>([.. (await useCase.ExecuteAsync(ct)).Select(SettingResponse.From)]));

    private static async Task<Results<Ok<SettingResponse>, ErrorResult>> Update(
        string key, SettingRequest body, HttpContext http, IUpdateSystemConfig useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), key, body.Value, http.ClientInfo(), ct)).ToOk(SettingResponse.From);

    private static async Task<Results<Ok<SettingResponse>, ErrorResult>> Reset(
        string key, HttpContext http, IResetSystemConfig useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), key, http.ClientInfo(), ct)).ToOk(SettingResponse.From);
}
