using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.RateLimiting;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.OAuth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AuthService.Adapters.Http.OAuth;

/// <summary>Sign-in with upstream providers: the browser redirect flow and the code-exchange flow.</summary>
public static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("OAuth");
        group.MapGet("/{provider}/authorize", Authorize).WithName("OAuthAuthorize")
            .WithSummary("Send the browser to the provider (intent=link with a Bearer token links instead)")
            .WithDescription("Open in the browser with an allow-listed `redirect_uri` and, optionally, your own `state` (returned to "
                + "you). Sets a short-lived HttpOnly cookie that binds the flow to this browser; the callback refuses a browser without "
                + "it. `intent=link` needs a Bearer token, or a `link_ticket` from `POST /{provider}/link-ticket` for a browser that "
                + "cannot send one (the link is then confirmed by the app: the callback sends it a `code` for `POST /users/me/identities/{provider}`).")
            .Redirects("to the provider's sign-in page")
            .DocumentAuth(ApiAuth.OptionalBearer)
            .Fails(ErrorCode.ValidationError, ErrorCode.NotFound, ErrorCode.Unauthorized, ErrorCode.InvalidOAuthState, ErrorCode.OAuthProviderError)
            .RateLimited(new Limit(RateLimitPolicies.OAuthStart, Partitions.Ip));
        group.MapPost("/{provider}/link-ticket", LinkTicket).WithName("OAuthLinkTicket")
            .WithSummary("A single-use ticket (60 s) that lets a browser without a Bearer header start intent=link")
            .WithDescription("Call it with the Bearer token, then send the browser to `authorize?intent=link&link_ticket=<ticket>&redirect_uri=...`. "
                + "The callback answers the app with a one-time `code`, which links the provider account only when the app posts it alone "
                + "to `POST /users/me/identities/{provider}` with the Bearer token of this same user.")
            .Fails(ErrorCode.NotFound)
            .RequireAuthorization()
            .RateLimited(new Limit(RateLimitPolicies.OAuthStart, Partitions.Ip));
        group.MapGet("/{provider}/callback", Callback).WithName("OAuthCallback")
            .WithSummary("The provider's redirect back; sends the browser on to the app with a one-time code")
            .WithDescription("Called by the provider, not by apps. Once the state checks out, failures reach the app as "
                + "`redirect_uri?error=<code>&error_description=...`; a bad state has no trusted address and is a 400.")
            .Redirects("to the app's redirect_uri with `code` (or `linked`, or `error` and `error_description`) and the app's `state`")
            .Fails(ErrorCode.InvalidOAuthState, ErrorCode.OAuthProviderError, ErrorCode.ServiceUnavailable)
            .RateLimited(new Limit(RateLimitPolicies.OAuthCallback, Partitions.Ip));
        group.MapPost("/exchange", Exchange).WithName("OAuthExchange")
            .WithSummary("Trade the one-time code of the redirect flow for tokens")
            .WithDescription("The code lives 60 seconds and works once.")
            .Fails(ErrorCode.InvalidOAuthState, ErrorCode.AccountDisabled, ErrorCode.MfaRequired, ErrorCode.InviteRequired, ErrorCode.SessionLimitReached)
            .RequestExample(new { code = "the code query parameter", device_name = "laptop" })
            .RateLimited(new Limit(RateLimitPolicies.OAuthExchange, Partitions.Ip));
        group.MapPost("/{provider}/token", Token).WithName("OAuthTokenLogin")
            .WithSummary("Sign in with a provider code the app obtained itself (PKCE)")
            .WithDescription("For SPAs and mobile apps that ran the authorization request with the provider themselves.")
            .Fails(ErrorCode.NotFound, ErrorCode.OAuthProviderError, ErrorCode.AccountExists, ErrorCode.IdentifierTaken,
                ErrorCode.AccountDisabled, ErrorCode.Unauthorized, ErrorCode.MfaRequired, ErrorCode.InviteRequired, ErrorCode.SessionLimitReached)
            .RequestExample(new { code = "provider code", code_verifier = "the PKCE verifier", redirect_uri = "http://localhost:3000/callback" })
            .RateLimited(new Limit(RateLimitPolicies.OAuthToken, Partitions.Ip));
        return routes;
    }

    private static async Task<Results<RedirectHttpResult, ChallengeHttpResult, ErrorResult>> Authorize(
        string provider,
        [FromQuery(Name = "redirect_uri")] string? redirectUri,
        string? intent,
        string? state,
        [FromQuery(Name = "link_ticket")] string? linkTicket,
        HttpContext http,
        IStartOAuth useCase,
        OAuthSettings settings,
        CancellationToken ct)
    {
        var parsedIntent = OAuthIntents.Parse(intent);

        // Linking needs a session (Bearer), or a link ticket got with one for a browser that cannot send it.
        var signedIn = http.User.HasClaim(c => c.Type == BearerAuthenticationHandler.SessionClaim);
        if (parsedIntent == OAuthIntent.Link && !signedIn && string.IsNullOrEmpty(linkTicket))
        {
            // The Bearer scheme answers in the envelope (UNAUTHORIZED, TOKEN_EXPIRED, ...).
            return TypedResults.Challenge();
        }

        var userId = signedIn ? http.CurrentPrincipal().UserId : (Guid?)null;
        var result = await useCase.ExecuteAsync(
            new StartOAuthCommand(
                ProviderName.Normalize(provider), redirectUri, parsedIntent, userId, state,
                OAuthBindingCookie.Read(http.Request), string.IsNullOrEmpty(linkTicket) ? null : linkTicket),
            ct);
        if (!result.IsSuccess)
        {
            return new ErrorResult(result.Error!);
        }

        OAuthBindingCookie.Write(http, result.Value.BrowserBinding, settings.StateLifetime);
        NoStore(http);
        return TypedResults.Redirect(result.Value.AuthorizationUrl.AbsoluteUri);
    }

    private static async Task<Results<Created<LinkTicketResponse>, ErrorResult>> LinkTicket(
        string provider, HttpContext http, IIssueLinkTicket useCase, CancellationToken ct)
    {
        var result = await useCase.ExecuteAsync(http.CurrentPrincipal().UserId, ProviderName.Normalize(provider), ct);
        if (!result.IsSuccess)
        {
            return new ErrorResult(result.Error!);
        }

        NoStore(http);
        return TypedResults.Created((string?)null, new LinkTicketResponse(result.Value.Ticket, result.Value.ExpiresIn));
    }

    private static async Task<Results<RedirectHttpResult, ErrorResult>> Callback(
        string provider,
        string? code,
        string? state,
        string? error,
        string? iss,
        HttpContext http,
        ICompleteOAuthCallback useCase,
        CancellationToken ct)
    {
        var result = await useCase.ExecuteAsync(
            new OAuthCallbackCommand(
                ProviderName.Normalize(provider), code, state, error, iss, http.ClientInfo(), OAuthBindingCookie.Read(http.Request)),
            ct);
        if (!result.IsSuccess)
        {
            return new ErrorResult(result.Error!);
        }

        var outcome = result.Value;
        var query = new Dictionary<string, string?>();
        if (outcome.Error is { } failure)
        {
            // Past a valid state the app's address is trusted, so the app learns what went wrong
            // the OAuth way (RFC 6749 4.1.2.1), with our stable error code.
            query["error"] = ErrorCodes.Map(failure.Code).Wire;
            query["error_description"] = failure.Message;
        }
        else if (outcome.Code is not null)
        {
            query["code"] = outcome.Code;
        }
        else
        {
            query["linked"] = outcome.LinkedProvider;
        }

        if (outcome.AppState is not null)
        {
            query["state"] = outcome.AppState;
        }

        NoStore(http);

        // The one-time code is in the URL: keep it out of Referer headers of the next page.
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Redirect(QueryHelpers.AddQueryString(outcome.AppRedirectUri, query));
    }

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> Exchange(
        OAuthExchangeRequest body, HttpContext http, IExchangeOAuthCode useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(new ExchangeOAuthCodeCommand(body.Code, body.DeviceName, http.ClientInfo()), ct))
        .ToOk(TokenResponseDto.From);

    private static async Task<Results<Ok<TokenResponseDto>, ErrorResult>> Token(
        string provider, OAuthTokenRequest body, HttpContext http, IOAuthTokenLogin useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            new OAuthTokenLoginCommand(
                ProviderName.Normalize(provider), body.Code, body.CodeVerifier, body.RedirectUri, body.Nonce, body.DeviceName,
                http.ClientInfo()),
            ct))
        .ToOk(TokenResponseDto.From);

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
