using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Redis;

/// <summary>Read from the JWT section: a revocation entry must outlive every access token of the session.</summary>
internal sealed class RedisTtlOptions
{
    public const string Section = "JWT";

    [ConfigurationKeyName("ACCESS_TOKEN_MINUTES")]
    public int AccessTokenMinutes { get; set; } = 15;
}
