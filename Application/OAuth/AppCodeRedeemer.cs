using AuthService.Application.Common;
using AuthService.Domain.Common;
using FluentValidation;

namespace AuthService.Application.OAuth;

/// <summary>
/// The checks every app-side code exchange makes, in order: a configured provider, a valid
/// command (its validator also requires an allow-listed redirect URI: the code was issued for that
/// address, and only our apps may redeem codes here), then the provider redeems the code.
/// </summary>
internal sealed class AppCodeRedeemer(IOAuthProviderGateway gateway)
{
    public async Task<Result<ProviderIdentity>> RedeemAsync<TCommand>(
        IValidator<TCommand> validator, TCommand command, OAuthCodeRedemption redemption, CancellationToken ct)
    {
        if (!gateway.IsConfigured(redemption.Provider))
        {
            return Error.NotFound("The OAuth provider");
        }

        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        return await gateway.RedeemCodeAsync(redemption, ct);
    }
}
