using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Invites;

namespace AuthService.Application.Invites;

public interface IListInvites
{
    Task<IReadOnlyList<Invite>> ExecuteAsync(CancellationToken ct);
}

public interface IRevokeInvite
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid inviteId, ClientInfo client, CancellationToken ct);
}

internal sealed class ListInvites(IInviteRepository invites) : IListInvites
{
    private const int MaxListed = 500;

    public Task<IReadOnlyList<Invite>> ExecuteAsync(CancellationToken ct) => invites.ListAsync(MaxListed, ct);
}

internal sealed class RevokeInvite(IInviteRepository invites, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeInvite
{
    public const string Action = "invite.revoke";

    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid inviteId, ClientInfo client, CancellationToken ct)
    {
        // Used, revoked and unknown invitations answer alike.
        if (!await invites.RevokeAsync(inviteId, clock.GetUtcNow(), ct))
        {
            return Error.NotFound("Invitation");
        }

        await audit.RecordAsync(Action, null, client, ct, new Dictionary<string, object?> { ["invite_id"] = inviteId }, admin.UserId);
        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}
