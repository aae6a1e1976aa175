using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Mfa;

public sealed record VerifyPasskeySignInCommand(string? CredentialJson, string? DeviceName, ClientInfo Client);

public interface IVerifyPasskeySignIn
{
    Task<Result<TokenResponse>> ExecuteAsync(VerifyPasskeySignInCommand command, CancellationToken ct);
}

internal sealed class VerifyPasskeySignInCommandValidator : AbstractValidator<VerifyPasskeySignInCommand>
{
    public VerifyPasskeySignInCommandValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.CredentialJson).Credential();
        RuleFor(c => c.DeviceName).DeviceName();
    }
}

/// <summary>A passwordless sign-in: a discoverable passkey with user verification is two factors by itself.</summary>
internal sealed class VerifyPasskeySignIn(
    IValidator<VerifyPasskeySignInCommand> validator,
    PasskeyAssertions assertions,
    IUserRepository users,
    ISessionStarter sessions,
    Auditor audit,
    IUnitOfWork uow) : IVerifyPasskeySignIn
{
    public async Task<Result<TokenResponse>> ExecuteAsync(VerifyPasskeySignInCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var client = command.Client;
        var passkey = await assertions.VerifyAsync(command.CredentialJson!, WebAuthnPurpose.Passwordless, null, null, client, ct);
        var user = passkey.IsSuccess ? await users.FindByIdAsync(passkey.Value.UserId, ct) : null;
        if (user is null)
        {
            await audit.RecordAsync(AuditAction.LoginFailed, passkey.IsSuccess ? passkey.Value.UserId : null, client, ct,
                new Dictionary<string, object?> { ["method"] = AuthMethods.Passkey });
            await uow.CommitAsync(ct);
            return PasskeyCeremonies.Refused;
        }

        if (!user.IsActive)
        {
            await uow.CommitAsync(ct);
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        var tokens = await sessions.StartAsync(user, AuthMethods.Passkey, command.DeviceName, client, ct);
        await audit.RecordAsync(AuditAction.LoginSucceeded, user.Id, client, ct, new Dictionary<string, object?>
        {
            ["method"] = AuthMethods.Passkey,
            ["passkey_id"] = passkey.Value.Id,
            ["session_id"] = tokens.SessionId,
        });
        await uow.CommitAsync(ct);
        return tokens;
    }
}
