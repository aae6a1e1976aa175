using System.Globalization;
using AuthService.Application.Plans;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis.Quotas;

/// <summary>
/// Daily counters <c>auth:quota:&lt;user&gt;:&lt;service&gt;:&lt;yyyyMMdd&gt;</c>. The check, the INCR and the
/// first expiry run in one Lua script, so concurrent calls can never push a counter past its limit
/// and no counter is ever left without a TTL. A refused call is not counted: the counter stops at
/// the limit, so "used" is the number of calls actually served, and a plan upgrade later that day
/// grants exactly the difference. Keys expire a margin after the day ends, so an instance whose
/// clock runs a little behind still finds yesterday's count instead of starting a fresh one.
/// Any Redis failure answers null and the caller fails open (see Application.Plans.Introspect).
/// </summary>
internal sealed class RedisQuotaCounter(RedisCalls redis) : IQuotaCounter
{
    private const string ConsumeScript = """
        local limit = tonumber(ARGV[1])
        local used = tonumber(redis.call('GET', KEYS[1]) or '0')
        if limit >= 0 and used >= limit then
          return {0, used}
        end
        used = redis.call('INCR', KEYS[1])
        if used == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIREAT', KEYS[1], ARGV[2])
        end
        return {1, used}
        """;

    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromHours(1);

    public async Task<QuotaConsumption?> TryConsumeAsync(
        Guid userId, string service, DateOnly day, int? limit, CancellationToken ct)
    {
        var state = (Key: Key(userId, service, day), Limit: limit ?? -1, ExpireAtMs: ExpireAtMs(day));
        var (ok, result) = await redis.TryAsync("quota consume", state, ConsumeAsync, ct);
        return ok ? result : null;
    }

    public async Task<IReadOnlyList<long>?> GetUsedAsync(
        Guid userId, IReadOnlyList<string> services, DateOnly day, CancellationToken ct)
    {
        if (services.Count == 0)
        {
            return [];
        }

        var keys = services.Select(s => (RedisKey)Key(userId, s, day)).ToArray();
        var (ok, values) = await redis.TryAsync("quota read", keys, static (db, k) => db.StringGetAsync(k), ct);
        return ok ? [.. values.Select(v => v.IsNull ? 0L : (long)v)] : null;
    }

    internal static string Key(Guid userId, string service, DateOnly day) =>
        $"auth:quota:{userId:D}:{service}:{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    private static long ExpireAtMs(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).Add(ExpiryMargin).ToUnixTimeMilliseconds();

    private static async Task<QuotaConsumption> ConsumeAsync(IDatabase db, (string Key, int Limit, long ExpireAtMs) state)
    {
        var reply = (RedisResult[])(await db.ScriptEvaluateAsync(ConsumeScript, [state.Key], [state.Limit, state.ExpireAtMs]))!;
        return new QuotaConsumption((long)reply[0] == 1, (long)reply[1]);
    }
}
