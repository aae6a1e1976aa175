using AuthService.Application.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
            .WithTags("Keys").WithName("Jwks").WithSummary("Public keys that verify access tokens (current and previous)");
        return routes;
    }
}
