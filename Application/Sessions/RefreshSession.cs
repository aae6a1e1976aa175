using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Sessions;

public sealed record RefreshCommand(string RefreshToken, ClientInfo Client);

public interface IRefreshSession
{
    Task<Result<TokenResponse>> ExecuteAsync(RefreshCommand command, CancellationToken ct);
}

/// <summary>
/// Rotates the refresh token on every use. The successor is a keyed function of the presented
/// token, so a replay inside the grace window (two tabs refreshing at once) gets the very same
/// successor without any plaintext being stored; a replay after it revokes the whole session.
/// </summary>
internal sealed class RefreshSession(
    ISessionRepository sessions,
    IUserRepository users,
    ITokenIssuer tokens,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    SessionRevoker revoker,
    SessionSettings settings,
    TimeProvider clock) : IRefreshSession
{
    private const int MaxTokenLength = 128;

    public async Task<Result<TokenResponse>> ExecuteAsync(RefreshCommand command, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(command.RefreshToken) || command.RefreshToken.Length > MaxTokenLength)
        {
            return Invalid;
        }

        var now = clock.GetUtcNow();
        var presentedHash = hasher.Hash(command.RefreshToken);
        var successor = secrets.SuccessorOf(command.RefreshToken);
        var successorHash = hasher.Hash(successor);

        var rotated = await sessions.RotateRefreshTokenAsync(
            presentedHash, successorHash, now, now + settings.RefreshTokenLifetime, ct);
        if (rotated is not null)
        {
            return Respond(rotated.Session, rotated.User, successor);
        }

        var record = await sessions.FindRefreshTokenAsync(presentedHash, ct);
        if (record is null)
        {
            return Invalid;
        }

        var session = await sessions.FindAsync(record.SessionId, ct);
        if (session is null)
        {
            return Invalid;
        }

        if (session.RevokedAt is not null)
        {
            return new Error(ErrorCode.SessionRevoked, "This session has been revoked.");
        }

        if (record.RotatedAt is null || session.ExpiresAt <= now)
        {
            return new Error(ErrorCode.TokenExpired, "The refresh token has expired. Sign in again.");
        }

        if (now - record.RotatedAt.Value <= settings.RefreshReuseGrace
            && await sessions.IsCurrentRefreshTokenAsync(session.Id, successorHash, ct))
        {
            return Respond(session, await users.FindByIdAsync(session.UserId, ct), successor);
        }

        // A token that was already rotated away is being used again: someone holds a copy.
        await revoker.RevokeAsync(
            Revocation.Session(session.UserId, session.Id, RevocationReason.TokenReuse),
            new RevocationAudit(AuditAction.RefreshReuse, command.Client, _ => new Dictionary<string, object?> { ["session_id"] = session.Id }),
            ct);
        AuthMetrics.RefreshReuseDetected();
        return new Error(ErrorCode.TokenReused, "This refresh token was already used; the session has been revoked.");
    }

    /// <summary>The rotation is already committed: it ran as a single statement.</summary>
    private Result<TokenResponse> Respond(Session session, User? user, string refreshToken)
    {
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        return TokenResponse.Issue(tokens, user, session, refreshToken, clock.GetUtcNow());
    }

    private static Error Invalid => new(ErrorCode.InvalidToken, "The refresh token is not valid.");
}
