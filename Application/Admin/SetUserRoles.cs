using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

public sealed record SetUserRolesCommand(Guid AdminId, Guid UserId, IReadOnlyList<string>? Roles);

public interface ISetUserRoles
{
    Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, IReadOnlyList<string>? roles, ClientInfo client, CancellationToken ct);
}

/// <summary>An admin cannot remove their own admin role (no lock-out by accident).</summary>
internal sealed class SetUserRolesCommandValidator : AbstractValidator<SetUserRolesCommand>
{
    private const int MaxRoles = 20;

    public SetUserRolesCommandValidator() =>
        RuleFor(c => c.Roles).Cascade(CascadeMode.Stop)
            .Must(r => r is { Count: > 0 and <= MaxRoles } && r.All(IsRoleName))
            .WithMessage($"must be 1 to {MaxRoles} role names of lower-case letters, digits, '_' or '-'")
            .Must((c, r) => c.UserId != c.AdminId || r!.Contains(Role.Admin)).WithMessage("you cannot remove your own admin role");

    private static bool IsRoleName(string? role) =>
        role is { Length: > 0 and <= 32 } && char.IsAsciiLetterLower(role[0])
        && role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
}

/// <summary>Losing the admin role ends the user's sessions, since their tokens still carry it.</summary>
internal sealed class SetUserRoles(
    IValidator<SetUserRolesCommand> validator, IUserRepository users, SessionRevoker revoker, TimeProvider clock) : ISetUserRoles
{
    public async Task<Result<AdminUserView>> ExecuteAsync(
        CurrentPrincipal admin, Guid userId, IReadOnlyList<string>? roles, ClientInfo client, CancellationToken ct)
    {
        if (await validator.CheckAsync(new SetUserRolesCommand(admin.UserId, userId, roles), ct) is { } invalid)
        {
            return invalid;
        }

        if (await users.FindByIdAsync(userId, ct) is not { Status: not UserStatus.Deleted } user)
        {
            return Error.NotFound("User");
        }

        var normalized = roles!.Distinct(StringComparer.Ordinal).ToList();
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
}
