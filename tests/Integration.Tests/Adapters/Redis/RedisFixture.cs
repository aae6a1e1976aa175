using AuthService.Adapters.Redis;

namespace AuthService.Integration.Tests.Adapters.Redis;

internal static class RedisFixture
{
    /// <summary>The timeout of the tests about an unavailable Redis; the ones about behaviour get a lenient one.</summary>
    public const int ShortTimeoutMs = 100;

    public static ServiceProvider Start(string url, TimeProvider? time = null, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["REDIS:URL"] = url, ["REDIS:TIMEOUT_MS"] = ShortTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return AdapterHost.Start((s, c) => s.AddRedis(c), settings, time);
    }

    /// <summary>
    /// The real Redis with a 2 s timeout: these tests check what is stored, and a busy CI machine
    /// must not turn a slow answer into "unavailable".
    /// </summary>
    public static ServiceProvider StartReal(TimeProvider? time = null, params (string Key, string Value)[] extra) =>
        Start(TestServices.RedisUrl, time, [("REDIS:TIMEOUT_MS", "2000"), .. extra]);

    public static int ClosedPort() => LoopbackPorts.Free();

    /// <summary>Host and port of the real Redis, for proxies that sit in front of it.</summary>
    public static (string Host, int Port, string Database) RealEndpoint()
    {
        var uri = new Uri(TestServices.RedisUrl);
        return (uri.Host, uri.Port < 0 ? 6379 : uri.Port, uri.AbsolutePath.Trim('/'));
    }
}
