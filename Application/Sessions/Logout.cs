using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Sessions;

public interface ILogout
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct);
}

/// <summary>Ends the session of the access token sent.</summary>
internal sealed class Logout(SessionRevoker revoker) : ILogout
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct)
    {
        await revoker.RevokeAsync(
            Revocation.Session(principal.UserId, principal.SessionId, RevocationReason.Logout),
            new RevocationAudit(AuditAction.Logout, client, _ => new Dictionary<string, object?> { ["session_id"] = principal.SessionId }),
            ct);
        return Unit.Value;
    }
}
