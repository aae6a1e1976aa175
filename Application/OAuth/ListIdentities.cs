namespace AuthService.Application.OAuth;

public interface IListIdentities
{
    Task<Result<IReadOnlyList<IdentityView>>> ExecuteAsync(Guid userId, CancellationToken ct);
}

internal sealed class ListIdentities(IExternalIdentityRepository identities, IUserRepository users) : IListIdentities
{
    public const string PasswordProvider = "password";

    public async Task<Result<IReadOnlyList<IdentityView>>> ExecuteAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.Unauthorized, "The account is no longer active.");
        }

        var items = new List<IdentityView>();
        if (user.HasPassword)
        {
            // The password is listed as a pseudo-identity so clients can tell which ways in remain.
            items.Add(new IdentityView(PasswordProvider, null, user.Email, user.CreatedAt));
        }

        foreach (var identity in await identities.ListForUserAsync(userId, ct))
        {
            items.Add(IdentityView.From(identity));
        }

        return items;
    }
}
