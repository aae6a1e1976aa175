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
        view.Id, view.CreatedAt, view.LastUsedAt, view.ExpiresAt, view.Ip, view.UserAgent, view.DeviceName, view.AuthMethod,
        view.Current, view.Mfa);
}

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
