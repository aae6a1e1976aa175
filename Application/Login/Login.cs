using AuthService.Application.Mfa;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Login;

public sealed record LoginCommand(
    string? Email, string? Phone, string? Username, string Password, string? DeviceName, ClientInfo Client);

public interface ILogin
{
    Task<Result<TokenResponse>> ExecuteAsync(LoginCommand command, CancellationToken ct);
}

internal sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c).Must(c => new[] { c.Email, c.Phone, c.Username }.Count(v => v is not null) == 1)
            .WithMessage("exactly one of email, phone or username is required").OverridePropertyName("email");
        RuleFor(c => c.Email).MaximumLength(254).WithMessage("is too long");
        RuleFor(c => c.Phone).MaximumLength(16).WithMessage("is too long");
        RuleFor(c => c.Username).MaximumLength(64).WithMessage("is too long");
        RuleFor(c => c.Password).NotEmpty().WithMessage("is required")
            .MaximumLength(Rules.MaxPasswordLength).WithMessage($"must be at most {Rules.MaxPasswordLength} characters");
        RuleFor(c => c.DeviceName).DeviceName();
    }
}

internal sealed class Login(
    IValidator<LoginCommand> validator,
    IUserRepository users,
    IPasswordHasher passwords,
    ISecondFactorGate signIn,
    Auditor audit,
    IUnitOfWork uow,
    IPasswordLockout lockout,
    TimeProvider clock) : ILogin
{
    public async Task<Result<TokenResponse>> ExecuteAsync(LoginCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var kind = command.Email is not null ? IdentifierKind.Email
            : command.Phone is not null ? IdentifierKind.Phone
            : IdentifierKind.Username;
        var identifier = ContactLookup.Normalize(kind, command.Email ?? command.Phone ?? command.Username!);

        // The lock belongs to the identifier, not to an account: right or wrong password, known or
        // unknown address, a locked identifier answers the same, before any hashing.
        if (await lockout.LockedForAsync(kind, identifier, ct) is { } left)
        {
            await RecordFailureAsync(null, kind, "locked", command.Client, ct);
            AuthMetrics.SignIn(AuthMethods.Password, "locked");
            return Locked(left);
        }

        var user = await ContactLookup.FindAsync(users, kind, identifier, ct);

        // The hash may wait for a slot: the database connection goes back to the pool meanwhile,
        // so a sign-in flood cannot hold every connection that other requests need.
        await uow.ReleaseConnectionAsync(ct);

        // Unknown accounts and accounts without a password still pay for one Argon2id
        // verification, so the answer takes the same time as a wrong password.
        var verification = PasswordVerification.Failed;
        if (user?.PasswordHash is { } hash)
        {
            verification = await passwords.VerifyAsync(hash, command.Password, ct);
        }
        else
        {
            await passwords.VerifyDummyAsync(command.Password, ct);
        }

        if (user is null || verification == PasswordVerification.Failed)
        {
            // The failure that reaches the limit still answers like any wrong password; the next
            // attempt, right password or not, is the one told the identifier is locked.
            var lockedNow = await lockout.RecordFailureAsync(kind, identifier, user, ct);

            // The audit row of the failure that locked the identifier says so: when guessing began to be refused.
            await RecordFailureAsync(user?.Id, kind, lockedNow ? "invalid_credentials_locked" : "invalid_credentials", command.Client, ct);
            AuthMetrics.SignIn(AuthMethods.Password, "invalid_credentials");
            return new Error(ErrorCode.InvalidCredentials, "The credentials are not valid.");
        }

        // Only now, with the right password, may the answer say more about the account.
        if (!user.IsActive)
        {
            AuthMetrics.SignIn(AuthMethods.Password, "account_disabled");
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        if (!user.IsVerifiedFor(kind))
        {
            AuthMetrics.SignIn(AuthMethods.Password, "not_verified");
            return new Error(ErrorCode.EmailNotVerified, "Verify your email address (or phone number) before signing in.");
        }

        var now = clock.GetUtcNow();
        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            var rehashed = await passwords.HashAsync(command.Password, ct);
            user.SetPassword(rehashed, now);
            await users.SetPasswordHashAsync(user.Id, rehashed, now, ct);
        }

        // The password is right: failures below the limit are forgotten ("in a row").
        await lockout.ReleaseAsync(user, ct);
        var signedIn = await signIn.SignInAsync(user, AuthMethods.Password, command.DeviceName, command.Client, ct);
        if (!signedIn.IsSuccess)
        {
            // MFA_REQUIRED: what the first step changed and the pending sign-in are kept.
            await uow.CommitAsync(ct);
            return signedIn.Error!;
        }

        var tokens = signedIn.Value;
        await audit.RecordAsync(AuditAction.LoginSucceeded, user.Id, command.Client, ct,
            new Dictionary<string, object?> { ["method"] = AuthMethods.Password, ["session_id"] = tokens.SessionId });
        await uow.CommitAsync(ct);
        return tokens;
    }

    private async Task RecordFailureAsync(Guid? userId, IdentifierKind kind, string reason, ClientInfo client, CancellationToken ct)
    {
        await audit.RecordAsync(AuditAction.LoginFailed, userId, client, ct, new Dictionary<string, object?>
        {
            ["method"] = AuthMethods.Password,
            ["identifier_kind"] = kind.ToString().ToLowerInvariant(),
            ["reason"] = reason,
        });
        await uow.CommitAsync(ct);
    }

    private static Error Locked(TimeSpan left) => new(
        ErrorCode.AccountLocked,
        "Too many failed sign-ins: password sign-in is locked for now. Try again later, sign in with a one-time code, or reset the password.",
        RetryAfter: TimeSpan.FromSeconds(Math.Ceiling(Math.Max(1, left.TotalSeconds))));
}
