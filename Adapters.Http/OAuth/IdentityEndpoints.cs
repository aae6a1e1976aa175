using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.RateLimiting;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.OAuth;

namespace AuthService.Adapters.Http.OAuth;

/// <summary>The signed-in user's ways to sign in: linked provider accounts and the password.</summary>
public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Identities").RequireAuthorization();
        group.MapGet("/", List).WithName("ListIdentities").WithSummary("Linked provider accounts (and password, when set)")
            .WithDescription("Each way the user can sign in; `password` appears as a provider when the account has one.");
        group.MapPost("/{provider}", Link).WithName("LinkIdentity")
            .WithSummary("Link a provider account from a code the app obtained itself (PKCE), or from our callback's code after a link ticket")
            .WithDescription("With `code`, `code_verifier` and `redirect_uri`: a provider code the app got itself. With `code` alone: the "
                + "one-time code our callback sent to the app after `authorize?intent=link&link_ticket=...`; it links only for the user "
                + "the ticket was issued to (`INVALID_OAUTH_STATE` otherwise). A provider account belongs to at most one user (`IDENTIFIER_TAKEN`).")
            .Fails(ErrorCode.NotFound, ErrorCode.OAuthProviderError, ErrorCode.IdentifierTaken, ErrorCode.AccountExists, ErrorCode.InvalidOAuthState)
            .RequestExample(new { code = "provider code", code_verifier = "the PKCE verifier", redirect_uri = "http://localhost:3000/callback" })
            .RateLimited(new Limit(RateLimitPolicies.OAuthToken, Partitions.Ip));
        group.MapDelete("/{provider}", Unlink).WithName("UnlinkIdentity")
            .WithSummary("Unlink a provider account; refused when it is the last way to sign in")
            .WithDescription("Ways to sign in are the password plus the linked providers; the last one stays (`LAST_LOGIN_METHOD`).")
            .Fails(ErrorCode.NotFound, ErrorCode.LastLoginMethod);
        return routes;
    }

    private static async Task<Results<Ok<ItemsResponse<IdentityResponse>>, ErrorResult>> List(
        HttpContext http, IListIdentities useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal().UserId, ct))
        .ToOk(items => new ItemsResponse<IdentityResponse>(items.Select(IdentityResponse.From).ToList()));

    private static async Task<Results<Created<IdentityResponse>, ErrorResult>> Link(
        string provider, LinkIdentityRequest body, HttpContext http, ILinkExternalIdentity useCase, ICompleteBrowserLink browserLink, CancellationToken ct)
    {
        // Only a code: the end of a browser link started with a link ticket, which our callback sent to the app.
        var result = body is { Code: not null, CodeVerifier: null, RedirectUri: null, Nonce: null }
            ? await browserLink.ExecuteAsync(
                new CompleteBrowserLinkCommand(http.CurrentPrincipal().UserId, ProviderName.Normalize(provider), body.Code, http.ClientInfo()), ct)
            : await useCase.ExecuteAsync(
            new LinkExternalIdentityCommand(
                http.CurrentPrincipal().UserId, ProviderName.Normalize(provider), body.Code, body.CodeVerifier,
                body.RedirectUri, body.Nonce, http.ClientInfo()),
            ct);
        return result.IsSuccess
            ? TypedResults.Created((string?)null, IdentityResponse.From(result.Value))
            : new ErrorResult(result.Error!);
    }

    private static async Task<Results<NoContent, ErrorResult>> Unlink(
        string provider, HttpContext http, IUnlinkIdentity useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(
            new UnlinkIdentityCommand(http.CurrentPrincipal().UserId, ProviderName.Normalize(provider), http.ClientInfo()), ct))
        .ToNoContent();
}
