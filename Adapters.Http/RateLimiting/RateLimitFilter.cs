using AuthService.Adapters.Http.Errors;
using AuthService.Adapters.Http.OpenApi;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Http.RateLimiting;

/// <summary>Per-client-IP fixed windows on the routes that cost a hash or send a message.</summary>
internal static class RateLimitFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static RouteHandlerBuilder RateLimited(this RouteHandlerBuilder builder, string policy, int perMinute) =>
        builder.Fails(ErrorCode.RateLimitExceeded).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limiter = http.RequestServices.GetRequiredService<IRateLimiter>();
            var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var decision = await limiter.HitAsync($"{policy}:{ip}", perMinute, Window, http.RequestAborted);
            if (decision.Allowed)
            {
                return await next(context);
            }

            AuthMetrics.RateLimitRejected(policy);
            return new ErrorResult(new Error(
                    ErrorCode.RateLimitExceeded, "Too many requests. Slow down.", RetryAfter: decision.RetryAfter));
        });
}
