using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Sessions;

namespace AuthService.Application.Users;

public interface IDeleteAccount
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct);
}

/// <summary>Soft delete: the row stays for audit, its identifiers are freed and every session ends.</summary>
internal sealed class DeleteAccount(
    IUserRepository users,
    ISessionRepository sessions,
    SessionRevoker revoker,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IDeleteAccount
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, ClientInfo client, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await users.SoftDeleteAsync(principal.UserId, now, ct);
        var revoked = await sessions.RevokeAllForUserAsync(principal.UserId, null, RevocationReason.AccountDeleted, now, ct);
        await audit.RecordAsync(AuditAction.AccountDeleted, principal.UserId, client, ct);
        await uow.CommitAsync(ct);
        await revoker.PublishAsync(revoked, ct);
        return Unit.Value;
    }
}
