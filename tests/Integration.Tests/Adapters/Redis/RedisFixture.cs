using AuthService.Adapters.Redis;
using AuthService.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuthService.Integration.Tests.Adapters.Redis;

internal static class RedisFixture
{
    public static ServiceProvider Start(string url, TimeProvider? time = null, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["REDIS:URL"] = url, ["REDIS:TIMEOUT_MS"] = "250" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return AdapterHost.Start((s, c) => s.AddRedis(c), settings, time);
    }

    public static ServiceProvider StartReal(TimeProvider? time = null, params (string Key, string Value)[] extra) =>
        Start(TestServices.RedisUrl, time, extra);

    public static int ClosedPort() => LoopbackPorts.Free();

    /// <summary>Host and port of the real Redis, for proxies that sit in front of it.</summary>
    public static (string Host, int Port, string Database) RealEndpoint()
    {
        var uri = new Uri(TestServices.RedisUrl);
        return (uri.Host, uri.Port < 0 ? 6379 : uri.Port, uri.AbsolutePath.Trim('/'));
    }
}
