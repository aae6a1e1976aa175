using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Sessions;

internal sealed class SessionStarter(
    ISessionRepository sessions,
    ITokenIssuer tokens,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IIdGenerator ids,
    SessionSettings settings,
    TimeProvider clock) : ISessionStarter
{
    private const int MaxDeviceNameLength = 100;
    private const int MaxUserAgentLength = 512;

    public Task<TokenResponse> StartAsync(User user, string authMethod, string? deviceName, ClientInfo client, CancellationToken ct) =>
        StartAsync(user, authMethod, deviceName, client, Amr.ForMethod(authMethod), ct);

    public async Task<TokenResponse> StartAsync(
        User user, string authMethod, string? deviceName, ClientInfo client, IReadOnlyList<string> amr, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new Session
        {
            Id = ids.NewId(),
            UserId = user.Id,
            AuthMethod = authMethod,
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + settings.RefreshTokenLifetime,
            Ip = client.Ip,
            UserAgent = Truncate(client.UserAgent, MaxUserAgentLength),
            DeviceName = Truncate(deviceName?.Trim(), MaxDeviceNameLength),
            Amr = amr,
        };
        var refreshToken = secrets.NewOpaqueToken();
        await sessions.CreateAsync(session, hasher.Hash(refreshToken), ct);
        var access = tokens.Issue(user, session, now);

        // Every way of signing in ends here, so this is where a successful sign-in is counted.
        AuthMetrics.SignIn(authMethod, "success");
        return new TokenResponse(access.Token, access.ExpiresInSeconds, refreshToken, session.Id, user);
    }

    private static string? Truncate(string? value, int max) =>
        value is null ? null : value.Length <= max ? value : value[..max];
}
