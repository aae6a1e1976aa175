using AuthService.Application.Abstractions;

namespace AuthService.Host.Configuration;

/// <summary>
/// <see cref="IRuntimeSettings"/> from the process configuration, read and checked once at start:
/// CORS__ORIGINS, RATE_LIMIT__ENABLED and RATE_LIMIT__&lt;POLICY&gt;__LIMIT / __WINDOW_SECONDS.
/// An implementation backed by the settings table replaces this registration.
/// </summary>
internal sealed class ConfigurationRuntimeSettings : IRuntimeSettings
{
    private readonly Dictionary<string, RateLimitRule> _rules;

    public ConfigurationRuntimeSettings(IConfiguration configuration)
    {
        CorsOrigins = ParseOrigins(configuration["CORS:ORIGINS"]);
        RateLimitsEnabled = configuration.GetValue("RATE_LIMIT:ENABLED", true);
        _rules = RateLimitPolicies.Defaults.ToDictionary(
            p => p.Key, p => ReadRule(configuration, p.Key, p.Value), StringComparer.Ordinal);
    }

    public IReadOnlySet<string> CorsOrigins { get; }

    public bool RateLimitsEnabled { get; }

    public RateLimitRule RateLimit(string policy) =>
        _rules.TryGetValue(policy, out var rule) ? rule : RateLimitPolicies.Defaults[RateLimitPolicies.General];

    /// <summary>Comma-separated origins, each scheme://host[:port] with nothing after it.</summary>
    public static IReadOnlySet<string> ParseOrigins(string? value)
    {
        var origins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var origin = entry.TrimEnd('/');
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new InvalidOperationException(
                    $"CORS__ORIGINS must list origins such as https://app.example.com separated by commas; '{entry}' is not one.");
            }

            origins.Add(origin);
        }

        return origins;
    }

    private static RateLimitRule ReadRule(IConfiguration configuration, string policy, RateLimitRule fallback)
    {
        var stem = "RATE_LIMIT:" + RateLimitPolicies.SettingName(policy);
        var limit = configuration.GetValue(stem + ":LIMIT", fallback.Limit);
        var window = configuration.GetValue(stem + ":WINDOW_SECONDS", (int)fallback.Window.TotalSeconds);
        if (limit is < 1 or > 1_000_000 || window is < 1 or > 86_400)
        {
            throw new InvalidOperationException(
                $"{stem.Replace(":", "__", StringComparison.Ordinal)}__LIMIT must be 1 to 1000000 and __WINDOW_SECONDS 1 to 86400.");
        }

        return new RateLimitRule(limit, TimeSpan.FromSeconds(window));
    }
}
