namespace AuthService.Application.OAuth;

/// <summary>The query of the provider's redirect to our callback.</summary>
public sealed record OAuthCallbackCommand(
    string Provider,
    string? Code,
    string? State,
    string? ProviderError,
    string? Issuer,
    ClientInfo Client,
    string? BrowserBinding = null);

/// <summary>
/// Where to send the browser once the state checked out: the app's address with either a
/// one-time <see cref="Code"/> (login), <see cref="LinkedProvider"/> (link) or an <see cref="Error"/>.
/// </summary>
public sealed record OAuthCallbackOutcome(
    string AppRedirectUri,
    string? AppState,
    string? Code,
    string? LinkedProvider,
    Error? Error);

public interface ICompleteOAuthCallback
{
    /// <summary>
    /// Fails without a redirect only when the state is missing, unknown, expired, used or for
    /// another provider: then there is no trusted app address to send the browser to.
    /// </summary>
    Task<Result<OAuthCallbackOutcome>> ExecuteAsync(OAuthCallbackCommand command, CancellationToken ct);
}

internal sealed class CompleteOAuthCallback(
    IOAuthStateStore states,
    IOAuthExchangeCodeStore codes,
    IOAuthProviderGateway gateway,
    IOAuthAccountResolver accounts,
    ISecretGenerator secrets,
    ISecretHasher hasher,
    IUnitOfWork uow,
    OAuthSettings settings,
    TimeProvider clock) : ICompleteOAuthCallback
{
    private const int MaxStateLength = 512;

    public async Task<Result<OAuthCallbackOutcome>> ExecuteAsync(OAuthCallbackCommand command, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(command.State) || command.State.Length > MaxStateLength)
        {
            return InvalidState("The state parameter is missing.");
        }

        // Taken (deleted) before anything else, so a state works once whatever happens next.
        var state = await states.TakeAsync(command.State, ct);
        if (state is null)
        {
            return InvalidState("The sign-in request is unknown, has expired or was already completed. Start again.");
        }

        if (state.Provider != command.Provider)
        {
            return InvalidState("The sign-in request was started for another provider.");
        }

        // The browser that started the flow holds the binding cookie; a provider URL or a finished
        // callback URL opened anywhere else is refused, before any code is redeemed (constant-time compare).
        if (command.BrowserBinding is null || state.BrowserBindingHash is null
            || !hasher.Matches(command.BrowserBinding, state.BrowserBindingHash))
        {
            return InvalidState("The sign-in was started in another browser. Start again from this one.");
        }

        var outcome = await CompleteAsync(state, command, ct);
        return outcome.IsSuccess
            ? outcome.Value
            : new OAuthCallbackOutcome(state.AppRedirectUri, state.AppState, null, null, outcome.Error);
    }

    private async Task<Result<OAuthCallbackOutcome>> CompleteAsync(
        OAuthState state, OAuthCallbackCommand command, CancellationToken ct)
    {
        if (command.ProviderError is not null)
        {
            return new Error(ErrorCode.OAuthProviderError, "The provider did not authorize the sign-in.");
        }

        if (string.IsNullOrEmpty(command.Code) || command.Code.Length > AppCodeRules.MaxCodeLength)
        {
            return new Error(ErrorCode.OAuthProviderError, "The provider returned no authorization code.");
        }

        var identity = await gateway.RedeemCodeAsync(
            new OAuthCodeRedemption(state.Provider, command.Code, state.CodeVerifier, null, state.Nonce, command.Issuer), ct);
        if (!identity.IsSuccess)
        {
            return identity.Error!;
        }

        if (state.Intent == OAuthIntent.Link && state.ConfirmLink)
        {
            // Started with a ticket: the app links it with its Bearer token (CompleteBrowserLink).
            var linkCode = secrets.NewOpaqueToken();
            var grant = new OAuthExchangeGrant(
                state.UserId!.Value, state.Provider, clock.GetUtcNow(), OAuthGrantKind.LinkCompletion, identity.Value);
            return await codes.SaveAsync(linkCode, grant, settings.ExchangeCodeLifetime, ct)
                ? new OAuthCallbackOutcome(state.AppRedirectUri, state.AppState, linkCode, null, null)
                : new Error(ErrorCode.ServiceUnavailable, "Linking could not be completed right now. Try again shortly.");
        }

        if (state.Intent == OAuthIntent.Link)
        {
            var linked = await accounts.LinkAsync(state.UserId!.Value, identity.Value, command.Client, ct);
            if (!linked.IsSuccess)
            {
                return linked.Error!;
            }

            await uow.CommitAsync(ct);
            return new OAuthCallbackOutcome(state.AppRedirectUri, state.AppState, null, state.Provider, null);
        }

        var user = await accounts.ResolveLoginAsync(identity.Value, command.Client, ct);
        if (!user.IsSuccess)
        {
            return user.Error!;
        }

        await uow.CommitAsync(ct);

        // The session is opened when the app redeems this code, not now: a code that is never
        // redeemed leaves no session behind.
        var code = secrets.NewOpaqueToken();
        if (!await codes.SaveAsync(
                code, new OAuthExchangeGrant(user.Value.Id, state.Provider, clock.GetUtcNow()), settings.ExchangeCodeLifetime, ct))
        {
            return new Error(ErrorCode.ServiceUnavailable, "Sign-in could not be completed right now. Try again shortly.");
        }

        return new OAuthCallbackOutcome(state.AppRedirectUri, state.AppState, code, null, null);
    }

    private static Error InvalidState(string message) => new(ErrorCode.InvalidOAuthState, message);
}
