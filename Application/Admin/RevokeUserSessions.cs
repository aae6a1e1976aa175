using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Admin;

public interface IRevokeUserSessions
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid userId, ClientInfo client, CancellationToken ct);
}

/// <summary>Signs a user out everywhere; their access tokens stop working within a second.</summary>
internal sealed class RevokeUserSessions(IUserRepository users, SessionRevoker revoker) : IRevokeUserSessions
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid userId, ClientInfo client, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId, ct) is null)
        {
            return Error.NotFound("User");
        }

        await revoker.RevokeAsync(
            Revocation.Sessions(userId, RevocationReason.AdminRevoked),
            new RevocationAudit(
                AuditAction.SessionsRevoked, client, r => new Dictionary<string, object?> { ["count"] = r.Sessions.Count }, admin.UserId),
            ct);
        return Unit.Value;
    }
}
