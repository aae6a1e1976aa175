using AuthService.Application.Otp;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// <c>auth:otp_failures:&lt;keyed hash of the destination&gt;</c>: a counter whose window starts with
/// its first guess. INCR and the limit check are one script, so parallel guesses never overshoot.
/// </summary>
internal sealed class RedisOtpFailureCounter(RedisCalls redis) : IOtpFailureCounter
{
    private const string CountScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        if n > tonumber(ARGV[1]) then
          redis.call('DECR', KEYS[1])
          return redis.call('PTTL', KEYS[1])
        end
        return -1
        """;

    private const string ForgiveScript = """
        if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
          redis.call('DECR', KEYS[1])
        end
        return 0
        """;

    public async Task<TimeSpan?> TryCountAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var (ok, remainingMs) = await redis.TryAsync(
            "otp failure count", (Key: Key(key), Limit: limit, WindowMs: (long)window.TotalMilliseconds), CountAsync, ct);
        return ok && remainingMs > 0 ? TimeSpan.FromMilliseconds(remainingMs) : null;
    }

    public async Task ForgiveAsync(string key, CancellationToken ct) =>
        await redis.TryAsync("otp failure forgive", Key(key), static (db, k) => db.ScriptEvaluateAsync(ForgiveScript, [k]), ct);

    private static string Key(string key) => "auth:otp_failures:" + key;

    private static async Task<long> CountAsync(IDatabase db, (string Key, int Limit, long WindowMs) s) =>
        (long)await db.ScriptEvaluateAsync(CountScript, [s.Key], [s.Limit, s.WindowMs]);
}
