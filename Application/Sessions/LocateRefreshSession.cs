namespace AuthService.Application.Sessions;

public interface ILocateRefreshSession
{
    /// <summary>The session a refresh token belongs (or belonged) to, or null: what refresh is rate-limited by.</summary>
    Task<Guid?> ExecuteAsync(string refreshToken, CancellationToken ct);
}

/// <summary>
/// A refresh token is opaque and rotates on each use, so limiting refreshes "per session" needs the
/// session it names: its authenticated handle says so without any I/O. A token without one (issued
/// before handles existed, or not ours) costs one indexed read by its keyed hash, as before.
/// </summary>
internal sealed class LocateRefreshSession(IRefreshTokenHandles handles, ISessionRepository sessions, ISecretHasher hasher) : ILocateRefreshSession
{
    public async Task<Guid?> ExecuteAsync(string refreshToken, CancellationToken ct) =>
        refreshToken is not { Length: > 0 and <= RefreshSession.MaxTokenLength } ? null
            : handles.SessionOf(refreshToken) ?? (await sessions.FindRefreshTokenAsync(hasher.Hash(refreshToken), ct))?.SessionId;
}
