using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Mfa;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;

namespace AuthService.Application.OAuth;

public sealed record ExchangeOAuthCodeCommand(string? Code, string? DeviceName, ClientInfo Client);

public interface IExchangeOAuthCode
{
    Task<Result<TokenResponse>> ExecuteAsync(ExchangeOAuthCodeCommand command, CancellationToken ct);
}

/// <summary>Trades the one-time code of the browser flow for a session.</summary>
internal sealed class ExchangeOAuthCode(
    IOAuthExchangeCodeStore codes,
    IUserRepository users,
    ISecondFactorGate signIn,
    Auditor audit,
    IUnitOfWork uow) : IExchangeOAuthCode
{
    private const int MaxCodeLength = 128;

    public async Task<Result<TokenResponse>> ExecuteAsync(ExchangeOAuthCodeCommand command, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(command.Code))
        {
            return Error.Validation("code", "is required");
        }

        if (command.DeviceName is { Length: > 100 })
        {
            return Error.Validation("device_name", "must be at most 100 characters");
        }

        var grant = command.Code.Length <= MaxCodeLength ? await codes.TakeAsync(command.Code, ct) : null;
        if (grant is not { Kind: OAuthGrantKind.Login })
        {
            return new Error(ErrorCode.InvalidOAuthState, "The code is unknown, has expired or was already used.");
        }

        var user = await users.FindByIdAsync(grant.UserId, ct);
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        var method = Session.OAuthMethod(grant.Provider);
        var signedIn = await signIn.SignInAsync(user, method, command.DeviceName, command.Client, ct);
        if (!signedIn.IsSuccess)
        {
            // MFA_REQUIRED: what the first step changed and the pending sign-in are kept.
            await uow.CommitAsync(ct);
            return signedIn.Error!;
        }

        var tokens = signedIn.Value;
        await audit.RecordAsync(AuditAction.OAuthLogin, user.Id, command.Client, ct,
            new Dictionary<string, object?> { ["method"] = method, ["provider"] = grant.Provider, ["session_id"] = tokens.SessionId });
        await uow.CommitAsync(ct);
        return tokens;
    }
}
