using AuthService.Adapters.Http.Errors;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace AuthService.Adapters.Http.Middleware;

/// <summary>
/// Keeps the admin API and the metrics off the public listener and the public API off the
/// admin listener; health answers on both.
/// The listener is known from a tag Kestrel puts on each connection, never from the Host
/// header, which a client controls.
/// </summary>
internal sealed class ListenerMiddleware(RequestDelegate next)
{
    public const string ItemKey = "authservice.listener";
    public const string Admin = "admin";

    public Task InvokeAsync(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        var onAdmin = items is not null && items.TryGetValue(ItemKey, out var tag) && Admin.Equals(tag);
        var path = context.Request.Path;
        var adminPath = path.StartsWithSegments(HttpAdapter.ApiPrefix + "/admin", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
        var healthPath = path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

        if (adminPath != onAdmin && !(onAdmin && healthPath))
        {
            return ErrorEnvelope.WriteAsync(context, 404, "NOT_FOUND", "No such route.");
        }

        return next(context);
    }
}
