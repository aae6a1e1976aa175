using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Users;

public interface IDeleteAccount
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct);
}

/// <summary>Soft delete: the row stays for audit, its identifiers are freed and every session ends.</summary>
internal sealed class DeleteAccount(
    IUserRepository users,
    SessionRevoker revoker,
    TimeProvider clock) : IDeleteAccount
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct)
    {
        // The entity decides (a deleted account stays deleted as it was); the statement persists it
        // and applies the same rule, as two deletions may race.
        var now = clock.GetUtcNow();
        if (await users.FindByIdAsync(principal.UserId, ct) is { } user && user.SoftDelete(now))
        {
            await users.SoftDeleteAsync(user.Id, now, ct);
        }

        await revoker.RevokeAsync(
            Revocation.Sessions(principal.UserId, RevocationReason.AccountDeleted), new RevocationAudit(AuditAction.AccountDeleted, client), ct);
        return Unit.Value;
    }
}
