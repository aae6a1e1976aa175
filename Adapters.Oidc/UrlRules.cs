namespace AuthService.Adapters.Oidc;

internal static class UrlRules
{
    /// <summary>
    /// https everywhere; plain http only to this machine (a local test provider), where nothing
    /// on the network can read or change the traffic.
    /// </summary>
    public static bool IsSecureOrLoopback(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.IsNullOrEmpty(uri.Fragment);

    public static Uri? ParseEndpoint(string? value) =>
        value is { Length: > 0 and <= 2048 } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && IsSecureOrLoopback(uri)
            ? uri
            : null;
}
