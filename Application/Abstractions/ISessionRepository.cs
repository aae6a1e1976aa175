using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Abstractions;

/// <summary>What the store knows of a presented refresh token that is not the current one.</summary>
public sealed record RefreshTokenRecord(Guid SessionId, DateTimeOffset? RotatedAt);

/// <summary>A session after a rotation, with its user as the same statement read it.</summary>
public sealed record RotatedSession(Session Session, User User);

public interface ISessionRepository
{
    Task CreateAsync(Session session, string refreshTokenHash, CancellationToken ct);

    /// <summary>
    /// Atomically retires <paramref name="presentedHash"/> and makes <paramref name="successorHash"/>
    /// current, only if the presented token is current and its session active. Returns the
    /// session and its user on success, null when nothing was rotated. One conditional statement,
    /// its own transaction when none is under way: two concurrent callers can never both win, and
    /// the common refresh is a single round trip.
    /// </summary>
    Task<RotatedSession?> RotateRefreshTokenAsync(
        string presentedHash, string successorHash, DateTimeOffset now, DateTimeOffset newExpiresAt, CancellationToken ct);

    Task<RefreshTokenRecord?> FindRefreshTokenAsync(string tokenHash, CancellationToken ct);

    /// <summary>True when <paramref name="tokenHash"/> is the current, unrotated token of the session.</summary>
    Task<bool> IsCurrentRefreshTokenAsync(Guid sessionId, string tokenHash, CancellationToken ct);

    Task<Session?> FindAsync(Guid sessionId, CancellationToken ct);

    Task<IReadOnlyList<Session>> ListActiveForUserAsync(Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Revokes one active session of the user; false when there is none such.</summary>
    Task<bool> RevokeAsync(Guid sessionId, Guid userId, string reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>Revokes every active session of the user but <paramref name="except"/>; returns their ids.</summary>
    Task<IReadOnlyList<Guid>> RevokeAllForUserAsync(
        Guid userId, Guid? except, string reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Before a new session of the user: serialises the user's sign-ins (a lock on the user's row
    /// held to the end of the transaction), then, with <paramref name="limit"/> active sessions or
    /// more, either returns null (<paramref name="deny"/>) or revokes the least recently used ones so
    /// that the new session makes <paramref name="limit"/>, returning their ids.
    /// </summary>
    Task<IReadOnlyList<Guid>?> MakeRoomAsync(
        Guid userId, int limit, bool deny, string reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>Sessions revoked after <paramref name="since"/>: what refills an emptied revocation cache.</summary>
    Task<IReadOnlyList<Guid>> ListRevokedSinceAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>The fallback when the revocation cache cannot answer.</summary>
    Task<bool> IsActiveAsync(Guid sessionId, DateTimeOffset now, CancellationToken ct);
}
