using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis.OAuth;

/// <summary>
/// Single-use JSON values with a TTL under <c>auth:&lt;purpose&gt;:&lt;sha256(secret)&gt;</c>. Keys carry
/// the SHA-256 of the secret, not the secret, so a look at Redis (MONITOR, a dump) yields nothing
/// that can be replayed. Taking is one Lua script (GET then DEL, atomic on the server; GETDEL
/// needs Redis 6.2 and a newer client), so two concurrent callbacks with the same value can never
/// both get it.
/// </summary>
internal abstract class OneTimeValues<T>(RedisCalls redis, string purpose)
    where T : class
{
    private const string TakeScript = """
        local v = redis.call('GET', KEYS[1])
        if v then redis.call('DEL', KEYS[1]) end
        return v
        """;

    /// <summary>False when the store cannot keep it right now (or the secret is already taken).</summary>
    public async Task<bool> SaveAsync(string secret, T value, TimeSpan lifetime, CancellationToken ct)
    {
        var (ok, stored) = await redis.TryAsync(
            purpose + " save",
            (key: Key(secret), json: JsonSerializer.Serialize(value), lifetime),
            static (db, s) => db.StringSetAsync(s.key, s.json, s.lifetime, When.NotExists),
            ct);
        return ok && stored;
    }

    /// <summary>Returns and deletes the value; null when unknown, expired, taken or Redis cannot answer.</summary>
    public async Task<T?> TakeAsync(string secret, CancellationToken ct)
    {
        var (ok, result) = await redis.TryAsync(
            purpose + " take", Key(secret), static (db, k) => db.ScriptEvaluateAsync(TakeScript, [k]), ct);
        return ok && result is not null && !result.IsNull ? JsonSerializer.Deserialize<T>((string)result!) : null;
    }

    private string Key(string secret) =>
        $"auth:{purpose}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))}";
}
