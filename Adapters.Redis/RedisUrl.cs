using System.Globalization;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>Turns <c>redis://[[user]:password@]host:port[/db]</c> into client options.</summary>
internal static class RedisUrl
{
    public static bool TryParse(string? url, out ConfigurationOptions options, out string error)
    {
        options = null!;
        error = string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || uri.Host.Length == 0)
        {
            error = "REDIS__URL must look like redis://[[user]:password@]host:port[/db].";
            return false;
        }

        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && !int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database))
        {
            error = "REDIS__URL: the path must be a database number, e.g. redis://127.0.0.1:6379/0.";
            return false;
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        options = new ConfigurationOptions
        {
            // An ACL user (Redis 6+) when named; redis://:password@ is the default user.
            User = string.IsNullOrEmpty(user) ? null : user,
            Password = string.IsNullOrEmpty(password) ? null : password,
            DefaultDatabase = database,
            Ssl = uri.Scheme == "rediss",
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
            ConnectRetry = 1,
            KeepAlive = 5,
            ClientName = "authservice",
        };
        options.EndPoints.Add(uri.Host.Trim('[', ']'), uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
        return true;
    }
}
