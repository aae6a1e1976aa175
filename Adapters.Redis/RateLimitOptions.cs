using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Redis;

internal sealed class RateLimitOptions
{
    public const string Section = "RATE_LIMIT";

    [ConfigurationKeyName("ENABLED")]
    public bool Enabled { get; set; } = true;
}
