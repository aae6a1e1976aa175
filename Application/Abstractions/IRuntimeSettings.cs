namespace AuthService.Application.Abstractions;

/// <summary>A limit of <see cref="Limit"/> hits per <see cref="Window"/>.</summary>
public sealed record RateLimitRule(int Limit, TimeSpan Window);

/// <summary>
/// The settings an operator may change while the service runs (browser origins, rate limits,
/// registration mode, session limit). They are read through this one port when needed, never
/// copied at start: its implementation (the system settings provider) reloads the system_config
/// table, over CORS__ORIGINS, RATE_LIMIT__*, AUTH__* and the defaults, on every instance.
/// </summary>
public interface IRuntimeSettings
{
    /// <summary>Origins (scheme://host[:port], exact match) allowed to call from a browser.</summary>
    IReadOnlySet<string> CorsOrigins { get; }

    /// <summary>RATE_LIMIT__ENABLED: false turns every abuse limit off (benchmarks, load tests).</summary>
    bool RateLimitsEnabled { get; }

    /// <summary>The rule of one policy of <see cref="RateLimitPolicies"/>.</summary>
    RateLimitRule RateLimit(string policy);

    /// <summary>AUTH__REGISTRATION: open, or invite-only.</summary>
    SystemConfig.RegistrationMode Registration { get; }

    /// <summary>AUTH__MAX_SESSIONS_PER_USER: active sessions a user may hold; 0 is no limit.</summary>
    int MaxSessionsPerUser { get; }

    /// <summary>AUTH__SESSION_LIMIT_MODE: what a sign-in at the limit does.</summary>
    SystemConfig.SessionLimitMode SessionLimitMode { get; }
}
