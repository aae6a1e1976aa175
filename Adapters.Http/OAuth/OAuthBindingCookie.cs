using System.Net;

namespace AuthService.Adapters.Http.OAuth;

/// <summary>
/// The cookie that binds an OAuth state to the browser that started it: HttpOnly (no script reads
/// it), SameSite=Lax (sent on the provider's top-level redirect back to us, not on cross-site
/// subrequests), Secure with the <c>__Host-</c> prefix (no subdomain can plant one) everywhere but
/// plain-HTTP loopback, where browsers would not keep a Secure cookie.
/// </summary>
internal static class OAuthBindingCookie
{
    private const string SecureName = "__Host-authservice_oauth";
    private const string LoopbackName = "authservice_oauth";

    public static string? Read(HttpRequest request) => request.Cookies[SecureName] ?? request.Cookies[LoopbackName];

    public static void Write(HttpContext http, string binding, TimeSpan lifetime)
    {
        var secure = http.Request.IsHttps || !IsLoopback(http.Request.Host.Host);
        http.Response.Cookies.Append(secure ? SecureName : LoopbackName, binding, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
