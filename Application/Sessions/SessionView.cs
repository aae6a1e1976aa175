using AuthService.Domain.Sessions;

namespace AuthService.Application.Sessions;

/// <summary>A session as use cases hand it to the adapters; <paramref name="Current"/> marks the caller's own.</summary>
public sealed record SessionView(
    Guid Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    string? Ip,
    string? UserAgent,
    string? DeviceName,
    string AuthMethod,
    bool Current,
    bool Mfa)
{
    public static SessionView From(Session session, bool current = false) => new(
        session.Id, session.CreatedAt, session.LastUsedAt, session.ExpiresAt, session.Ip, session.UserAgent,
        session.DeviceName, session.AuthMethod, current, session.PassedMfa);
}
