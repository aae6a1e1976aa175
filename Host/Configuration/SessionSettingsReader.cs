using AuthService.Application.Common;

namespace AuthService.Host.Configuration;

internal static class SessionSettingsReader
{
    /// <summary>JWT__REFRESH_TOKEN_DAYS (30) and AUTH__REFRESH_REUSE_GRACE_SECONDS (10), checked at start.</summary>
    public static SessionSettings Read(IConfiguration configuration)
    {
        var days = configuration.GetValue("JWT:REFRESH_TOKEN_DAYS", 30);
        var grace = configuration.GetValue("AUTH:REFRESH_REUSE_GRACE_SECONDS", 10);
        if (days is < 1 or > 365)
        {
            throw new InvalidOperationException("JWT__REFRESH_TOKEN_DAYS must be between 1 and 365.");
        }

        if (grace is < 0 or > 300)
        {
            throw new InvalidOperationException("AUTH__REFRESH_REUSE_GRACE_SECONDS must be between 0 and 300.");
        }

        return new SessionSettings
        {
            RefreshTokenLifetime = TimeSpan.FromDays(days),
            RefreshReuseGrace = TimeSpan.FromSeconds(grace),
        };
    }

    /// <summary>LOGIN__MAX_FAILED_ATTEMPTS (5; 0 = off) and LOGIN__LOCKOUT_MINUTES (15), checked at start.</summary>
    public static LockoutSettings ReadLockout(IConfiguration configuration)
    {
        var attempts = configuration.GetValue("LOGIN:MAX_FAILED_ATTEMPTS", 5);
        var minutes = configuration.GetValue("LOGIN:LOCKOUT_MINUTES", 15);
        if (attempts is < 0 or > 1000)
        {
            throw new InvalidOperationException("LOGIN__MAX_FAILED_ATTEMPTS must be between 0 (off) and 1000.");
        }

        if (minutes is < 1 or > 1440)
        {
            throw new InvalidOperationException("LOGIN__LOCKOUT_MINUTES must be between 1 and 1440.");
        }

        return new LockoutSettings { MaxFailedAttempts = attempts, Duration = TimeSpan.FromMinutes(minutes) };
    }
}
