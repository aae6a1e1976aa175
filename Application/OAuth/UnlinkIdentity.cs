using AuthService.Domain.Audit;
using AuthService.Domain.Users;

namespace AuthService.Application.OAuth;

public sealed record UnlinkIdentityCommand(Guid UserId, string Provider, ClientInfo Client);

public interface IUnlinkIdentity
{
    Task<Result<Unit>> ExecuteAsync(UnlinkIdentityCommand command, CancellationToken ct);
}

internal sealed class UnlinkIdentity(
    IExternalIdentityRepository identities,
    IUserRepository users,
    Mfa.IPasskeyRepository passkeys,
    Auditor audit,
    IUnitOfWork uow) : IUnlinkIdentity
{
    public async Task<Result<Unit>> ExecuteAsync(UnlinkIdentityCommand command, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(command.UserId, ct);
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.Unauthorized, "The account is no longer active.");
        }

        // Locked: the check below and the delete must see the same set of identities.
        var mine = await identities.ListForUserLockedAsync(command.UserId, ct);
        var identity = mine.FirstOrDefault(i => i.Provider == command.Provider);
        if (identity is null)
        {
            return Error.NotFound("The linked identity");
        }

        var keys = await passkeys.ListLockedAsync(command.UserId, ct);
        var left = SignInMethods.Of(user, mine.Count, keys.Count).WithoutIdentity();
        if (!left.IsSuccess)
        {
            return left.Error!;
        }

        // The statement applies the same rule again (it mirrors SignInMethods.WithoutIdentity).
        if (!await identities.DeleteAsync(command.UserId, command.Provider, ct))
        {
            return SignInMethods.LastLoginMethod;
        }

        await audit.RecordAsync(AuditAction.IdentityUnlinked, command.UserId, command.Client, ct,
            new Dictionary<string, object?> { ["provider"] = identity.Provider, ["subject"] = identity.Subject });
        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}
