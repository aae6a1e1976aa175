namespace AuthService.Application.Abstractions;

/// <summary>
/// One hit's verdict: allowed or not, the window's limit, what is left of it and when it ends
/// (what the RateLimit headers report); <see cref="RetryAfter"/> is that end when refused.
/// </summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter, int Limit = 0, int Remaining = 0, TimeSpan Reset = default)
{
    public static readonly RateLimitDecision Allow = new(true, TimeSpan.Zero);
}

/// <summary>Fixed-window counters shared by every instance. Fails open when its store is unavailable.</summary>
public interface IRateLimiter
{
    Task<RateLimitDecision> HitAsync(string bucket, int limit, TimeSpan window, CancellationToken ct);
}
