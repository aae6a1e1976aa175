using AuthService.Application.Abstractions;
using AuthService.Application.ApiKeys;

namespace AuthService.Application.Sessions;

/// <summary>What a credential change ended: the sessions (to publish after the commit) and how many API keys.</summary>
public sealed record RevokedAccess(IReadOnlyList<Guid> Sessions, int ApiKeys);

/// <summary>
/// Ends every way into an account that does not need its credentials again: sessions (all, or all
/// but the caller's) and API keys. A password change, a reset and a start-over call it, so a stolen
/// session or key dies with the password it was obtained under. Publishing the session revocations
/// (after the commit) is the caller's, through <see cref="SessionRevoker"/>.
/// </summary>
internal sealed class AccessRevoker(ISessionRepository sessions, IApiKeyRepository keys)
{
    public async Task<RevokedAccess> RevokeAsync(Guid userId, Guid? keepSession, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var revoked = await sessions.RevokeAllForUserAsync(userId, keepSession, reason, now, ct);
        var apiKeys = await keys.RevokeAllForUserAsync(userId, now, ct);
        return new RevokedAccess(revoked, apiKeys);
    }
}
