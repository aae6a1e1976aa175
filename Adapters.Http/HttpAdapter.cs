using System.Text.Json;
using System.Text.Json.Serialization;
using AuthService.Adapters.Http.Middleware;
using AuthService.Application.Abstractions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Http;

public static class HttpAdapter
{
    /// <summary>The prefix of every API route; the Host maps the groups under it.</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>Where the OAuth endpoints sit under <see cref="ApiPrefix"/>.</summary>
    public const string OAuthRoutes = "/auth/oauth";

    /// <summary>The OAuth endpoints' full prefix; providers call back to <c>{this}/{provider}/callback</c>.</summary>
    public const string OAuthPrefix = ApiPrefix + OAuthRoutes;

    public const string AdminPolicy = "admin";

    /// <summary>Routes that also accept an X-API-Key (read-only ones); every other route needs a session.</summary>
    public const string SessionOrApiKeyPolicy = "session_or_api_key";

    /// <summary>The tag a Kestrel listener puts on its connections; see <see cref="ListenerMiddleware"/>.</summary>
    public static (string Key, string AdminValue) AdminListenerTag => (ListenerMiddleware.ItemKey, ListenerMiddleware.Admin);

    public static IServiceCollection AddHttp(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddProblemDetails();
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireClaim(BearerAuthenticationHandler.SessionClaim).Build())
            .AddPolicy(AdminPolicy, p => p.RequireClaim(BearerAuthenticationHandler.SessionClaim).RequireRole(Domain.Users.Role.Admin))
            .AddPolicy(SessionOrApiKeyPolicy, p => p.RequireAuthenticatedUser());
        services.AddOpenApiDocuments();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IRuntimeSettings>((cors, settings) => cors.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => settings.CorsOrigins.Contains(origin))
            .AllowCredentials()
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("X-Request-ID", "Retry-After", "RateLimit", "RateLimit-Policy")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>
    /// Middleware in order: request id first (everything after can log it), security headers (on
    /// every answer, errors included), errors, CORS (a preflight is answered before the listener
    /// split and authentication, which it carries no credentials for), listener split, auth.
    /// CORS origins are asked of <see cref="IRuntimeSettings"/> on each request, so they can change
    /// while the service runs.
    /// </summary>
    public static WebApplication UseHttp(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => StatusCodeEnvelope(context.HttpContext));
        app.UseCors();
        app.UseMiddleware<ListenerMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<PrincipalLogScopeMiddleware>();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Every route of the group checks every string it receives before a use case sees it.</summary>
    public static TBuilder WithInputChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, Validation.HostileInputFilter>();

    /// <summary>Every route of the group without limits of its own is limited per client IP (RATE_LIMIT__GENERAL__*).</summary>
    public static TBuilder WithGeneralRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        RateLimiting.RateLimitFilter.AddGeneralLimit(builder);

    private static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new Contracts.UtcTimestampConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    // Routes that match nothing, a method a path does not take (405, the router's Allow header kept)
    // and a body that is not JSON (415) come here without a body; each gets the envelope. There is
    // deliberately no catch-all fallback route: it would outrank the router's own 405 and 415.
    private static Task StatusCodeEnvelope(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => ErrorEnvelope.WriteAsync(http, 404, "NOT_FOUND", "No such route."),
        StatusCodes.Status405MethodNotAllowed => ErrorEnvelope.WriteAsync(http, 405, "METHOD_NOT_ALLOWED",
            $"{http.Request.Method} is not allowed here; this path accepts {AllowedMethods(http)}."),
        StatusCodes.Status413PayloadTooLarge => ErrorEnvelope.WriteAsync(http, 413, "PAYLOAD_TOO_LARGE", BodyLimit.Message(http)),
        StatusCodes.Status415UnsupportedMediaType => ErrorEnvelope.WriteAsync(http, 415, "UNSUPPORTED_MEDIA_TYPE",
            "This route takes a JSON body: send it with Content-Type: application/json."),
        StatusCodes.Status401Unauthorized => ErrorEnvelope.WriteAsync(http, 401, "UNAUTHORIZED", "Authentication is required."),
        StatusCodes.Status403Forbidden => ErrorEnvelope.WriteAsync(http, 403, "FORBIDDEN", "You are not allowed to do this."),
        _ => ErrorEnvelope.WriteAsync(http, http.Response.StatusCode, "MALFORMED_REQUEST", "The request could not be processed."),
    };

    private static string AllowedMethods(HttpContext http)
    {
        var allow = http.Response.Headers.Allow.ToString();
        return allow.Length == 0 ? "other methods" : allow;
    }
}
