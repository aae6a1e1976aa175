using AuthService.Application.OAuth;
using AuthService.Domain.Users;

namespace AuthService.Application.Mfa;

public interface IRemovePasskey
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid id, ClientInfo client, CancellationToken ct);
}

internal sealed class RemovePasskey(
    FactorChangeGuard guard,
    IPasskeyRepository passkeys,
    IExternalIdentityRepository identities,
    IMfaFactorRepository factors,
    Auditor audit,
    IUnitOfWork uow) : IRemovePasskey
{
    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid id, ClientInfo client, CancellationToken ct)
    {
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        // Locked: the last-way-in count and the delete see the same passkeys and identities.
        var mine = await passkeys.ListLockedAsync(principal.UserId, ct);
        if (mine.All(p => p.Id != id))
        {
            return Error.NotFound("The passkey");
        }

        var linked = await identities.ListForUserLockedAsync(principal.UserId, ct);
        var left = SignInMethods.Of(context.Value.User, linked.Count, mine.Count).WithoutPasskey();
        if (!left.IsSuccess)
        {
            return left.Error!;
        }

        await passkeys.DeleteAsync(principal.UserId, id, ct);
        await audit.RecordAsync(MfaAuditActions.PasskeyRemoved, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["passkey_id"] = id });
        if (mine.Count == 1 && !context.Value.Summary.Totp)
        {
            await factors.DeleteRecoveryCodesAsync(principal.UserId, ct);
            await audit.RecordAsync(MfaAuditActions.AllFactorsRemoved, principal.UserId, client, ct,
                new Dictionary<string, object?> { ["reason"] = "last_passkey_removed" });
        }

        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}
