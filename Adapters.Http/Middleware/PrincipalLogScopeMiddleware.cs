using AuthService.Application.Common;
using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Http.Middleware;

/// <summary>Puts the caller's user id and session id in the log scope (ids only, never tokens).</summary>
internal sealed class PrincipalLogScopeMiddleware(RequestDelegate next, ILogger<PrincipalLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Items.ContainsKey(HttpContextExtensions.PrincipalKey) && context.CurrentPrincipal() is CurrentPrincipal principal)
        {
            using (logger.BeginScope(new Dictionary<string, object>
            {
                ["user_id"] = principal.UserId,
                ["session_id"] = principal.SessionId,
            }))
            {
                await next(context);
            }

            return;
        }

        await next(context);
    }
}
