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
    Task<Result<User>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? status, ClientInfo client, CancellationToken ct);
}

public interface ISetUserRoles
{
    Task<Result<User>> ExecuteAsync(CurrentPrincipal admin, Guid userId, IReadOnlyList<string>? roles, ClientInfo client, CancellationToken ct);
}

public interface ISetUserPlan
{
    Task<Result<User>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? plan, ClientInfo client, CancellationToken ct);
}

public interface IRevokeUserSessions
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid userId, ClientInfo client, CancellationToken ct);
}

/// <summary>
/// Disabling ends every session and revokes every API key at once (the keys in the same statement
/// as the status); an admin cannot disable themself (no lock-out by accident).
/// </summary>
internal sealed class ChangeUserStatus(
    IUserRepository users, ISessionRepository sessions, SessionRevoker revoker, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : IChangeUserStatus
{
    public async Task<Result<User>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? status, ClientInfo client, CancellationToken ct)
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
        IReadOnlyList<Guid> revoked = newStatus == UserStatus.Disabled
            ? await sessions.RevokeAllForUserAsync(userId, null, RevocationReason.AccountDisabled, now, ct)
            : [];
        await audit.RecordAsync(AuditAction.StatusChanged, userId, client, ct,
            new Dictionary<string, object?> { ["status"] = status!.ToLowerInvariant(), ["sessions_revoked"] = revoked.Count }, admin.UserId);
        await uow.CommitAsync(ct);
        await revoker.PublishAsync(revoked, ct);
        user.ChangeStatus(newStatus, now);
        return user;
    }
}

/// <summary>Losing the admin role ends the user's sessions, since their tokens still carry it.</summary>
internal sealed class SetUserRoles(
    IUserRepository users, ISessionRepository sessions, SessionRevoker revoker, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : ISetUserRoles
{
    private const int MaxRoles = 20;

    public async Task<Result<User>> ExecuteAsync(
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
        IReadOnlyList<Guid> revoked = user.IsAdmin && !normalized.Contains(Role.Admin)
            ? await sessions.RevokeAllForUserAsync(userId, null, RevocationReason.AdminRevoked, now, ct)
            : [];
        await audit.RecordAsync(AuditAction.RolesChanged, userId, client, ct,
            new Dictionary<string, object?> { ["roles"] = normalized }, admin.UserId);
        await uow.CommitAsync(ct);
        await revoker.PublishAsync(revoked, ct);
        user.AssignRoles(normalized, now);
        return user;
    }

    private static bool IsRoleName(string role) =>
        role.Length is > 0 and <= 32 && char.IsAsciiLetterLower(role[0])
        && role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
}

internal sealed class SetUserPlan(IUserRepository users, IAdminDirectory directory, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : ISetUserPlan
{
    public async Task<Result<User>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? plan, ClientInfo client, CancellationToken ct)
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
        return user;
    }
}

internal sealed class RevokeUserSessions(
    IUserRepository users, ISessionRepository sessions, SessionRevoker revoker, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : IRevokeUserSessions
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid userId, ClientInfo client, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId, ct) is null)
        {
            return Error.NotFound("User");
        }

        var revoked = await sessions.RevokeAllForUserAsync(userId, null, RevocationReason.AdminRevoked, clock.GetUtcNow(), ct);
        await audit.RecordAsync(AuditAction.SessionsRevoked, userId, client, ct,
            new Dictionary<string, object?> { ["count"] = revoked.Count }, admin.UserId);
        await uow.CommitAsync(ct);
        await revoker.PublishAsync(revoked, ct);
        return Unit.Value;
    }
}
