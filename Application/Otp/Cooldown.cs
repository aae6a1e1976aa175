using AuthService.Application.Abstractions;
using AuthService.Domain.Common;

namespace AuthService.Application.Otp;

/// <summary>At most one code per destination per minute, whatever the account's state.</summary>
internal sealed class Cooldown(IRateLimiter limiter)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public async Task<Error?> CheckAsync(string destination, CancellationToken ct)
    {
        var decision = await limiter.HitAsync("otp-send:" + destination, 1, Window, ct);
        return decision.Allowed
            ? null
            : new Error(
                ErrorCode.RateLimitExceeded,
                "A code was sent to this address moments ago. Try again shortly.",
                RetryAfter: decision.RetryAfter);
    }
}
