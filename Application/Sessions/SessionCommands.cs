using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Sessions;

public sealed record SessionView(Session Session, bool Current);

public interface IListSessions
{
    Task<IReadOnlyList<SessionView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

public interface IRevokeSession
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid sessionId, ClientInfo client, CancellationToken ct);
}

public interface IRevokeOtherSessions
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct);
}

public interface ILogout
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct);
}

internal sealed class ListSessions(ISessionRepository sessions, TimeProvider clock) : IListSessions
{
    public async Task<IReadOnlyList<SessionView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        var active = await sessions.ListActiveForUserAsync(principal.UserId, clock.GetUtcNow(), ct);
        return active
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id)
            .Select(s => new SessionView(s, s.Id == principal.SessionId))
            .ToList();
    }
}

internal sealed class RevokeSession(
    ISessionRepository sessions, SessionRevoker revoker, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeSession
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid sessionId, ClientInfo client, CancellationToken ct)
    {
        // Someone else's session and an unknown id answer alike: no probing for ids.
        if (!await sessions.RevokeAsync(sessionId, principal.UserId, RevocationReason.UserRevoked, clock.GetUtcNow(), ct))
        {
            return Error.NotFound("Session");
        }

        await audit.RecordAsync(AuditAction.SessionRevoked, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["session_id"] = sessionId });
        await uow.CommitAsync(ct);
        await revoker.PublishAsync([sessionId], ct);
        return Unit.Value;
    }
}

internal sealed class RevokeOtherSessions(
    ISessionRepository sessions, SessionRevoker revoker, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeOtherSessions
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct)
    {
        var revoked = await sessions.RevokeAllForUserAsync(
            principal.UserId, principal.SessionId, RevocationReason.UserRevoked, clock.GetUtcNow(), ct);
        await audit.RecordAsync(AuditAction.SessionsRevoked, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["count"] = revoked.Count });
        await uow.CommitAsync(ct);
        await revoker.PublishAsync(revoked, ct);
        return Unit.Value;
    }
}

internal sealed class Logout(
    ISessionRepository sessions, SessionRevoker revoker, Auditor audit, IUnitOfWork uow, TimeProvider clock) : ILogout
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct)
    {
        await sessions.RevokeAsync(principal.SessionId, principal.UserId, RevocationReason.Logout, clock.GetUtcNow(), ct);
        await audit.RecordAsync(AuditAction.Logout, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["session_id"] = principal.SessionId });
        await uow.CommitAsync(ct);
        await revoker.PublishAsync([principal.SessionId], ct);
        return Unit.Value;
    }
}
