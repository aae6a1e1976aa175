namespace AuthService.Application.Abstractions;

public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly RateLimitDecision Allow = new(true, TimeSpan.Zero);
}

/// <summary>Fixed-window counters. Fails open when its store is unavailable.</summary>
public interface IRateLimiter
{
    Task<RateLimitDecision> HitAsync(string bucket, int limit, TimeSpan window, CancellationToken ct);
}
