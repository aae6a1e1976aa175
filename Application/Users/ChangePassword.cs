using AuthService.Application.Login;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Users;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, ClientInfo Client);

public interface IChangePassword
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ChangePasswordCommand command, CancellationToken ct);
}

internal sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(IPasswordScreen screen)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("is required")
            .MaximumLength(Rules.MaxPasswordLength).WithMessage($"must be at most {Rules.MaxPasswordLength} characters");
        RuleFor(c => c.NewPassword).Password(screen);
    }
}

/// <summary>
/// Changing the password signs out every other device and revokes the user's API keys: a stolen
/// session or key dies with the old password.
/// </summary>
internal sealed class ChangePassword(
    IValidator<ChangePasswordCommand> validator,
    IUserRepository users,
    IPasswordHasher passwords,
    SessionRevoker revoker,
    Auditor audit,
    IUnitOfWork uow,
    IPasswordLockout lockout,
    TimeProvider clock) : IChangePassword
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ChangePasswordCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        if (await users.FindByIdAsync(principal.UserId, ct) is not { IsActive: true } user)
        {
            return Error.NotFound("User");
        }

        // A session is no licence to guess: wrong current passwords count toward the same lockout
        // as sign-in, and a locked account answers before any hashing, the right password included.
        if (await lockout.LockedForAsync(user, ct) is { } left)
        {
            await RecordFailureAsync(user.Id, "locked", command.Client, ct);
            return new Error(
                ErrorCode.AccountLocked,
                "Too many wrong passwords: password checks are locked for now. Try again later or reset the password.",
                RetryAfter: TimeSpan.FromSeconds(Math.Ceiling(Math.Max(1, left.TotalSeconds))));
        }

        await uow.ReleaseConnectionAsync(ct); // no connection held while waiting for a hashing slot
        var ok = user.PasswordHash is { } hash
            && await passwords.VerifyAsync(hash, command.CurrentPassword, ct) != PasswordVerification.Failed;
        if (!ok)
        {
            // Counted against every identifier of the account, as a wrong sign-in password would be.
            var lockedNow = await lockout.RecordFailureAsync(user, ct);
            await RecordFailureAsync(user.Id, lockedNow ? "invalid_credentials_locked" : "invalid_credentials", command.Client, ct);
            return new Error(ErrorCode.InvalidCredentials, "The current password is not correct.");
        }

        var now = clock.GetUtcNow();
        user.SetPassword(await passwords.HashAsync(command.NewPassword, ct), now);
        await users.SetPasswordHashAsync(user.Id, user.PasswordHash!, now, ct);
        await revoker.RevokeAsync(
            Revocation.Access(user.Id, RevocationReason.PasswordChanged, keep: principal.SessionId),
            new RevocationAudit(AuditAction.PasswordChanged, command.Client, dropped => new Dictionary<string, object?>
            {
                ["sessions_revoked"] = dropped.Sessions.Count,
                ["api_keys_revoked"] = dropped.ApiKeys,
            }),
            ct);
        return Unit.Value;
    }

    private async Task RecordFailureAsync(Guid userId, string reason, ClientInfo client, CancellationToken ct)
    {
        await audit.RecordAsync(AuditAction.PasswordChangeFailed, userId, client, ct, new Dictionary<string, object?> { ["reason"] = reason });
        await uow.CommitAsync(ct);
    }
}
