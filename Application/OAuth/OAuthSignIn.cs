using AuthService.Application.Mfa;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.OAuth;

/// <summary>The last step of every provider sign-in: the session (or MFA_REQUIRED), the audit row, the commit.</summary>
internal interface IOAuthSignIn
{
    Task<Result<TokenResponse>> SignInAsync(User user, string provider, string? deviceName, ClientInfo client, CancellationToken ct);
}

internal sealed class OAuthSignIn(ISecondFactorGate signIn, Auditor audit, IUnitOfWork uow) : IOAuthSignIn
{
    public async Task<Result<TokenResponse>> SignInAsync(
        User user, string provider, string? deviceName, ClientInfo client, CancellationToken ct)
    {
        var method = Session.OAuthMethod(provider);
        var signedIn = await signIn.SignInAsync(user, method, deviceName, client, ct);
        if (!signedIn.IsSuccess)
        {
            // MFA_REQUIRED: what the first step changed and the pending sign-in are kept.
            await uow.CommitAsync(ct);
            return signedIn.Error!;
        }

        var tokens = signedIn.Value;
        await audit.RecordAsync(AuditAction.OAuthLogin, user.Id, client, ct,
            new Dictionary<string, object?> { ["method"] = method, ["provider"] = provider, ["session_id"] = tokens.SessionId });
        await uow.CommitAsync(ct);
        return tokens;
    }
}
