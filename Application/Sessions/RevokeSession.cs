using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Sessions;

public interface IRevokeSession
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid sessionId, ClientInfo client, CancellationToken ct);
}

internal sealed class RevokeSession(SessionRevoker revoker) : IRevokeSession
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid sessionId, ClientInfo client, CancellationToken ct)
    {
        // Someone else's session and an unknown id answer alike: no probing for ids.
        var revoked = await revoker.RevokeAsync(
            Revocation.Session(principal.UserId, sessionId, RevocationReason.UserRevoked, onlyIfActive: true),
            new RevocationAudit(AuditAction.SessionRevoked, client, _ => new Dictionary<string, object?> { ["session_id"] = sessionId }),
            ct);
        return revoked is null ? Error.NotFound("Session") : Unit.Value;
    }
}
