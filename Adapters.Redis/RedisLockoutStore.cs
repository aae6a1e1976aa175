using AuthService.Application.Abstractions;
using AuthService.Application.Login;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// <c>auth:lockfail:&lt;key&gt;</c> counts failures (expiring a window after the first),
/// <c>auth:lock:&lt;key&gt;</c> is the lock (expiring when it ends). Counting and locking are one
/// script, so parallel guesses from many IPs cannot slip past the limit between two calls. The keys
/// hold keyed hashes of identifiers, never an address. Fails open (see <see cref="ILockoutStore"/>).
/// </summary>
internal sealed class RedisLockoutStore(RedisCalls redis) : ILockoutStore
{
    // Returns -1 when a lock already runs, 0 when this failure started one, else the count.
    private const string FailScript = """
        if redis.call('PTTL', KEYS[2]) > 0 then
          return -1
        end
        local count = redis.call('INCR', KEYS[1])
        if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        if count >= tonumber(ARGV[1]) then
          redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
          redis.call('DEL', KEYS[1])
          return 0
        end
        return count
        """;

    public async Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct)
    {
        var (ok, left) = await redis.TryAsync("lockout check", LockKey(key), static (db, k) => db.KeyTimeToLiveAsync(k), ct);
        return ok && left > TimeSpan.Zero ? left : null;
    }

    public async Task<LockoutOutcome> RecordFailureAsync(string key, int maxFailures, TimeSpan window, TimeSpan lockFor, CancellationToken ct)
    {
        var state = (Fail: FailKey(key), Lock: LockKey(key), Max: maxFailures, WindowMs: (long)window.TotalMilliseconds, LockMs: (long)lockFor.TotalMilliseconds);
        var (ok, result) = await redis.TryAsync("lockout count", state, static async (db, s) =>
            (long)await db.ScriptEvaluateAsync(FailScript, [s.Fail, s.Lock], [s.Max, s.WindowMs, s.LockMs]), ct);
        return !ok ? LockoutOutcome.Counted
            : result == 0 ? LockoutOutcome.LockStarted
            : result < 0 ? LockoutOutcome.AlreadyLocked
            : LockoutOutcome.Counted;
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
