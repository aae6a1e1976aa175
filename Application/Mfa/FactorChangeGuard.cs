using AuthService.Domain.Users;

namespace AuthService.Application.Mfa;

internal sealed record FactorChangeContext(User User, MfaSummary Summary)
{
    /// <summary>How the account is named to an authenticator app or a passkey dialog.</summary>
    public string Account => User.Email ?? User.Phone ?? User.Username ?? User.Id.ToString();
}

/// <summary>
/// Changing factors needs a session that passed MFA when the user has a factor: otherwise a
/// stolen password alone (a password-only session) could remove or replace the second factor.
/// </summary>
internal sealed class FactorChangeGuard(IUserRepository users, IMfaFactorRepository factors)
{
    public async Task<Result<FactorChangeContext>> CheckAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(principal.UserId, ct);
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.Unauthorized, "The account is no longer active.");
        }

        var summary = await factors.GetSummaryAsync(user.Id, ct);
        if (summary.HasFactor && !await factors.SessionPassedMfaAsync(principal.SessionId, ct))
        {
            return new Error(
                ErrorCode.Forbidden,
                "Changing second factors needs a session that passed MFA: sign in again with your second factor.");
        }

        return new FactorChangeContext(user, summary);
    }
}
