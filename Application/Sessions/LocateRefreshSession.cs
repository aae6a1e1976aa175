using AuthService.Application.Abstractions;

namespace AuthService.Application.Sessions;

public interface ILocateRefreshSession
{
    /// <summary>The session a refresh token belongs (or belonged) to, or null: what refresh is rate-limited by.</summary>
    Task<Guid?> ExecuteAsync(string refreshToken, CancellationToken ct);
}

/// <summary>
/// A refresh token is opaque and rotates on each use, so limiting refreshes "per session" needs
/// the session it names: one indexed read by the token's keyed hash (only while limits are on).
/// </summary>
internal sealed class LocateRefreshSession(ISessionRepository sessions, ISecretHasher hasher) : ILocateRefreshSession
{
    public async Task<Guid?> ExecuteAsync(string refreshToken, CancellationToken ct) =>
        refreshToken is { Length: > 0 and <= 128 }
            ? (await sessions.FindRefreshTokenAsync(hasher.Hash(refreshToken), ct))?.SessionId
            : null;
}
