namespace AuthService.Application.Admin;

public sealed record AdminSessionView(
    Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt,
    string? Ip, string? UserAgent, string? DeviceName, string AuthMethod);

public sealed record AdminIdentityView(string Provider, string Subject, string? Email, DateTimeOffset LinkedAt);

/// <summary>A user with their active sessions (newest first) and linked provider accounts.</summary>
public sealed record UserDetails(AdminUserView User, IReadOnlyList<AdminSessionView> Sessions, IReadOnlyList<AdminIdentityView> Identities);

public interface IGetUserDetails
{
    Task<Result<UserDetails>> ExecuteAsync(Guid userId, CancellationToken ct);
}

internal sealed class GetUserDetails(
    IUserRepository users, ISessionRepository sessions, IExternalIdentityRepository identities, TimeProvider clock) : IGetUserDetails
{
    public async Task<Result<UserDetails>> ExecuteAsync(Guid userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId, ct) is not { } user)
        {
            return Error.NotFound("User");
        }

        var active = await sessions.ListActiveForUserAsync(userId, clock.GetUtcNow(), ct);
        var linked = await identities.ListForUserAsync(userId, ct);
        return new UserDetails(
            AdminUserView.From(user),
            [.. active.OrderByDescending(s => s.CreatedAt).Select(s =>
                new AdminSessionView(s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Ip, s.UserAgent, s.DeviceName, s.AuthMethod))],
            [.. linked.Select(i => new AdminIdentityView(i.Provider, i.Subject, i.Email, i.LinkedAt))]);
    }
}
