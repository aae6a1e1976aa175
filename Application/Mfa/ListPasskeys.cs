namespace AuthService.Application.Mfa;

public interface IListPasskeys
{
    Task<IReadOnlyList<PasskeyView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

internal sealed class ListPasskeys(IPasskeyRepository passkeys) : IListPasskeys
{
    public async Task<IReadOnlyList<PasskeyView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct) =>
        (await passkeys.ListAsync(principal.UserId, ct)).Select(PasskeyView.From).ToArray();
}
