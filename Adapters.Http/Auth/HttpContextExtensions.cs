using AuthService.Application.Common;
using Microsoft.AspNetCore.Http;

namespace AuthService.Adapters.Http.Auth;

internal static class HttpContextExtensions
{
    public const string PrincipalKey = "authservice.principal";
    private const int MaxUserAgentLength = 512;

    public static void SetCurrentPrincipal(this HttpContext context, CurrentPrincipal principal) =>
        context.Items[PrincipalKey] = principal;

    /// <summary>Only called behind RequireAuthorization, where the handler has set it.</summary>
    public static CurrentPrincipal CurrentPrincipal(this HttpContext context) =>
        context.Items[PrincipalKey] as CurrentPrincipal
        ?? throw new InvalidOperationException("The endpoint is not behind authentication.");

    public static ClientInfo ClientInfo(this HttpContext context)
    {
        string? agent = context.Request.Headers.UserAgent;
        if (agent is { Length: > MaxUserAgentLength })
        {
            agent = agent[..MaxUserAgentLength];
        }

        return new ClientInfo(context.Connection.RemoteIpAddress?.ToString(), agent, context.TraceIdentifier);
    }
}
