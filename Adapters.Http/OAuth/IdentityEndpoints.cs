using AuthService.Adapters.Http.Auth;
using AuthService.Adapters.Http.Contracts;
using AuthService.Adapters.Http.Errors;
using AuthService.Adapters.Http.RateLimiting;
using AuthService.Application.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuthService.Adapters.Http.OAuth;

/// <summary>The signed-in user's ways to sign in: linked provider accounts and the password.</summary>
public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Identities").RequireAuthorization();
        group.MapGet("/", List).WithName("ListIdentities").WithSummary("Linked provider accounts (and password, when set)");
        group.MapPost("/{provider}", Link).WithName("LinkIdentity")
            .WithSummary("Link a provider account from a code the app obtained itself (PKCE)")
            .RateLimited("oauth-token", 30);
        group.MapDelete("/{provider}", Unlink).WithName("UnlinkIdentity")
            .WithSummary("Unlink a provider account; refused when it is the last way to sign in");
        return routes;
    }

    private static async Task<Results<Ok<ItemsResponse<IdentityResponse>>, ErrorResult>> List(
        HttpContext http, IListIdentities useCase, CancellationToken ct) =>
        (await useCase.ExecuteAsync(http.CurrentPrincipal().UserId, ct))
        .ToOk(items => new ItemsResponse<IdentityResponse>(items.Select(IdentityResponse.From).ToList()));

    private static async Task<Results<Created<IdentityResponse>, ErrorResult>> Link(
        string provider, LinkIdentityRequest body, HttpContext http, ILinkExternalIdentity useCase, CancellationToken ct)
    {
        var result = await useCase.ExecuteAsync(
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
