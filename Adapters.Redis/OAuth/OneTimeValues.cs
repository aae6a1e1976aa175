using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis.OAuth;

/// <summary>
/// Single-use values with a TTL. Keys carry the SHA-256 of the secret, not the secret, so a
/// look at Redis (MONITOR, a dump) yields nothing that can be replayed. Taking is one Lua script
/// (GET then DEL, atomic on the server; GETDEL needs Redis 6.2 and a newer client), so two
/// concurrent callbacks with the same value can never both get it.
/// </summary>
internal static class OneTimeValues
{
    private const string TakeScript = """
        local v = redis.call('GET', KEYS[1])
        if v then redis.call('DEL', KEYS[1]) end
        return v
        """;

    public static string Key(string purpose, string secret) =>
        $"auth:{purpose}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))}";

    public static async Task<bool> SaveAsync(
        RedisCalls redis, string purpose, string key, string json, TimeSpan lifetime, CancellationToken ct)
    {
        var (ok, stored) = await redis.TryAsync(
            purpose + " save",
            (key, json, lifetime),
            static (db, s) => db.StringSetAsync(s.key, s.json, s.lifetime, When.NotExists),
            ct);
        return ok && stored;
    }

    public static async Task<string?> TakeAsync(RedisCalls redis, string purpose, string key, CancellationToken ct)
    {
        var (ok, result) = await redis.TryAsync(
            purpose + " take", key, static (db, k) => db.ScriptEvaluateAsync(TakeScript, [k]), ct);
        return ok && result is not null && !result.IsNull ? (string?)result : null;
    }
}
