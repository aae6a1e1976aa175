namespace AuthService.Application.Abstractions;

/// <summary>A limit of <see cref="Limit"/> hits per <see cref="Window"/>.</summary>
public sealed record RateLimitRule(int Limit, TimeSpan Window);

/// <summary>
/// The settings an operator may change while the service runs (browser origins, rate limits).
/// They are read through this one port on every request, never copied at start, so an
/// implementation backed by a table that reloads (the admin config API) changes them at once.
/// The default implementation reads the process configuration (CORS__ORIGINS, RATE_LIMIT__*).
/// </summary>
public interface IRuntimeSettings
{
    /// <summary>Origins (scheme://host[:port], exact match) allowed to call from a browser.</summary>
    IReadOnlySet<string> CorsOrigins { get; }

    /// <summary>RATE_LIMIT__ENABLED: false turns every abuse limit off (benchmarks, load tests).</summary>
    bool RateLimitsEnabled { get; }

    /// <summary>The rule of one policy of <see cref="RateLimitPolicies"/>.</summary>
    RateLimitRule RateLimit(string policy);
}
