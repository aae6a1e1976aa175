using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace AuthService.Adapters.Http.Errors;

/// <summary>The 413 sentence: it names the limit this request was held to, so a client knows what to send.</summary>
internal static class BodyLimit
{
    public static string Message(HttpContext http)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return limit is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"The request body is too large: the limit is {bytes} bytes ({bytes / 1024} KiB).")
            : "The request body is too large.";
    }
}
