using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;

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
    Auditor audit,
    IUnitOfWork uow,
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

        var session = await sessions.RotateRefreshTokenAsync(
            presentedHash, successorHash, now, now + settings.RefreshTokenLifetime, ct);
        if (session is not null)
        {
            return await RespondAsync(session, successor, ct);
        }

        var record = await sessions.FindRefreshTokenAsync(presentedHash, ct);
        if (record is null)
        {
            return Invalid;
        }

        session = await sessions.FindAsync(record.SessionId, ct);
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
            return await RespondAsync(session, successor, ct);
        }

        // A token that was already rotated away is being used again: someone holds a copy.
        await sessions.RevokeAsync(session.Id, session.UserId, RevocationReason.TokenReuse, now, ct);
        await audit.RecordAsync(AuditAction.RefreshReuse, session.UserId, command.Client, ct,
            new Dictionary<string, object?> { ["session_id"] = session.Id });
        await uow.CommitAsync(ct);
        await revoker.PublishAsync([session.Id], ct);
        return new Error(ErrorCode.TokenReused, "This refresh token was already used; the session has been revoked.");
    }

    private async Task<Result<TokenResponse>> RespondAsync(Session session, string refreshToken, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(session.UserId, ct);
        if (user is null || !user.IsActive)
        {
            await uow.CommitAsync(ct);
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        await uow.CommitAsync(ct);
        var access = tokens.Issue(user, session, clock.GetUtcNow());
        return new TokenResponse(access.Token, access.ExpiresInSeconds, refreshToken, session.Id, user);
    }

    private static Error Invalid => new(ErrorCode.InvalidToken, "The refresh token is not valid.");
}
