using AuthService.Application.Abstractions;

namespace AuthService.Adapters.Redis;

internal sealed class RedisProbe(RedisCalls redis) : IDependencyProbe
{
    public string Name => "redis";

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        var (ok, _) = await redis.TryAsync("health probe", 0, static (db, _) => db.PingAsync(), ct);
        return ok;
    }
}
