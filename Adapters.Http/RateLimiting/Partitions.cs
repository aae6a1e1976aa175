using AuthService.Application.Abstractions;
using AuthService.Application.Sessions;
using AuthService.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Adapters.Http.RateLimiting;

/// <summary>
/// What a limit counts per. Identifiers are normalised (so case and look-alike forms share a
/// counter) and stored only as keyed hashes: no address is written into Redis.
/// </summary>
internal static class Partitions
{
    public static ValueTask<string?> Ip(EndpointFilterInvocationContext context) =>
        ValueTask.FromResult<string?>("ip:" + (context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"));

    /// <summary>The identifier a body of type <typeparamref name="T"/> names; null when it names none.</summary>
    public static Func<EndpointFilterInvocationContext, ValueTask<string?>> Identifier<T>(Func<T, string?> pick) =>
        context => ValueTask.FromResult(IdentifierKey(context, pick));

    /// <summary>The client IP and the identifier together.</summary>
    public static Func<EndpointFilterInvocationContext, ValueTask<string?>> IpAndIdentifier<T>(Func<T, string?> pick) =>
        async context => IdentifierKey(context, pick) is { } id ? await Ip(context) + ":" + id : null;

    /// <summary>The session a refresh token names; a token that names none is counted per IP.</summary>
    public static async ValueTask<string?> RefreshSession(EndpointFilterInvocationContext context)
    {
        var token = context.Arguments.OfType<Contracts.RefreshRequest>().FirstOrDefault()?.RefreshToken;
        var locate = context.HttpContext.RequestServices.GetRequiredService<ILocateRefreshSession>();
        return token is not null && await locate.ExecuteAsync(token, context.HttpContext.RequestAborted) is { } session
            ? "session:" + session.ToString("N")
            : await Ip(context);
    }

    private static string? IdentifierKey<T>(EndpointFilterInvocationContext context, Func<T, string?> pick)
    {
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        if (body is null || pick(body) is not { Length: > 0 and <= 320 } identifier)
        {
            return null;
        }

        var hasher = context.HttpContext.RequestServices.GetRequiredService<ISecretHasher>();
        return "id:" + hasher.Hash("rate-limit:" + Identifiers.NormalizeEmail(identifier));
    }
}
