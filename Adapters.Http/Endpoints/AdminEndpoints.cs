using AuthService.Adapters.Http.Contracts;
using AuthService.Application.Admin;
using AuthService.Application.Common;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Operator routes: mapped under /api/v1/admin, which only the admin listener serves.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAdminGroup("Admin");
        group.MapGet("/users", Search).WithName("AdminSearchUsers").WithSummary("Search users by email, phone, username or name")
            .WithDescription("`query` matches a part of email, phone, username or name; `status` is `active`, `disabled` or `deleted`; "
                + "`page` from 1, `page_size` up to 100.")
            .Fails(ErrorCode.ValidationError);
        group.MapGet("/users/{id}", Details).WithName("AdminGetUser").WithSummary("One user with sessions and identities")
            .WithDescription("Active sessions and linked provider accounts are included.")
            .Fails(ErrorCode.NotFound);
        group.MapPost("/users/{id}/status", Status).WithName("AdminSetStatus").WithSummary("Enable or disable a user")
            .WithDescription("`status` is `active` or `disabled`; disabling revokes every session. You cannot disable yourself.")
            .Fails(ErrorCode.NotFound)
            .RequestExample(new { status = "disabled" });
        group.MapPut("/users/{id}/roles", Roles).WithName("AdminSetRoles").WithSummary("Replace a user's roles")
            .WithDescription("Role names of lower-case letters, digits, `_` or `-`; you cannot remove your own `admin` role.")
            .Fails(ErrorCode.NotFound)
            .RequestExample(new { roles = new[] { "user", "admin" } });
        group.MapPut("/users/{id}/plan", Plan).WithName("AdminSetPlan").WithSummary("Move a user to another plan")
            .WithDescription("The code of an existing plan (`GET /api/v1/plans` on the public listener); quotas follow at once.")
            .Fails(ErrorCode.NotFound)
            .RequestExample(new { plan = "pro" });
        group.MapDelete("/users/{id}/sessions", RevokeSessions).WithName("AdminRevokeSessions").WithSummary("Sign a user out everywhere")
            .WithDescription("Revokes every session of the user; their access tokens stop working within a second.")
            .Fails(ErrorCode.NotFound);
        group.MapGet("/audit-log", Audit).WithName("AdminAuditLog").WithSummary("The audit log, newest first")
            .WithDescription("Filter by `user_id` and `action` (e.g. `login.success`, `login.failure`, `session.revoke`).")
            .Fails(ErrorCode.ValidationError);
        group.MapGet("/stats", Stats).WithName("AdminStats").WithSummary("Counts of users, verified users, active sessions, sign-ins in 24 h")
            .WithDescription("Computed on request from the database.");
        return routes;
    }

    private static async Task<Results<Ok<PageResponse<AdminUserResponse>>, ErrorResult>> Search(
        string? query, string? status, string? page, string? page_size, ISearchUsers useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new SearchUsersQuery(query, status, page, page_size), ct)).ToOk(r => Page(r, AdminUserResponse.From));

    private static Task<Results<Ok<AdminUserDetailsResponse>, ErrorResult>> Details(string id, IGetUserDetails useCase, CancellationToken ct) =>
        AdminGroup.WithIdAsync(id, UserNotFound, async userId => (await useCase.ExecuteAsync(userId, ct)).ToOk(AdminUserDetailsResponse.From));

    private static Task<Results<Ok<AdminUserResponse>, ErrorResult>> Status(
        string id, StatusRequest body, HttpContext http, IChangeUserStatus useCase, CancellationToken ct) =>
        ChangeUser(id, http, (admin, userId, client) => useCase.ExecuteAsync(admin, userId, body.Status, client, ct));

    private static Task<Results<Ok<AdminUserResponse>, ErrorResult>> Roles(
        string id, RolesRequest body, HttpContext http, ISetUserRoles useCase, CancellationToken ct) =>
        ChangeUser(id, http, (admin, userId, client) => useCase.ExecuteAsync(admin, userId, body.Roles, client, ct));

    private static Task<Results<Ok<AdminUserResponse>, ErrorResult>> Plan(
        string id, PlanRequest body, HttpContext http, ISetUserPlan useCase, CancellationToken ct) =>
        ChangeUser(id, http, (admin, userId, client) => useCase.ExecuteAsync(admin, userId, body.Plan, client, ct));

    private static Task<Results<NoContent, ErrorResult>> RevokeSessions(string id, HttpContext http, IRevokeUserSessions useCase, CancellationToken ct) =>
        AdminGroup.WithIdAsync(id, UserNotFound, async userId =>
            (await useCase.ExecuteAsync(http.CurrentPrincipal(), userId, http.ClientInfo(), ct)).ToNoContent());

    private static async Task<Results<Ok<PageResponse<AuditEventResponse>>, ErrorResult>> Audit(
        string? user_id, string? action, string? page, string? page_size, ISearchAuditLog useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new AuditLogQuery(user_id, action, page, page_size), ct)).ToOk(r => Page(r, AuditEventResponse.From));

    private static async Task<Ok<StatsResponse>> Stats(IGetStats useCase, CancellationToken ct) =>
        TypedResults.Ok(StatsResponse.From(await useCase.ExecuteAsync(ct)));

    private static Error UserNotFound => Error.NotFound("User");

    /// <summary>A change to one user, answered with the user as it now is.</summary>
    private static Task<Results<Ok<AdminUserResponse>, ErrorResult>> ChangeUser(
        string id, HttpContext http, Func<CurrentPrincipal, Guid, ClientInfo, Task<Result<AdminUserView>>> change) =>
        AdminGroup.WithIdAsync(id, UserNotFound, async userId =>
            (await change(http.CurrentPrincipal(), userId, http.ClientInfo())).ToOk(AdminUserResponse.From));

    private static PageResponse<TOut> Page<T, TOut>(PagedList<T> page, Func<T, TOut> map) =>
        new([.. page.Items.Select(map)], page.Page, page.PageSize, page.Total);
}
