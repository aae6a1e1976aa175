using AuthService.Application.Abstractions;
using AuthService.Application.Login;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// <c>auth:lockfail:&lt;key&gt;</c> counts failures (expiring a window after the first),
/// <c>auth:lock:&lt;key&gt;</c> is the lock (expiring when it ends). Each step is one script, and
/// starting a lock is SET NX: parallel guesses past the limit start one lock, and none is lost. The
/// keys hold keyed hashes of identifiers, never an address. Fails open (see <see cref="ILockoutStore"/>).
/// </summary>
internal sealed class RedisLockoutStore(RedisCalls redis) : ILockoutStore
{
    // Returns -1 when a lock already runs (nothing counted), else the count.
    private const string CountScript = """
        if redis.call('PTTL', KEYS[2]) > 0 then
          return -1
        end
        local count = redis.call('INCR', KEYS[1])
        if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    // Returns 1 when this call started the lock, 0 when one already ran.
    private const string LockScript = """
        if redis.call('SET', KEYS[2], '1', 'PX', ARGV[1], 'NX') then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    public async Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct)
    {
        var (ok, left) = await redis.TryAsync("lockout check", LockKey(key), static (db, k) => db.KeyTimeToLiveAsync(k), ct);
        return ok && left > TimeSpan.Zero ? left : null;
    }

    public async Task<long?> CountFailureAsync(string key, TimeSpan window, CancellationToken ct)
    {
        var state = (Fail: FailKey(key), Lock: LockKey(key), WindowMs: (long)window.TotalMilliseconds);
        var (ok, count) = await redis.TryAsync("lockout count", state, static async (db, s) =>
            (long)await db.ScriptEvaluateAsync(CountScript, [s.Fail, s.Lock], [s.WindowMs]), ct);
        return ok && count > 0 ? count : null;
    }

    public async Task<bool> TryLockAsync(string key, TimeSpan lockFor, CancellationToken ct)
    {
        var state = (Fail: FailKey(key), Lock: LockKey(key), LockMs: (long)lockFor.TotalMilliseconds);
        var (ok, started) = await redis.TryAsync("lockout lock", state, static async (db, s) =>
            (long)await db.ScriptEvaluateAsync(LockScript, [s.Fail, s.Lock], [s.LockMs]), ct);
        return ok && started == 1;
    }

    public async Task ClearAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        RedisKey[] all = [.. keys.SelectMany(k => new RedisKey[] { FailKey(k), LockKey(k) })];
        await redis.TryAsync("lockout clear", all, static (db, k) => db.KeyDeleteAsync(k), ct);
    }

    private static string FailKey(string key) => "auth:lockfail:" + key;

    private static string LockKey(string key) => "auth:lock:" + key;
}
