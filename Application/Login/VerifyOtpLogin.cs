using AuthService.Application.Mfa;
using AuthService.Application.Otp;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Otp;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Login;

public sealed record VerifyOtpLoginCommand(string? Email, string? Phone, string Code, string? DeviceName, ClientInfo Client);

public interface IVerifyOtpLogin
{
    Task<Result<TokenResponse>> ExecuteAsync(VerifyOtpLoginCommand command, CancellationToken ct);
}

internal sealed class VerifyOtpLoginCommandValidator : AbstractValidator<VerifyOtpLoginCommand>
{
    public VerifyOtpLoginCommandValidator()
    {
        this.EmailXorPhone(c => c.Email, c => c.Phone);
        RuleFor(c => c.Code).OtpCode();
        RuleFor(c => c.DeviceName).DeviceName();
    }
}

internal sealed class VerifyOtpLogin(
    IValidator<VerifyOtpLoginCommand> validator,
    IUserRepository users,
    OtpService otp,
    ISecondFactorGate signIn,
    SessionRevoker revoker,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IVerifyOtpLogin
{
    public async Task<Result<TokenResponse>> ExecuteAsync(VerifyOtpLoginCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var (kind, destination) = Contact.From(command.Email, command.Phone);
        var redeemed = await otp.RedeemAsync(users, OtpPurpose.Login, kind, destination, command.Code, ct);
        if (!redeemed.IsSuccess)
        {
            await audit.RecordAsync(AuditAction.LoginFailed, null, command.Client, ct,
                new Dictionary<string, object?> { ["method"] = AuthMethods.Otp });
            await uow.CommitAsync(ct);
            AuthMetrics.SignIn(AuthMethods.Otp, "invalid_code");
            return redeemed.Error!;
        }

        var user = redeemed.Value;

        if (!user.IsActive)
        {
            await uow.CommitAsync(ct);
            AuthMetrics.SignIn(AuthMethods.Otp, "account_disabled");
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        // The code reached this address, which proves control of it; a first proof on an account of
        // which nothing was proven starts it over (pre-hijacking defence, User.ProveContact).
        var now = clock.GetUtcNow();
        var proof = user.ProveContact(kind, now);
        if (proof == ContactProof.Refused)
        {
            await audit.RecordAsync(AuditAction.LoginFailed, user.Id, command.Client, ct,
                new Dictionary<string, object?> { ["method"] = AuthMethods.Otp, ["reason"] = "unproven_contact" });
            await uow.CommitAsync(ct);
            return new Error(ErrorCode.InvalidOtp, "The code is not valid.");
        }

        if (proof == ContactProof.StartedOver)
        {
            await StartOverAsync(user, command.Client, ct);
        }

        var signedIn = await signIn.SignInAsync(user, AuthMethods.Otp, command.DeviceName, command.Client, ct);
        if (!signedIn.IsSuccess)
        {
            // MFA_REQUIRED: what the first step changed and the pending sign-in are kept.
            await uow.CommitAsync(ct);
            return signedIn.Error!;
        }

        var tokens = signedIn.Value;
        await audit.RecordAsync(AuditAction.OtpLogin, user.Id, command.Client, ct,
            new Dictionary<string, object?> { ["method"] = AuthMethods.Otp, ["session_id"] = tokens.SessionId });
        await uow.CommitAsync(ct);
        return tokens;
    }

    /// <summary>The revocations are published once the sign-in commits (MFA_REQUIRED commits too).</summary>
    private async Task StartOverAsync(User user, ClientInfo client, CancellationToken ct)
    {
        await users.StartOverAsync(user, ct);
        await revoker.RevokeUncommittedAsync(
            Revocation.Access(user.Id, RevocationReason.AccountStartedOver),
            new RevocationAudit(AuditAction.AccountStartedOver, client, dropped => new Dictionary<string, object?>
            {
                ["via"] = AuthMethods.Otp,
                ["sessions_revoked"] = dropped.Sessions.Count,
                ["api_keys_revoked"] = dropped.ApiKeys,
            }),
            ct);
    }
}
