namespace AuthService.Application.OAuth;

/// <param name="Intent">Null when the request named neither <c>login</c> nor <c>link</c> (refused by the validator).</param>
/// <param name="UserId">The signed-in caller (Bearer); linking needs it or <paramref name="LinkTicket"/>.</param>
/// <param name="AppState">An opaque value of the app's, echoed on the final redirect.</param>
/// <param name="BrowserBinding">The browser's binding secret from its cookie, if it has one.</param>
/// <param name="LinkTicket">A link ticket the app got with its Bearer token, for a browser that has none.</param>
public sealed record StartOAuthCommand(
    string Provider, string? RedirectUri, OAuthIntent? Intent, Guid? UserId, string? AppState,
    string? BrowserBinding = null, string? LinkTicket = null);

/// <summary>Where to send the browser, and the binding secret to keep in its cookie until the callback.</summary>
public sealed record OAuthStart(Uri AuthorizationUrl, string BrowserBinding);

public interface IStartOAuth
{
    Task<Result<OAuthStart>> ExecuteAsync(StartOAuthCommand command, CancellationToken ct);
}

internal sealed class StartOAuthCommandValidator : AbstractValidator<StartOAuthCommand>
{
    public const int MaxAppStateLength = 512;

    public StartOAuthCommandValidator(OAuthSettings settings)
    {
        RuleFor(c => c.Intent).NotNull().WithMessage("must be 'login' or 'link'");
        RuleFor(c => c.RedirectUri).AllowListedRedirect(settings);
        RuleFor(c => c.AppState).MaximumLength(MaxAppStateLength).WithMessage($"must be at most {MaxAppStateLength} characters")
            .OverridePropertyName("state");
    }
}

/// <summary>
/// Starts the browser flow. The state is bound to the browser that started it: the endpoint keeps
/// a random binding secret in an HttpOnly cookie and the state stores only its keyed hash, so a
/// provider URL or a finished callback URL forwarded to someone else is refused at the callback
/// (login CSRF, and linking someone's provider account to the sender's account).
/// </summary>
internal sealed class StartOAuth(
    IValidator<StartOAuthCommand> validator,
    IOAuthProviderGateway gateway,
    IOAuthStateStore states,
    IOAuthExchangeCodeStore grants,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    OAuthSettings settings,
    TimeProvider clock) : IStartOAuth
{
    public async Task<Result<OAuthStart>> ExecuteAsync(StartOAuthCommand command, CancellationToken ct)
    {
        if (!gateway.IsConfigured(command.Provider))
        {
            return Error.NotFound("The OAuth provider");
        }

        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var intent = command.Intent!.Value;
        var userId = intent == OAuthIntent.Link ? command.UserId : null;
        var confirmLink = false;
        if (intent == OAuthIntent.Link && userId is null)
        {
            if (command.LinkTicket is null)
            {
                return new Error(ErrorCode.Unauthorized, "Linking an identity needs a signed-in user (Bearer token or link_ticket).");
            }

            var ticket = await grants.TakeOneTimeAsync(command.LinkTicket, ct);
            if (ticket is not { Kind: OAuthGrantKind.LinkTicket } || ticket.Provider != command.Provider)
            {
                return new Error(ErrorCode.InvalidOAuthState, "The link ticket is unknown, has expired, was already used or is for another provider.");
            }

            // Whoever opens a ticket's URL links their provider account only if the ticket's owner
            // then confirms it with their Bearer token: a ticket sent to someone else links nothing.
            userId = ticket.UserId;
            confirmLink = true;
        }

        // Three independent 256-bit secrets: state ties the callback to this start, the nonce ties
        // the ID token to it, and the PKCE verifier ties the code to it (RFC 9700 section 2.1).
        var state = secrets.NewOpaqueToken();
        var nonce = secrets.NewOpaqueToken();
        var verifier = secrets.NewOpaqueToken();
        var binding = OAuthBrowserBinding.IsWellFormed(command.BrowserBinding) ? command.BrowserBinding! : secrets.NewOpaqueToken();
        var url = await gateway.BuildAuthorizationUrlAsync(
            new OAuthAuthorizationRequest(command.Provider, state, nonce, Pkce.ChallengeOf(verifier)), ct);
        if (!url.IsSuccess)
        {
            return url.Error!;
        }

        var saved = await states.SaveAsync(
            state,
            new OAuthState(
                command.Provider, intent, verifier, nonce, command.RedirectUri!, command.AppState,
                userId, clock.GetUtcNow(), hasher.Hash(binding), confirmLink),
            settings.StateLifetime,
            ct);
        return saved ? new OAuthStart(url.Value, binding) : StoreUnavailable;
    }

    private static Error StoreUnavailable =>
        new(ErrorCode.ServiceUnavailable, "Sign-in with a provider is unavailable right now. Try again shortly.");
}
