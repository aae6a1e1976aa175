namespace AuthService.Application.Invites;

public interface IListInvites
{
    Task<IReadOnlyList<InviteView>> ExecuteAsync(CancellationToken ct);
}

internal sealed class ListInvites(IInviteRepository invites, TimeProvider clock) : IListInvites
{
    private const int MaxListed = 500;

    public async Task<IReadOnlyList<InviteView>> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return [.. (await invites.ListAsync(MaxListed, ct)).Select(i => InviteView.From(i, now))];
    }
}
