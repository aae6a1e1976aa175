using AuthService.Application.Sessions;

namespace AuthService.Adapters.Http.Contracts;

public sealed record SessionResponse(
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
    public static SessionResponse From(SessionView view) => new(
        view.Session.Id, view.Session.CreatedAt, view.Session.LastUsedAt, view.Session.ExpiresAt,
        view.Session.Ip, view.Session.UserAgent, view.Session.DeviceName, view.Session.AuthMethod, view.Current,
        view.Session.PassedMfa);
}

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
