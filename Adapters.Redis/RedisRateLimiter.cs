using AuthService.Application.Abstractions;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// Fixed windows aligned to the epoch: <c>auth:rl:&lt;bucket&gt;:&lt;window start&gt;</c> counts hits.
/// INCR and the first EXPIRE run in one Lua script, so a crash between them can never leave a
/// counter without a TTL. Fails open: an outage of Redis must not lock everybody out. Whether
/// limits apply at all (RATE_LIMIT__ENABLED) is the caller's business.
/// </summary>
internal sealed class RedisRateLimiter(RedisCalls redis, TimeProvider time) : IRateLimiter
{
    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    public async Task<RateLimitDecision> HitAsync(string bucket, int limit, TimeSpan window, CancellationToken ct)
    {
        var windowMs = Math.Max(1000, (long)window.TotalMilliseconds);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowStartMs = nowMs - (nowMs % windowMs);
        var untilWindowEnd = TimeSpan.FromMilliseconds(windowStartMs + windowMs - nowMs);

        // Keep the key a little past the window's end, so clocks a bit apart share one counter.
        var key = RedisKeys.RateLimit(bucket, windowStartMs / 1000);
        var ttlMs = (long)untilWindowEnd.TotalMilliseconds + 1000;
        var (ok, count) = await redis.TryAsync("rate limit", (key, ttlMs), IncrementAsync, ct);
        if (!ok)
        {
            return new RateLimitDecision(true, TimeSpan.Zero, limit, limit, untilWindowEnd);
        }

        var remaining = (int)Math.Max(0, limit - count);
        return count <= limit
            ? new RateLimitDecision(true, TimeSpan.Zero, limit, remaining, untilWindowEnd)
            : new RateLimitDecision(false, untilWindowEnd, limit, 0, untilWindowEnd);
    }

    private static async Task<long> IncrementAsync(IDatabase db, (string Key, long TtlMs) state) =>
        (long)await db.ScriptEvaluateAsync(IncrementScript, [state.Key], [state.TtlMs]);
}
