using AuthService.Application.ApiKeys;
using Microsoft.Extensions.Logging;

namespace AuthService.Application.Sessions;

/// <summary>
/// The one way access ends: revoke (sessions, API keys), write the audit row in the same
/// transaction, commit, and only then publish the sessions to the shared revocation cache, so
/// every instance rejects their access tokens at once and a change that rolled back is never
/// announced. A cache failure is logged, not fatal: PostgreSQL stays the source of truth and is
/// consulted whenever the cache cannot answer (and the revocation tail republishes it).
/// </summary>
internal sealed class SessionRevoker(
    ISessionRepository sessions,
    IApiKeyRepository keys,
    IRevocationCache cache,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock,
    ILogger<SessionRevoker> logger)
{
    /// <summary>Revokes, records, commits, publishes; null (nothing done) for a session that had to be active and was not.</summary>
    public async Task<RevokedAccess?> RevokeAsync(Revocation what, RevocationAudit why, CancellationToken ct)
    {
        if (await RevokeUncommittedAsync(what, why, publish: false, ct) is not { } revoked)
        {
            return null;
        }

        await uow.CommitAsync(ct);
        await PublishAsync(revoked.Sessions, ct);
        return revoked;
    }

    /// <summary>
    /// Revokes and records inside the caller's unit of work, which goes on and commits; the
    /// sessions are published once that commit succeeds, never on rollback.
    /// </summary>
    public Task<RevokedAccess?> RevokeUncommittedAsync(Revocation what, RevocationAudit why, CancellationToken ct) =>
        RevokeUncommittedAsync(what, why, publish: true, ct);

    /// <summary>For sessions the caller revoked itself (making room for a new one): published after the next commit.</summary>
    public void PublishAfterCommit(IReadOnlyList<Guid> sessionIds)
    {
        if (sessionIds.Count > 0)
        {
            uow.AfterCommit(token => PublishAsync(sessionIds, token));
        }
    }

    private async Task<RevokedAccess?> RevokeUncommittedAsync(Revocation what, RevocationAudit why, bool publish, CancellationToken ct)
    {
        if (await EndAsync(what, ct) is not { } revoked)
        {
            return null;
        }

        await audit.RecordAsync(why.Action, what.UserId, why.Client, ct, why.Data?.Invoke(revoked), why.ActorId);
        if (publish)
        {
            PublishAfterCommit(revoked.Sessions);
        }

        return revoked;
    }

    private async Task<RevokedAccess?> EndAsync(Revocation what, CancellationToken ct)
    {
        if (what.Nothing)
        {
            return RevokedAccess.Empty;
        }

        var now = clock.GetUtcNow();
        if (what.Only is { } sessionId)
        {
            var ended = await sessions.RevokeAsync(sessionId, what.UserId, what.Reason, now, ct);
            return ended || !what.OnlyIfActive ? new RevokedAccess([sessionId], 0) : null;
        }

        var revoked = await sessions.RevokeAllForUserAsync(what.UserId, what.Keep, what.Reason, now, ct);
        var apiKeys = what.ApiKeys ? await keys.RevokeAllForUserAsync(what.UserId, now, ct) : 0;
        return new RevokedAccess(revoked, apiKeys);
    }

    private async Task PublishAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

        AuthMetrics.SessionsRevoked(sessionIds.Count);
        try
        {
            await cache.MarkRevokedAsync(sessionIds, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not publish {Count} session revocation(s) to the cache", sessionIds.Count);
        }
    }
}
