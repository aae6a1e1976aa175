namespace AuthService.Application.OAuth;

/// <summary>The code-exchange flow: the app talked to the provider itself and hands us the code.</summary>
public sealed record OAuthTokenLoginCommand(
    string Provider,
    string? Code,
    string? CodeVerifier,
    string? RedirectUri,
    string? Nonce,
    string? DeviceName,
    ClientInfo Client) : IAppCodeCommand;

public interface IOAuthTokenLogin
{
    Task<Result<TokenResponse>> ExecuteAsync(OAuthTokenLoginCommand command, CancellationToken ct);
}

internal sealed class OAuthTokenLoginCommandValidator : AbstractValidator<OAuthTokenLoginCommand>
{
    public OAuthTokenLoginCommandValidator(OAuthSettings settings)
    {
        this.AppCodeGrant(settings);
        RuleFor(c => c.DeviceName).DeviceName();
    }
}

internal sealed class OAuthTokenLogin(
    IValidator<OAuthTokenLoginCommand> validator,
    AppCodeRedeemer redeemer,
    IOAuthAccountResolver accounts,
    IOAuthSignIn signIn) : IOAuthTokenLogin
{
    public async Task<Result<TokenResponse>> ExecuteAsync(OAuthTokenLoginCommand command, CancellationToken ct)
    {
        var identity = await redeemer.RedeemAsync(validator, command, ct);
        if (!identity.IsSuccess)
        {
            return identity.Error!;
        }

        var user = await accounts.ResolveLoginAsync(identity.Value, command.Client, ct);
        if (!user.IsSuccess)
        {
            return user.Error!;
        }

        return await signIn.SignInAsync(user.Value, command.Provider, command.DeviceName, command.Client, ct);
    }
}
