using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Redis;

internal sealed class RedisOptions
{
    public const string Section = "REDIS";

    /// <summary><c>redis://[:password@]host:port[/db]</c>; <c>rediss://</c> for TLS.</summary>
    [ConfigurationKeyName("URL")]
    public string Url { get; set; } = "redis://127.0.0.1:6379/0";

    /// <summary>How long any one call may take before Redis counts as unavailable for it.</summary>
    [ConfigurationKeyName("TIMEOUT_MS")]
    public int TimeoutMs { get; set; } = 250;
}
