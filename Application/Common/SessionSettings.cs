namespace AuthService.Application.Common;

/// <summary>Session lifetimes, bound by the Host from JWT__REFRESH_TOKEN_DAYS and AUTH__REFRESH_REUSE_GRACE_SECONDS.</summary>
public sealed class SessionSettings
{
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(10);
}
