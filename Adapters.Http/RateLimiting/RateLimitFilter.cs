using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Http.RateLimiting;

/// <summary>Marks a route that has limits of its own, so the general per-IP limit leaves it alone.</summary>
internal sealed class OwnRateLimits;

/// <summary>
/// Rate limits as endpoint filters: each limited route names its policies (see
/// <see cref="RateLimitPolicies"/>) and what each one counts per (the client IP, the identifier in
/// the body, both, the session). The counters are shared by every instance (<see cref="IRateLimiter"/>,
/// Redis); the numbers are read from <see cref="IRuntimeSettings"/> at each request. A filter, not
/// the framework's rate-limiting middleware, because the per-identifier partitions need the bound
/// body, which middleware runs before. Every limited answer carries the IETF RateLimit-Policy and
/// RateLimit headers; a refused one is 429 RATE_LIMIT_EXCEEDED with Retry-After.
/// </summary>
internal static class RateLimitFilter
{
    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder builder, params Limit[] limits) =>
        builder.Fails(ErrorCode.RateLimitExceeded).WithMetadata(new OwnRateLimits())
            .AddEndpointFilter((context, next) => ApplyAsync(context, next, limits));

    /// <summary>Every route of the group without limits of its own: <see cref="RateLimitPolicies.General"/> per IP.</summary>
    public static TBuilder AddGeneralLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OwnRateLimits>() is not null
                ? await next(context)
                : await ApplyAsync(context, next, [new Limit(RateLimitPolicies.General, Partitions.Ip)]));

    private static async ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, Limit[] limits)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IRuntimeSettings>();
        if (!settings.RateLimitsEnabled)
        {
            return await next(context);
        }

        var limiter = http.RequestServices.GetRequiredService<IRateLimiter>();
        var (policies, states) = (new List<string>(limits.Length), new List<string>(limits.Length));
        TimeSpan? retryAfter = null;
        foreach (var (policy, partition) in limits)
        {
            if (await partition(context) is not { } key)
            {
                continue;
            }

            var rule = settings.RateLimit(policy);
            var decision = await limiter.HitAsync(policy + ":" + key, rule.Limit, rule.Window, http.RequestAborted);
            policies.Add($"\"{policy}\";q={rule.Limit};w={(long)rule.Window.TotalSeconds}");
            states.Add($"\"{policy}\";r={decision.Remaining};t={Seconds(decision.Reset)}");
            if (!decision.Allowed)
            {
                AuthMetrics.RateLimitRejected(policy);
                retryAfter = retryAfter is null || decision.RetryAfter > retryAfter ? decision.RetryAfter : retryAfter;
            }
        }

        if (policies.Count > 0)
        {
            http.Response.Headers["RateLimit-Policy"] = string.Join(", ", policies);
            http.Response.Headers["RateLimit"] = string.Join(", ", states);
        }

        return retryAfter is null
            ? await next(context)
            : new ErrorResult(new Error(ErrorCode.RateLimitExceeded, "Too many requests. Slow down.", RetryAfter: retryAfter));
    }

    private static long Seconds(TimeSpan span) => Math.Max(0, (long)Math.Ceiling(span.TotalSeconds));
}

/// <summary>One policy and what it counts per; the partition is null when the request has nothing to count.</summary>
internal readonly record struct Limit(string Policy, Func<EndpointFilterInvocationContext, ValueTask<string?>> Partition);
