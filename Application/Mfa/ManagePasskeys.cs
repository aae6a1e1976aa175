using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.OAuth;
using AuthService.Domain.Common;
using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

public interface IListPasskeys
{
    Task<IReadOnlyList<PasskeyView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

public interface IRenamePasskey
{
    Task<Result<PasskeyView>> ExecuteAsync(CurrentPrincipal principal, Guid id, string? name, ClientInfo client, CancellationToken ct);
}

public interface IRemovePasskey
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal principal, Guid id, ClientInfo client, CancellationToken ct);
}

internal sealed class ListPasskeys(IPasskeyRepository passkeys) : IListPasskeys
{
    public async Task<IReadOnlyList<PasskeyView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct) =>
        (await passkeys.ListAsync(principal.UserId, ct)).Select(PasskeyView.From).ToArray();
}

internal sealed class RenamePasskey(IPasskeyRepository passkeys, Auditor audit, IUnitOfWork uow) : IRenamePasskey
{
    public async Task<Result<PasskeyView>> ExecuteAsync(CurrentPrincipal principal, Guid id, string? name, ClientInfo client, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Passkey.MaxNameLength)
        {
            return Error.Validation("name", $"is required, at most {Passkey.MaxNameLength} characters");
        }

        // Renaming changes no factor, so any session of the owner may do it.
        if (!await passkeys.RenameAsync(principal.UserId, id, name, ct))
        {
            return Error.NotFound("The passkey");
        }

        await audit.RecordAsync(MfaAuditActions.PasskeyRenamed, principal.UserId, client, ct,
            new Dictionary<string, object?> { ["passkey_id"] = id });
        await uow.CommitAsync(ct);
        var renamed = (await passkeys.ListAsync(principal.UserId, ct)).First(p => p.Id == id);
        return PasskeyView.From(renamed);
    }
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
        if (!LinkingPolicy.HasAnotherWayIn(context.Value.User, linked.Count, mine.Count - 1))
        {
            return LinkingPolicy.LastLoginMethod;
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
