using Microsoft.AspNetCore.Connections.Features;

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

    public static bool IsAdminListener(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        return items is not null && items.TryGetValue(ItemKey, out var tag) && Admin.Equals(tag);
    }

    public Task InvokeAsync(HttpContext context)
    {
        var onAdmin = IsAdminListener(context);
        var path = context.Request.Path;
        var adminPath = path.StartsWithSegments(HttpAdapter.ApiPrefix + "/admin", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/openapi/admin.json", StringComparison.OrdinalIgnoreCase);

        // Each listener has its own /docs page (see OpenApiSetup.MapDocs); health probes answer on both.
        var sharedPath = path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase);

        if (adminPath != onAdmin && !(onAdmin && sharedPath))
        {
            return ErrorEnvelope.WriteAsync(context, 404, "NOT_FOUND", "No such route.");
        }

        return next(context);
    }
}
