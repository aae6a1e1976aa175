namespace AuthService.Application.Mfa;

public interface IStartPasskeyRegistration
{
    /// <summary>The creation options (WebAuthn JSON) for <c>navigator.credentials.create</c>.</summary>
    Task<Result<string>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

internal sealed class StartPasskeyRegistration(
    FactorChangeGuard guard, IPasskeyRepository passkeys, IWebAuthn webAuthn, IUnitOfWork uow, TimeProvider clock) : IStartPasskeyRegistration
{
    public async Task<Result<string>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var (user, account) = (context.Value.User, context.Value.Account);
        var existing = await passkeys.ListAsync(user.Id, ct);
        var ceremony = webAuthn.CreationOptions(user.Id, account, user.Name ?? account, existing.Select(p => p.CredentialId).ToArray());
        await passkeys.SaveChallengeAsync(
            PasskeyCeremonies.Challenge(ceremony, WebAuthnPurpose.Register, user.Id, null, clock.GetUtcNow()), ct);
        await uow.CommitAsync(ct);
        return ceremony.OptionsJson;
    }
}
