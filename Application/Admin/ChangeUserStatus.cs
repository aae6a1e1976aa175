using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

/// <param name="Status">active or disabled, in any case.</param>
public sealed record ChangeUserStatusCommand(Guid AdminId, Guid UserId, string? Status);

public interface IChangeUserStatus
{
    Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? status, ClientInfo client, CancellationToken ct);
}

/// <summary>An admin cannot disable themself (no lock-out by accident).</summary>
internal sealed class ChangeUserStatusCommandValidator : AbstractValidator<ChangeUserStatusCommand>
{
    public ChangeUserStatusCommandValidator() =>
        RuleFor(c => c.Status).Cascade(CascadeMode.Stop)
            .Must(s => ChangeUserStatus.Parse(s) is not null).WithMessage("must be active or disabled")
            .Must((c, s) => c.UserId != c.AdminId || ChangeUserStatus.Parse(s) != UserStatus.Disabled)
            .WithMessage("you cannot disable your own account");
}

/// <summary>
/// Disabling ends every session and revokes every API key at once (the keys in the same statement
/// as the status).
/// </summary>
internal sealed class ChangeUserStatus(
    IValidator<ChangeUserStatusCommand> validator, IUserRepository users, SessionRevoker revoker, TimeProvider clock) : IChangeUserStatus
{
    public async Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? status, ClientInfo client, CancellationToken ct)
    {
        if (await validator.CheckAsync(new ChangeUserStatusCommand(admin.UserId, userId, status), ct) is { } invalid)
        {
            return invalid;
        }

        if (await users.FindByIdAsync(userId, ct) is not { Status: not UserStatus.Deleted } user)
        {
            return Error.NotFound("User");
        }

        var newStatus = Parse(status)!.Value;
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

    public static UserStatus? Parse(string? status) => status?.ToLowerInvariant() switch
    {
        "active" => UserStatus.Active,
        "disabled" => UserStatus.Disabled,
        _ => null,
    };
}
