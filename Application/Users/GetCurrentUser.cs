namespace AuthService.Application.Users;

public interface IGetCurrentUser
{
    Task<Result<UserView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

internal sealed class GetCurrentUser(IUserRepository users) : IGetCurrentUser
{
    public async Task<Result<UserView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct) =>
        await users.FindByIdAsync(principal.UserId, ct) is { IsActive: true } user
            ? UserView.Of(user)
            : Error.NotFound("User");
}
