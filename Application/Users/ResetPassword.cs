using AuthService.Application.Login;
using AuthService.Application.Otp;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Otp;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Users;

public sealed record ResetPasswordCommand(string Email, string Code, string NewPassword, ClientInfo Client);

public interface IResetPassword
{
    Task<Result<Unit>> ExecuteAsync(ResetPasswordCommand command, CancellationToken ct);
}

internal sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator(IPasswordScreen screen)
    {
        RuleFor(c => (string?)c.Email).RequiredEmail().OverridePropertyName("email");
        RuleFor(c => c.Code).OtpCode();
        RuleFor(c => c.NewPassword).Password(screen);
    }
}

internal sealed class ResetPassword(
    IValidator<ResetPasswordCommand> validator,
    IUserRepository users,
    IPasswordHasher passwords,
    OtpService otp,
    SessionRevoker revoker,
    IPasswordLockout lockout,
    IUnitOfWork uow,
    TimeProvider clock) : IResetPassword
{
    public async Task<Result<Unit>> ExecuteAsync(ResetPasswordCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var email = Identifiers.NormalizeEmail(command.Email);
        var newHash = await passwords.HashAsync(command.NewPassword, ct);
        var redeemed = await otp.RedeemAsync(users, OtpPurpose.PasswordReset, IdentifierKind.Email, email, command.Code, ct);
        if (!redeemed.IsSuccess || !redeemed.Value.IsActive)
        {
            await uow.CommitAsync(ct);
            return redeemed.IsSuccess ? OtpService.InvalidCode : redeemed.Error!;
        }

        var user = redeemed.Value;

        // The code arrived by email, so the address is proven too; a first proof on an account of
        // which nothing was proven starts it over (pre-hijacking defence, User.ProveContact).
        var now = clock.GetUtcNow();
        var proof = user.ProveContact(IdentifierKind.Email, now);
        if (proof == ContactProof.Refused)
        {
            await uow.CommitAsync(ct);
            return new Error(ErrorCode.InvalidOtp, "The code is not valid.");
        }

        user.SetPassword(newHash, now);
        if (proof == ContactProof.StartedOver)
        {
            await users.StartOverAsync(user, ct);
        }
        else
        {
            await users.SetPasswordHashAsync(user.Id, newHash, now, ct);
        }

        // Whoever held a session or an API key under the old password loses it.
        await revoker.RevokeAsync(
            Revocation.Access(user.Id, RevocationReason.PasswordReset),
            new RevocationAudit(AuditAction.PasswordReset, command.Client, dropped => new Dictionary<string, object?>
            {
                ["sessions_revoked"] = dropped.Sessions.Count,
                ["api_keys_revoked"] = dropped.ApiKeys,
                ["started_over"] = proof == ContactProof.StartedOver,
            }),
            ct);

        // A new password lifts any password lockout of the account's identifiers.
        await lockout.ReleaseAsync(user, ct);
        return Unit.Value;
    }
}
