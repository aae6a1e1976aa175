using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Http.Middleware;

/// <summary>
/// Echoes a sane X-Request-ID (so a caller can follow its request through our logs) or makes
/// one; anything long or with odd characters is replaced, since it ends up in logs and bodies.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    private const string Header = "X-Request-ID";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var requestId = IsSane(incoming) ? incoming : Guid.CreateVersion7().ToString();
        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = requestId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object> { ["request_id"] = requestId }))
        {
            await next(context);
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
