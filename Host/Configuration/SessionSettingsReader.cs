using AuthService.Application.Common;

namespace AuthService.Host.Configuration;

internal static class SessionSettingsReader
{
    /// <summary>JWT__REFRESH_TOKEN_DAYS (30) and AUTH__REFRESH_REUSE_GRACE_SECONDS (10), checked at start.</summary>
    public static SessionSettings Read(IConfiguration configuration) => new()
    {
        RefreshTokenLifetime = TimeSpan.FromDays(Setting(configuration, "JWT:REFRESH_TOKEN_DAYS", 30, 1, 365)),
        RefreshReuseGrace = TimeSpan.FromSeconds(Setting(configuration, "AUTH:REFRESH_REUSE_GRACE_SECONDS", 10, 0, 300)),
    };

    /// <summary>
    /// LOGIN__MAX_FAILED_ATTEMPTS (5; 0 = off), LOGIN__LOCKOUT_MINUTES (15) and
    /// LOGIN__FAILURE_WINDOW_MINUTES (15), checked at start.
    /// </summary>
    public static LockoutSettings ReadLockout(IConfiguration configuration) => new()
    {
        MaxFailedAttempts = Setting(configuration, "LOGIN:MAX_FAILED_ATTEMPTS", 5, 0, 1000),
        Duration = TimeSpan.FromMinutes(Setting(configuration, "LOGIN:LOCKOUT_MINUTES", 15, 1, 1440)),
        Window = TimeSpan.FromMinutes(Setting(configuration, "LOGIN:FAILURE_WINDOW_MINUTES", 15, 1, 1440)),
    };

    /// <summary>JWT__ISSUER, JWT__AUDIENCE (neither empty) and JWT__ACCESS_TOKEN_MINUTES (15, 1-1440), checked at start.</summary>
    public static TokenSettings ReadTokens(IConfiguration configuration)
    {
        var defaults = new TokenSettings();
        return new TokenSettings
        {
            Issuer = NotEmpty(configuration, "JWT:ISSUER", defaults.Issuer),
            Audience = NotEmpty(configuration, "JWT:AUDIENCE", defaults.Audience),
            AccessTokenLifetime = TimeSpan.FromMinutes(Setting(configuration, "JWT:ACCESS_TOKEN_MINUTES", 15, 1, 1440)),
        };
    }

    private static string NotEmpty(IConfiguration configuration, string key, string fallback)
    {
        var value = configuration[key] ?? fallback;
        return !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidOperationException($"{key.Replace(":", "__", StringComparison.Ordinal)} must not be empty.");
    }

    /// <summary>An integer setting within bounds; outside them, start stops naming the variable.</summary>
    public static int Setting(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var value = configuration.GetValue(key, fallback);
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{key.Replace(":", "__", StringComparison.Ordinal)} must be between {min} and {max}.");
    }
}
