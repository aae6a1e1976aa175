using AuthService.Application.Abstractions;

namespace AuthService.Integration.Tests.Adapters.Redis;

public sealed class RateLimiterTests
{
    // 45 s into a minute, so a 60 s window has 15 s left.
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 45, TimeSpan.Zero));

    [Fact]
    public async Task Hit_BeyondLimit_IsRefusedUntilTheWindowEnds()
    {
        using var sp = RedisFixture.StartReal(_time);
        var limiter = sp.GetRequiredService<IRateLimiter>();
        var bucket = "login:ip:" + Guid.NewGuid().ToString("N");
        await WaitUntilConnectedAsync(sp);

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limiter.HitAsync(bucket, 3, TimeSpan.FromMinutes(1), default)).Allowed);
        }

        var refused = await limiter.HitAsync(bucket, 3, TimeSpan.FromMinutes(1), default);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(15), refused.RetryAfter);

        _time.Now = _time.Now.AddSeconds(10);
        Assert.Equal(TimeSpan.FromSeconds(5), (await limiter.HitAsync(bucket, 3, TimeSpan.FromMinutes(1), default)).RetryAfter);

        // A new window starts a new count.
        _time.Now = _time.Now.AddSeconds(5);
        Assert.True((await limiter.HitAsync(bucket, 3, TimeSpan.FromMinutes(1), default)).Allowed);
    }

    [Fact]
    public async Task Hit_CounterKeyAlwaysHasATtl()
    {
        using var sp = RedisFixture.StartReal(_time);
        var limiter = sp.GetRequiredService<IRateLimiter>();
        var bucket = "otp:" + Guid.NewGuid().ToString("N");
        await WaitUntilConnectedAsync(sp);

        await limiter.HitAsync(bucket, 5, TimeSpan.FromMinutes(1), default);

        var windowStart = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var ttl = await RevocationCacheTests.TtlAsync(sp, $"auth:rl:{bucket}:{windowStart}");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(16));
    }

    [Fact]
    public async Task Hit_ConcurrentCallers_CountEachHitOnce()
    {
        using var sp = RedisFixture.StartReal(_time);
        var limiter = sp.GetRequiredService<IRateLimiter>();
        var bucket = "register:" + Guid.NewGuid().ToString("N");
        await WaitUntilConnectedAsync(sp);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => limiter.HitAsync(bucket, 20, TimeSpan.FromMinutes(1), default)));

        Assert.Equal(20, decisions.Count(d => d.Allowed));
    }

    [Fact]
    public async Task Hit_RedisUnavailable_FailsOpenQuickly()
    {
        using var server = new HangingServer();
        using var hanging = RedisFixture.Start($"redis://127.0.0.1:{server.Port}/0", _time);
        using var closed = RedisFixture.Start($"redis://127.0.0.1:{RedisFixture.ClosedPort()}/0", _time);

        foreach (var sp in new[] { hanging, closed })
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < 3; i++)
            {
                Assert.True((await sp.GetRequiredService<IRateLimiter>().HitAsync("x", 1, TimeSpan.FromMinutes(1), default)).Allowed);
            }

            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
        }
    }

    private static Task WaitUntilConnectedAsync(IServiceProvider sp) => RevocationCacheTests.WaitUntilConnectedAsync(sp);
}
