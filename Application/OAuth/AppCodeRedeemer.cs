namespace AuthService.Application.OAuth;

/// <summary>A command carrying a provider code the app obtained itself (PKCE), for <see cref="AppCodeRedeemer"/>.</summary>
internal interface IAppCodeCommand
{
    string Provider { get; }
    string? Code { get; }
    string? CodeVerifier { get; }
    string? RedirectUri { get; }
    string? Nonce { get; }
}

/// <summary>
/// The checks every app-side code exchange makes, in order: a configured provider, a valid
/// command (its validator also requires an allow-listed redirect URI: the code was issued for that
/// address, and only our apps may redeem codes here), then the provider redeems the code.
/// </summary>
internal sealed class AppCodeRedeemer(IOAuthProviderGateway gateway)
{
    public async Task<Result<ProviderIdentity>> RedeemAsync<TCommand>(IValidator<TCommand> validator, TCommand command, CancellationToken ct)
        where TCommand : IAppCodeCommand
    {
        if (!gateway.IsConfigured(command.Provider))
        {
            return Error.NotFound("The OAuth provider");
        }

        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        return await gateway.RedeemCodeAsync(
            new OAuthCodeRedemption(command.Provider, command.Code!, command.CodeVerifier!, command.RedirectUri, command.Nonce), ct);
    }
}
