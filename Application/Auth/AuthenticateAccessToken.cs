using AuthService.Domain.Sessions;

namespace AuthService.Application.Auth;

public interface IAuthenticateAccessToken
{
    Task<Result<CurrentPrincipal>> ExecuteAsync(string token, CancellationToken ct);
}

/// <summary>
/// Signature and lifetime first (no I/O), then revocation: the shared cache answers in well
/// under a millisecond; when it cannot answer, PostgreSQL does, so a Redis outage never lets
/// a revoked session back in.
/// </summary>
internal sealed class AuthenticateAccessToken(
    ITokenIssuer tokens,
    IRevocationCache revocations,
    ISessionRepository sessions,
    TimeProvider clock) : IAuthenticateAccessToken
{
    private const int MaxTokenLength = 4096;

    public async Task<Result<CurrentPrincipal>> ExecuteAsync(string token, CancellationToken ct)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return new Error(ErrorCode.InvalidToken, "The access token is not valid.");
        }

        var validation = await tokens.ValidateAsync(token, ct);
        if (validation.Claims is not { } claims)
        {
            return validation.Failure == AccessTokenFailure.Expired
                ? new Error(ErrorCode.TokenExpired, "The access token has expired.")
                : new Error(ErrorCode.InvalidToken, "The access token is not valid.");
        }

        var revoked = await revocations.IsRevokedAsync(claims.SessionId, ct)
            ?? !await sessions.IsActiveAsync(claims.SessionId, clock.GetUtcNow(), ct);
        if (revoked)
        {
            return Session.Revoked;
        }

        return new CurrentPrincipal(
            claims.UserId, claims.SessionId, claims.Email, claims.Roles, claims.Plan, claims.Scope, claims.ExpiresAt);
    }
}
