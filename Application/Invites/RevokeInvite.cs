namespace AuthService.Application.Invites;

public interface IRevokeInvite
{
    Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid inviteId, ClientInfo client, CancellationToken ct);
}

internal sealed class RevokeInvite(IInviteRepository invites, Auditor audit, IUnitOfWork uow, TimeProvider clock) : IRevokeInvite
{
    public const string Action = "invite.revoke";

    public async Task<Result<Unit>> ExecuteAsync(CurrentPrincipal admin, Guid inviteId, ClientInfo client, CancellationToken ct)
    {
        // Used, revoked and unknown invitations answer alike. Invite.Revoke decides; the repository's
        // statement applies the same rule again, so of two admins racing one wins.
        var now = clock.GetUtcNow();
        if (await invites.FindAsync(inviteId, ct) is not { } invite || !invite.Revoke(now) || !await invites.RevokeAsync(inviteId, now, ct))
        {
            return Error.NotFound("Invitation");
        }

        await audit.RecordAsync(Action, null, client, ct, new Dictionary<string, object?> { ["invite_id"] = inviteId }, admin.UserId);
        await uow.CommitAsync(ct);
        return Unit.Value;
    }
}
