using AuthService.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Http.RateLimiting;

/// <summary>
/// On routes that hash a password: while every hashing slot is busy and the queue is full, a
/// request is answered 503 with Retry-After at once, before the use case reads the database or
/// asks Redis and without an exception, so a login flood costs as little as possible of the CPU
/// that every other request needs.
/// </summary>
internal static class HashingCapacityFilter
{
    private static readonly ErrorResult Busy = new(new Error(
        ErrorCode.ServiceUnavailable, "The service is busy. Retry shortly.", RetryAfter: TimeSpan.FromSeconds(1)));

    public static RouteHandlerBuilder NeedsHashing(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IPasswordHasher>().IsSaturated ? Busy : await next(context));
}
