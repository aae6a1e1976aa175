using AuthService.Adapters.Http.Contracts;
using AuthService.Application.SystemConfig;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>System settings changed at run time: mapped under /api/v1/admin/config.</summary>
public static class AdminConfigEndpoints
{
    public static IEndpointRouteBuilder MapAdminConfigEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAdminGroup("Admin: settings");
        group.MapGet("/", List).WithName("AdminListConfig")
            .WithSummary("Every known setting with its effective value and where it comes from (database, environment, default)")
            .WithDescription("Keys: `auth.registration`, `auth.max_sessions_per_user`, `auth.session_limit_mode`, `cors.origins`, "
                + "`rate_limit.enabled`, `rate_limit.<policy>.limit`, `rate_limit.<policy>.window_seconds`. A stored value wins over "
                + "the environment, which wins over the default.");
        group.MapPut("/{key}", Update).WithName("AdminUpdateConfig")
            .WithSummary("Set a known setting; validated, applied by every instance within seconds, no restart")
            .WithDescription("`value` is JSON: a string, a number, a boolean, or for `cors.origins` a list of origins (or one "
                + "comma-separated string). An unknown key is 404; a value its rule refuses is 422. Every instance applies it "
                + "within `SYSTEM_CONFIG__REFRESH_SECONDS` (2), at once when the Redis notification arrives.")
            .Fails(ErrorCode.NotFound)
            .RequestExample(new { value = "invite_only" });
        group.MapDelete("/{key}", Reset).WithName("AdminResetConfig")
            .WithSummary("Drop the stored value: the environment's value (or the default) applies again")
            .WithDescription("Answers the setting as it now applies. An unknown key is 404.")
            .Fails(ErrorCode.NotFound);
        return routes;
    }

    private static async Task<Ok<ItemsResponse<SettingResponse>>> List(IListSystemConfig useCase, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<SettingResponse>([.. (await useCase.ExecuteAsync(ct)).Select(SettingResponse.From)]));

    private static async Task<Results<Ok<SettingResponse>, ErrorResult>> Update(
        string key, SettingRequest body, HttpContext http, IUpdateSystemConfig useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), new UpdateSystemConfigCommand(key, body.Value, http.ClientInfo()), ct))
            .ToOk(SettingResponse.From);

    private static async Task<Results<Ok<SettingResponse>, ErrorResult>> Reset(
        string key, HttpContext http, IResetSystemConfig useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal(), key, http.ClientInfo(), ct)).ToOk(SettingResponse.From);
}
