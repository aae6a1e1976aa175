using AuthService.Application.Admin;
using AuthService.Application.SystemConfig;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Sessions;

internal sealed class SessionStarter(
    ISessionRepository sessions,
    ITokenIssuer tokens,
    IRefreshTokenHandles refreshTokens,
    ISecretHasher hasher,
    IIdGenerator ids,
    SessionSettings settings,
    IRuntimeSettings runtimeSettings,
    AdminBootstrapper bootstrap,
    SessionRevoker revoker,
    Auditor audit,
    TimeProvider clock) : ISessionStarter
{
    private const int MaxUserAgentLength = 512;

    public Task<TokenResponse> StartAsync(User user, string authMethod, string? deviceName, ClientInfo client, CancellationToken ct) =>
        StartAsync(user, authMethod, deviceName, client, Amr.ForMethod(authMethod), ct);

    public async Task<TokenResponse> StartAsync(
        User user, string authMethod, string? deviceName, ClientInfo client, IReadOnlyList<string> amr, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await bootstrap.GrantIfListedAsync(user, client, ct);
        await MakeRoomAsync(user, client, now, ct);
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

            // Each sign-in's validator holds the name to Rules.DeviceName; cut to the same length here
            // for the sign-ins whose name comes from elsewhere (a pending MFA sign-in, a provider).
            DeviceName = Truncate(deviceName?.Trim(), Rules.MaxDeviceNameLength),
            Amr = amr,
        };
        var refreshToken = refreshTokens.New(session.Id);
        await sessions.CreateAsync(session, hasher.Hash(refreshToken), ct);

        // Every way of signing in ends here, so this is where a successful sign-in is counted.
        AuthMetrics.SignIn(authMethod, "success");
        return TokenResponse.Issue(tokens, user, session, refreshToken, now);
    }

    /// <summary>
    /// AUTH__MAX_SESSIONS_PER_USER (read at each sign-in, so a change applies at once): at the
    /// limit, the least recently used sessions are revoked to leave room for this one, or the
    /// sign-in is refused. The repository serialises a user's sign-ins, so parallel ones never
    /// exceed the limit; the revocations reach the cache once the caller's transaction commits.
    /// </summary>
    private async Task MakeRoomAsync(User user, ClientInfo client, DateTimeOffset now, CancellationToken ct)
    {
        var limit = runtimeSettings.MaxSessionsPerUser;
        if (limit <= 0)
        {
            return;
        }

        var deny = runtimeSettings.SessionLimitMode == SessionLimitMode.Deny;
        var revoked = await sessions.MakeRoomAsync(user.Id, limit, deny, RevocationReason.SessionLimit, now, ct)
            ?? throw new SessionLimitReachedException(limit);
        if (revoked.Count == 0)
        {
            return;
        }

        // One row (and so one session.revoked event) per session, naming it, as any other revocation.
        foreach (var sessionId in revoked)
        {
            await audit.RecordAsync(AuditAction.SessionRevoked, user.Id, client, ct,
                new Dictionary<string, object?> { ["session_id"] = sessionId, ["reason"] = RevocationReason.SessionLimit });
        }

        revoker.PublishAfterCommit(revoked);
    }

    private static string? Truncate(string? value, int max) =>
        value is null ? null : value.Length <= max ? value : value[..max];
}
