using AuthService.Adapters.Http.Contracts;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;

namespace AuthService.Adapters.Http.Endpoints;

public static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/.well-known/jwks.json", (IKeySetPublisher keys, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Text(keys.JwksJson, "application/json");
            })
            .WithTags("Keys").WithName("Jwks").WithSummary("Public keys that verify access tokens (current and previous)")
            .WithDescription("A JSON Web Key Set (RFC 7517); match a token's `kid` header to a key. Cache it for up to 5 minutes.")
            .Produces<JwkSetResponse>(StatusCodes.Status200OK);

        routes.MapGet("/.well-known/openid-configuration", Discovery)
            .WithTags("Keys").WithName("OpenIdConfiguration")
            .WithSummary("Discovery metadata: issuer, JWKS, token and introspection endpoints, algorithms")
            .WithDescription("Lets a downstream service verify access tokens from the issuer alone (e.g. ASP.NET JwtBearer with Authority and Audience).");
        routes.MapGet("/.well-known/oauth-authorization-server", Discovery)
            .WithTags("Keys").WithName("AuthorizationServerMetadata")
            .WithSummary("The same metadata at the RFC 8414 address")
            .WithDescription("Identical to /.well-known/openid-configuration, for OAuth 2.0 clients that look here (RFC 8414).");
        return routes;
    }

    private static Ok<DiscoveryDocument> Discovery(TokenSettings tokens, HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(DiscoveryDocument.For(tokens.Issuer));
    }
}
