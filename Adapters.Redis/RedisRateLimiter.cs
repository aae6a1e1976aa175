using AuthService.Application.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// Fixed windows aligned to the epoch: <c>auth:rl:&lt;bucket&gt;:&lt;window start&gt;</c> counts hits.
/// INCR and the first EXPIRE run in one Lua script, so a crash between them can never leave a
/// counter without a TTL. Fails open: an outage of Redis must not lock everybody out.
/// RATE_LIMIT__ENABLED=false turns it off entirely (benchmarks, load tests).
/// </summary>
internal sealed class RedisRateLimiter(RedisCalls redis, IOptions<RateLimitOptions> options, TimeProvider time) : IRateLimiter
{
    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    private static readonly Task<RateLimitDecision> Allowed = Task.FromResult(RateLimitDecision.Allow);

    private readonly bool _enabled = options.Value.Enabled;

    public Task<RateLimitDecision> HitAsync(string bucket, int limit, TimeSpan window, CancellationToken ct) =>
        _enabled ? CountAsync(bucket, limit, window, ct) : Allowed;

    private async Task<RateLimitDecision> CountAsync(string bucket, int limit, TimeSpan window, CancellationToken ct)
    {
        var windowMs = Math.Max(1000, (long)window.TotalMilliseconds);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowStartMs = nowMs - (nowMs % windowMs);
        var untilWindowEnd = TimeSpan.FromMilliseconds(windowStartMs + windowMs - nowMs);

        // Keep the key a little past the window's end, so clocks a bit apart share one counter.
        var key = RedisKeys.RateLimit(bucket, windowStartMs / 1000);
        var ttlMs = (long)untilWindowEnd.TotalMilliseconds + 1000;
        var (ok, count) = await redis.TryAsync("rate limit", (key, ttlMs), IncrementAsync, ct);

        if (!ok || count <= limit)
        {
            return RateLimitDecision.Allow;
        }

        return new RateLimitDecision(false, untilWindowEnd);
    }

    private static async Task<long> IncrementAsync(IDatabase db, (string Key, long TtlMs) state) =>
        (long)await db.ScriptEvaluateAsync(IncrementScript, [state.Key], [state.TtlMs]);
}
