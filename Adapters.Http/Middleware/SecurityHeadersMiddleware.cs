using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AuthService.Adapters.Http.Middleware;

/// <summary>Browser-facing settings of the HTTP adapter (SERVER__HSTS).</summary>
public sealed class SecurityHeaderOptions
{
    /// <summary>Send Strict-Transport-Security (only behind TLS: a browser then refuses plain HTTP for a year).</summary>
    public bool Hsts { get; set; }
}

/// <summary>
/// The headers every response carries (API.md, Conventions). They are added as the response
/// starts, so an error written by the exception handler, a 404 fallback or a 429 carries them too.
/// Nothing here is cacheable by default: responses carry tokens, codes and personal data, so
/// Cache-Control is no-store unless a route chose its own (the key set may be cached).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeaderOptions> options)
{
    // An API answers JSON: it needs no script, style, frame or form from anywhere.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // The documentation page loads its own scripts and styles (and inline ones Swagger UI writes).
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private readonly bool _hsts = options.Value.Hsts;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(
            static state =>
            {
                var (http, hsts) = ((HttpContext, bool))state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/docs") ? DocsPolicy : ApiPolicy;
                if (hsts)
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                if (!headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            },
            (context, _hsts));
        return next(context);
    }
}
