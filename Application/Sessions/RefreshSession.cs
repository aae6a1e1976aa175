using AuthService.Domain.Audit;
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
    /// <summary>Longer than any token we issue: refused before any hashing.</summary>
    internal const int MaxTokenLength = 128;

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

        // Nothing was rotated: the session's rules say why (the statement above applies the same ones).
        var record = await sessions.FindRefreshTokenAsync(presentedHash, ct);
        if (record is null || await sessions.FindAsync(record.SessionId, ct) is not { } session)
        {
            return Invalid;
        }

        var step = session.Refresh(record.RotatedAt, now, settings.RefreshReuseGrace);
        if (!step.IsSuccess)
        {
            return step.Error!;
        }

        // Rotate here means the statement found the token no longer current: a concurrent refresh
        // or revocation got there first (the statement re-checks under the session's row lock).
        if (step.Value == RefreshStep.Rotate)
        {
            return Session.TokenExpired;
        }

        if (step.Value == RefreshStep.ReplayWithinGrace && await sessions.IsCurrentRefreshTokenAsync(session.Id, successorHash, ct))
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
