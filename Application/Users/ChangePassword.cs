using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;
using FluentValidation;

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
    AccessRevoker access,
    SessionRevoker revoker,
    Auditor audit,
    IUnitOfWork uow,
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

        await uow.ReleaseConnectionAsync(ct); // no connection held while waiting for a hashing slot
        var ok = user.PasswordHash is { } hash
            && await passwords.VerifyAsync(hash, command.CurrentPassword, ct) != PasswordVerification.Failed;
        if (!ok)
        {
            return new Error(ErrorCode.InvalidCredentials, "The current password is not correct.");
        }

        var now = clock.GetUtcNow();
        await users.SetPasswordHashAsync(user.Id, await passwords.HashAsync(command.NewPassword, ct), now, ct);
        var dropped = await access.RevokeAsync(user.Id, principal.SessionId, RevocationReason.PasswordChanged, now, ct);
        await audit.RecordAsync(AuditAction.PasswordChanged, user.Id, command.Client, ct, new Dictionary<string, object?>
        {
            ["sessions_revoked"] = dropped.Sessions.Count,
            ["api_keys_revoked"] = dropped.ApiKeys,
        });
        await uow.CommitAsync(ct);
        await revoker.PublishAsync(dropped.Sessions, ct);
        return Unit.Value;
    }
}
