using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

public interface IChangeUserStatus
{
    Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? status, ClientInfo client, CancellationToken ct);
}

public interface ISetUserRoles
{
    Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, IReadOnlyList<string>? roles, ClientInfo client, CancellationToken ct);
}

public interface ISetUserPlan
{
    Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? plan, ClientInfo client, CancellationToken ct);
}

public interface IRevokeUserSessions
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid userId, ClientInfo client, CancellationToken ct);
}

/// <summary>
/// Disabling ends every session and revokes every API key at once (the keys in the same statement
/// as the status); an admin cannot disable themself (no lock-out by accident).
/// </summary>
internal sealed class ChangeUserStatus(IUserRepository users, SessionRevoker revoker, TimeProvider clock)
    : IChangeUserStatus
{
    public async Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? status, ClientInfo client, CancellationToken ct)
    {
        var target = status?.ToLowerInvariant() switch
        {
            "active" => UserStatus.Active,
            "disabled" => UserStatus.Disabled,
            _ => (UserStatus?)null,
        };
        if (target is not { } newStatus)
        {
            return Error.Validation("status", "must be active or disabled");
        }

        if (userId == admin.UserId && newStatus == UserStatus.Disabled)
        {
            return Error.Validation("status", "you cannot disable your own account");
        }

        if (await users.FindByIdAsync(userId, ct) is not { Status: not UserStatus.Deleted } user)
        {
            return Error.NotFound("User");
        }

        var now = clock.GetUtcNow();
        await users.SetStatusAsync(userId, newStatus, now, ct);
        await revoker.RevokeAsync(
            newStatus == UserStatus.Disabled ? Revocation.Sessions(userId, RevocationReason.AccountDisabled) : Revocation.None(userId),
            new RevocationAudit(
                AuditAction.StatusChanged,
                client,
                r => new Dictionary<string, object?> { ["status"] = status!.ToLowerInvariant(), ["sessions_revoked"] = r.Sessions.Count },
                admin.UserId),
            ct);
        user.ChangeStatus(newStatus, now);
        return AdminUserView.From(user);
    }
}

/// <summary>Losing the admin role ends the user's sessions, since their tokens still carry it.</summary>
internal sealed class SetUserRoles(IUserRepository users, SessionRevoker revoker, TimeProvider clock)
    : ISetUserRoles
{
    private const int MaxRoles = 20;

    public async Task<Result<AdminUserView>> ExecuteAsync(
        CurrentPrincipal admin, Guid userId, IReadOnlyList<string>? roles, ClientInfo client, CancellationToken ct)
    {
        if (roles is null || roles.Count is 0 or > MaxRoles || roles.Any(r => !IsRoleName(r)))
        {
            return Error.Validation("roles", $"must be 1 to {MaxRoles} role names of lower-case letters, digits, '_' or '-'");
        }

        var normalized = roles.Distinct(StringComparer.Ordinal).ToList();
        if (userId == admin.UserId && !normalized.Contains(Role.Admin))
        {
            return Error.Validation("roles", "you cannot remove your own admin role");
        }

        if (await users.FindByIdAsync(userId, ct) is not { Status: not UserStatus.Deleted } user)
        {
            return Error.NotFound("User");
        }

        var now = clock.GetUtcNow();
        await users.SetRolesAsync(userId, normalized, now, ct);
        await revoker.RevokeAsync(
            user.IsAdmin && !normalized.Contains(Role.Admin)
                ? Revocation.Sessions(userId, RevocationReason.AdminRevoked)
                : Revocation.None(userId),
            new RevocationAudit(AuditAction.RolesChanged, client, _ => new Dictionary<string, object?> { ["roles"] = normalized }, admin.UserId),
            ct);
        user.AssignRoles(normalized, now);
        return AdminUserView.From(user);
    }

    private static bool IsRoleName(string role) =>
        role.Length is > 0 and <= 32 && char.IsAsciiLetterLower(role[0])
        && role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
}

internal sealed class SetUserPlan(IUserRepository users, IAdminDirectory directory, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : ISetUserPlan
{
    public async Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? plan, ClientInfo client, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(plan) || plan.Length > 64 || !await directory.PlanExistsAsync(plan, ct))
        {
            return Error.Validation("plan", "must be the code of an existing plan");
        }

        if (await users.FindByIdAsync(userId, ct) is not { Status: not UserStatus.Deleted } user)
        {
            return Error.NotFound("User");
        }

        await users.SetPlanAsync(userId, plan, clock.GetUtcNow(), ct);
        await audit.RecordAsync(AuditAction.PlanChanged, userId, client, ct,
            new Dictionary<string, object?> { ["from"] = user.Plan, ["to"] = plan }, admin.UserId);
        await uow.CommitAsync(ct);
        user.ChangePlan(plan, clock.GetUtcNow());
        return AdminUserView.From(user);
    }
}

internal sealed class RevokeUserSessions(IUserRepository users, SessionRevoker revoker)
    : IRevokeUserSessions
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid userId, ClientInfo client, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId, ct) is null)
        {
            return Error.NotFound("User");
        }

        await revoker.RevokeAsync(
            Revocation.Sessions(userId, RevocationReason.AdminRevoked),
            new RevocationAudit(
                AuditAction.SessionsRevoked, client, r => new Dictionary<string, object?> { ["count"] = r.Sessions.Count }, admin.UserId),
            ct);
        return Unit.Value;
    }
}
