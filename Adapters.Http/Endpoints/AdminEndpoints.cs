using AuthService.Adapters.Http.Auth;
using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.Errors;
using AuthService.Adapters.Http.OpenApi;
using AuthService.Application.Admin;
using AuthService.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>Operator routes: mapped under /api/v1/admin, which only the admin listener serves.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Admin").RequireAuthorization(HttpAdapter.AdminPolicy);
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
        string? query, string? status, string? page, string? page_size, ISearchUsers useCase, CancellationToken ct)
    {
        if (!TryInt(page, "page", out var p, out var bad) || !TryInt(page_size, "page_size", out var size, out bad))
        {
            return bad!;
        }

        return (await useCase.ExecuteAsync(query, status, p, size, ct)).ToOk(r =>
            new PageResponse<AdminUserResponse>(r.Items.Select(AdminUserResponse.From).ToList(), r.Page, r.PageSize, r.Total));
    }

    private static async Task<Results<Ok<AdminUserDetailsResponse>, ErrorResult>> Details(
        string id, IGetUserDetails useCase, CancellationToken ct) =>
        Guid.TryParse(id, out var userId)
            ? (await useCase.ExecuteAsync(userId, ct)).ToOk(AdminUserDetailsResponse.From)
            : UserNotFound;

    private static async Task<Results<Ok<AdminUserResponse>, ErrorResult>> Status(
        string id, StatusRequest body, HttpContext http, IChangeUserStatus useCase, CancellationToken ct) =>
        Guid.TryParse(id, out var userId)
            ? (await useCase.ExecuteAsync(http.CurrentPrincipal(), userId, body.Status, http.ClientInfo(), ct)).ToOk(AdminUserResponse.From)
            : UserNotFound;

    private static async Task<Results<Ok<AdminUserResponse>, ErrorResult>> Roles(
        string id, RolesRequest body, HttpContext http, ISetUserRoles useCase, CancellationToken ct) =>
        Guid.TryParse(id, out var userId)
            ? (await useCase.ExecuteAsync(http.CurrentPrincipal(), userId, body.Roles, http.ClientInfo(), ct)).ToOk(AdminUserResponse.From)
            : UserNotFound;

    private static async Task<Results<Ok<AdminUserResponse>, ErrorResult>> Plan(
        string id, PlanRequest body, HttpContext http, ISetUserPlan useCase, CancellationToken ct) =>
        Guid.TryParse(id, out var userId)
            ? (await useCase.ExecuteAsync(http.CurrentPrincipal(), userId, body.Plan, http.ClientInfo(), ct)).ToOk(AdminUserResponse.From)
            : UserNotFound;

    private static async Task<Results<NoContent, ErrorResult>> RevokeSessions(
        string id, HttpContext http, IRevokeUserSessions useCase, CancellationToken ct) =>
        Guid.TryParse(id, out var userId)
            ? (await useCase.ExecuteAsync(http.CurrentPrincipal(), userId, http.ClientInfo(), ct)).ToNoContent()
            : UserNotFound;

    private static async Task<Results<Ok<PageResponse<AuditEventResponse>>, ErrorResult>> Audit(
        string? user_id, string? action, string? page, string? page_size, ISearchAuditLog useCase, CancellationToken ct)
    {
        Guid? userId = null;
        if (!string.IsNullOrEmpty(user_id))
        {
            if (!Guid.TryParse(user_id, out var parsed))
            {
                return new ErrorResult(Error.Validation("user_id", "must be a UUID"));
            }

            userId = parsed;
        }

        if (!TryInt(page, "page", out var p, out var bad) || !TryInt(page_size, "page_size", out var size, out bad))
        {
            return bad!;
        }

        return (await useCase.ExecuteAsync(userId, action, p, size, ct)).ToOk(r =>
            new PageResponse<AuditEventResponse>(r.Items.Select(AuditEventResponse.From).ToList(), r.Page, r.PageSize, r.Total));
    }

    private static async Task<Ok<StatsResponse>> Stats(IGetStats useCase, CancellationToken ct)
    {
        var s = await useCase.ExecuteAsync(ct);
        return TypedResults.Ok(new StatsResponse(s.Users, s.VerifiedUsers, s.ActiveSessions, s.LoginsLast24Hours));
    }

    private static ErrorResult UserNotFound => new(Error.NotFound("User"));

    // Query numbers are parsed here so that "page=abc" is a 422 naming the field, not a binding 400.
    private static bool TryInt(string? raw, string field, out int? value, out ErrorResult? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = new ErrorResult(Error.Validation(field, "must be a positive whole number"));
        return false;
    }
}
