using AuthService.Application.Abstractions;
using AuthService.Application.Otp;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary><c>SET auth:cooldown:&lt;key&gt; 1 PX window NX</c>; when the key exists, its PTTL is what is left.</summary>
internal sealed class RedisCooldown(RedisCalls redis) : ICooldown
{
    private const string Script = """
        if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then
          return -1
        end
        return redis.call('PTTL', KEYS[1])
        """;

    public async Task<TimeSpan?> TryStartAsync(string key, TimeSpan window, CancellationToken ct)
    {
        var (ok, remainingMs) = await redis.TryAsync(
            "cooldown", ("auth:cooldown:" + key, (long)window.TotalMilliseconds), StartAsync, ct);
        return ok && remainingMs > 0 ? TimeSpan.FromMilliseconds(remainingMs) : null;
    }

    private static async Task<long> StartAsync(IDatabase db, (string Key, long WindowMs) state) =>
        (long)await db.ScriptEvaluateAsync(Script, [state.Key], [state.WindowMs]);
}
