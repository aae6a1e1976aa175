using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Sessions;

public interface IRevokeOtherSessions
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct);
}

/// <summary>Signs out every other device; the session of the access token sent stays.</summary>
internal sealed class RevokeOtherSessions(SessionRevoker revoker) : IRevokeOtherSessions
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct)
    {
        await revoker.RevokeAsync(
            Revocation.Sessions(principal.UserId, RevocationReason.UserRevoked, keep: principal.SessionId),
            new RevocationAudit(AuditAction.SessionsRevoked, client, r => new Dictionary<string, object?> { ["count"] = r.Sessions.Count }),
            ct);
        return Unit.Value;
    }
}
