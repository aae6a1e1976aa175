namespace AuthService.Application.OAuth;

public sealed record ExchangeOAuthCodeCommand(string? Code, string? DeviceName, ClientInfo Client);

public interface IExchangeOAuthCode
{
    Task<Result<TokenResponse>> ExecuteAsync(ExchangeOAuthCodeCommand command, CancellationToken ct);
}

internal sealed class ExchangeOAuthCodeCommandValidator : AbstractValidator<ExchangeOAuthCodeCommand>
{
    public ExchangeOAuthCodeCommandValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("is required");
        RuleFor(c => c.DeviceName).DeviceName();
    }
}

/// <summary>Trades the one-time code of the browser flow for a session.</summary>
internal sealed class ExchangeOAuthCode(
    IValidator<ExchangeOAuthCodeCommand> validator,
    IOAuthExchangeCodeStore codes,
    IUserRepository users,
    IOAuthSignIn signIn) : IExchangeOAuthCode
{
    public async Task<Result<TokenResponse>> ExecuteAsync(ExchangeOAuthCodeCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var grant = await codes.TakeOneTimeAsync(command.Code!, ct);
        if (grant is not { Kind: OAuthGrantKind.Login })
        {
            return new Error(ErrorCode.InvalidOAuthState, "The code is unknown, has expired or was already used.");
        }

        var user = await users.FindByIdAsync(grant.UserId, ct);
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        return await signIn.SignInAsync(user, grant.Provider, command.DeviceName, command.Client, ct);
    }
}
