using AuthService.Application.Abstractions;
using AuthService.Domain.Common;

namespace AuthService.Application.OAuth;

/// <param name="UserId">The signed-in caller; required for <see cref="OAuthIntent.Link"/>.</param>
/// <param name="AppState">An opaque value of the app's, echoed on the final redirect.</param>
public sealed record StartOAuthCommand(
    string Provider, string? RedirectUri, OAuthIntent Intent, Guid? UserId, string? AppState);

public interface IStartOAuth
{
    /// <summary>The provider's authorization URL to send the browser to.</summary>
    Task<Result<Uri>> ExecuteAsync(StartOAuthCommand command, CancellationToken ct);
}

internal sealed class StartOAuth(
    IOAuthProviderGateway gateway,
    IOAuthStateStore states,
    ISecretGenerator secrets,
    OAuthSettings settings,
    TimeProvider clock) : IStartOAuth
{
    private const int MaxAppStateLength = 512;

    public async Task<Result<Uri>> ExecuteAsync(StartOAuthCommand command, CancellationToken ct)
    {
        if (!gateway.IsConfigured(command.Provider))
        {
            return Error.NotFound("The OAuth provider");
        }

        if (!settings.IsAllowedRedirect(command.RedirectUri))
        {
            return Error.Validation("redirect_uri", "must be one of the allow-listed redirect URIs");
        }

        if (command.AppState is { Length: > MaxAppStateLength })
        {
            return Error.Validation("state", $"must be at most {MaxAppStateLength} characters");
        }

        if (command.Intent == OAuthIntent.Link && command.UserId is null)
        {
            return new Error(ErrorCode.Unauthorized, "Linking an identity needs a signed-in user (Bearer token).");
        }

        // Three independent 256-bit secrets: state ties the callback to this start, the nonce ties
        // the ID token to it, and the PKCE verifier ties the code to it (RFC 9700 section 2.1).
        var state = secrets.NewOpaqueToken();
        var nonce = secrets.NewOpaqueToken();
        var verifier = secrets.NewOpaqueToken();
        var url = await gateway.BuildAuthorizationUrlAsync(
            new OAuthAuthorizationRequest(command.Provider, state, nonce, Pkce.ChallengeOf(verifier)), ct);
        if (!url.IsSuccess)
        {
            return url;
        }

        var saved = await states.SaveAsync(
            state,
            new OAuthState(
                command.Provider, command.Intent, verifier, nonce, command.RedirectUri!, command.AppState,
                command.Intent == OAuthIntent.Link ? command.UserId : null, clock.GetUtcNow()),
            settings.StateLifetime,
            ct);
        return saved ? url : StoreUnavailable;
    }

    private static Error StoreUnavailable =>
        new(ErrorCode.ServiceUnavailable, "Sign-in with a provider is unavailable right now. Try again shortly.");
}
