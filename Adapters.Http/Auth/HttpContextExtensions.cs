using AuthService.Application.Common;

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

        return new ClientInfo(context.Connection.RemoteIpAddress?.ToString(), Printable(agent), context.TraceIdentifier);
    }

    // The user agent is stored on sessions and audit rows: control characters (NUL among them)
    // and unpaired surrogates, which PostgreSQL cannot store or a log viewer would act on, are dropped.
    private static string? Printable(string? value)
    {
        if (value is null || (Validation.HostileInputFilter.IsStorable(value) && !value.Any(char.IsControl)))
        {
            return value;
        }

        var kept = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                kept.Append(c).Append(value[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
