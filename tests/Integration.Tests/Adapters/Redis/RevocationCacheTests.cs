using AuthService.Adapters.Redis;
using AuthService.Application.Abstractions;
using StackExchange.Redis;

namespace AuthService.Integration.Tests.Adapters.Redis;

public sealed class RevocationCacheTests
{
    // A Redis that does not answer must cost a call REDIS__TIMEOUT_MS (100 ms here), not the
    // client's default 5 s; the bound leaves room for a busy machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task MarkRevoked_ThenIsRevoked_IsTrueWithTtlOfTokenLifetimePlusAMinute()
    {
        using var sp = RedisFixture.StartReal(extra: ("JWT:ACCESS_TOKEN_MINUTES", "2"));
        var cache = await CompleteCacheAsync(sp);
        var revoked = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();

        await cache.MarkRevokedAsync([revoked], default);

        Assert.True(await cache.IsRevokedAsync(revoked, default));
        Assert.False(await cache.IsRevokedAsync(other, default));
        var ttl = await TtlAsync(sp, $"auth:revoked:{revoked}");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(170), TimeSpan.FromSeconds(180));
    }

    [Fact]
    public async Task MarkRevoked_ManySessions_MarksEveryOne()
    {
        using var sp = RedisFixture.StartReal();
        await WaitUntilConnectedAsync(sp);
        var cache = sp.GetRequiredService<IRevocationCache>();
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.CreateVersion7()).ToArray();

        await cache.MarkRevokedAsync(ids, default);

        foreach (var id in ids)
        {
            Assert.True(await cache.IsRevokedAsync(id, default));
        }

        Assert.InRange((await TtlAsync(sp, $"auth:revoked:{ids[^1]}"))!.Value, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task IsRevoked_RedisOnClosedPort_ReturnsNullWithinTheTimeout()
    {
        using var sp = RedisFixture.Start($"redis://127.0.0.1:{RedisFixture.ClosedPort()}/0");
        var cache = sp.GetRequiredService<IRevocationCache>();

        var (first, firstTime) = await TimedAsync(() => cache.IsRevokedAsync(Guid.CreateVersion7(), default));
        var (second, secondTime) = await TimedAsync(() => cache.IsRevokedAsync(Guid.CreateVersion7(), default));

        Assert.Null(first);
        Assert.Null(second);
        Assert.True(firstTime < Bound, $"first call took {firstTime}");
        Assert.True(secondTime < Bound, $"second call took {secondTime}");
        await cache.MarkRevokedAsync([Guid.CreateVersion7()], default);
    }

    [Fact]
    public async Task IsRevoked_ServerThatNeverAnswers_ReturnsNullWithinTheTimeout()
    {
        using var server = new HangingServer();
        using var sp = RedisFixture.Start($"redis://127.0.0.1:{server.Port}/0");
        var cache = sp.GetRequiredService<IRevocationCache>();

        for (var i = 0; i < 3; i++)
        {
            var (answer, took) = await TimedAsync(() => cache.IsRevokedAsync(Guid.CreateVersion7(), default));
            Assert.Null(answer);
            Assert.True(took < Bound, $"call {i} took {took}");
        }
    }

    [Fact]
    public async Task IsRevoked_ServerHangsAfterConnecting_ReturnsNullWithinTheTimeoutThenRecovers()
    {
        var (host, port, db) = RedisFixture.RealEndpoint();
        using var proxy = new FreezableProxy(host, port);
        using var sp = RedisFixture.Start($"redis://127.0.0.1:{proxy.Port}/{db}");
        var cache = sp.GetRequiredService<IRevocationCache>();
        Assert.True(await EventuallyAsync(() => RefillAsync(cache, [])));
        var id = Guid.CreateVersion7();
        Assert.False(await EventuallyAnswersAsync(cache, id));

        proxy.Freeze();
        var (answer, took) = await TimedAsync(() => cache.IsRevokedAsync(Guid.CreateVersion7(), default));
        Assert.Null(answer);
        Assert.InRange(took, TimeSpan.FromMilliseconds(RedisFixture.ShortTimeoutMs - 10), Bound);

        // Revoked while Redis hangs: remembered here, answered as revoked, written once it is back.
        await cache.MarkRevokedAsync([id], default);
        proxy.Thaw();
        var revocations = sp.GetRequiredService<RedisRevocationCache>();
        Assert.True(await EventuallyAsync(async () =>
        {
            await revocations.HousekeepAsync(default);
            return revocations.PendingCount == 0;
        }));
        Assert.NotNull(await TtlAsync(sp, $"auth:revoked:{id}"));
        Assert.True(await cache.IsRevokedAsync(id, default));
    }

    [Fact]
    public async Task RevokedOnAnotherInstance_IsSeenHereOnceTheRecheckHorizonHasPassed()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var here = RedisFixture.StartReal(time, ("REDIS:REVOCATION_RECHECK_MS", "500"));
        using var elsewhere = RedisFixture.StartReal();
        await WaitUntilConnectedAsync(elsewhere);
        var cache = await CompleteCacheAsync(here);
        var id = Guid.CreateVersion7();
        Assert.False(await cache.IsRevokedAsync(id, default));

        await elsewhere.GetRequiredService<IRevocationCache>().MarkRevokedAsync([id], default);

        Assert.False(await cache.IsRevokedAsync(id, default)); // this instance's answer of 0 ms ago
        time.Now += TimeSpan.FromMilliseconds(499);
        Assert.False(await cache.IsRevokedAsync(id, default));
        time.Now += TimeSpan.FromMilliseconds(1);
        Assert.True(await cache.IsRevokedAsync(id, default));
    }

    [Fact]
    public async Task RevokedOnThisInstance_IsSeenAtOnce()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var sp = RedisFixture.StartReal(time, ("REDIS:REVOCATION_RECHECK_MS", "900"));
        var cache = await CompleteCacheAsync(sp);
        var id = Guid.CreateVersion7();
        Assert.False(await cache.IsRevokedAsync(id, default));

        await cache.MarkRevokedAsync([id], default);

        Assert.True(await cache.IsRevokedAsync(id, default));
    }

    [Fact]
    public async Task RecheckZero_AsksRedisEveryTime()
    {
        using var here = RedisFixture.StartReal(extra: ("REDIS:REVOCATION_RECHECK_MS", "0"));
        using var elsewhere = RedisFixture.StartReal();
        var cache = await CompleteCacheAsync(here);
        var id = Guid.CreateVersion7();
        Assert.False(await cache.IsRevokedAsync(id, default));

        await elsewhere.GetRequiredService<IRevocationCache>().MarkRevokedAsync([id], default);

        Assert.True(await cache.IsRevokedAsync(id, default));
    }

    [Fact]
    public void NotRevokedMemory_AnswerAskedBeforeARevocationHere_IsNotRemembered()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var memory = new NotRevokedMemory(TimeSpan.FromMilliseconds(500), time);
        var (inFlight, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var asked = memory.BeforeAsking();       // a request asks Redis ...
        memory.Forget([inFlight]);               // ... a revocation lands here meanwhile ...
        memory.Remember(inFlight, asked);        // ... and the stale "not revoked" comes back.
        memory.Remember(other, memory.BeforeAsking());

        Assert.False(memory.Remembers(inFlight));
        Assert.True(memory.Remembers(other));
        time.Now += TimeSpan.FromMilliseconds(500);
        Assert.False(memory.Remembers(other));
        memory.Prune();
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void Start_WithRecheckOverASecond_FailsNamingTheVariable()
    {
        var failure = AdapterHost.StartFailure((s, c) => s.AddRedis(c), new Dictionary<string, string?>
        {
            ["REDIS:URL"] = TestServices.RedisUrl,
            ["REDIS:REVOCATION_RECHECK_MS"] = "1000",
        });

        Assert.Contains("REDIS__REVOCATION_RECHECK_MS", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_AnswersForRealRedisOnly()
    {
        using var real = RedisFixture.StartReal();
        using var down = RedisFixture.Start($"redis://127.0.0.1:{RedisFixture.ClosedPort()}/0");

        var probe = real.GetRequiredService<IDependencyProbe>();
        Assert.Equal("redis", probe.Name);
        Assert.True(await EventuallyAsync(() => probe.IsReadyAsync(default)));
        Assert.False(await down.GetRequiredService<IDependencyProbe>().IsReadyAsync(default));
    }

    /// <summary>Connected, with the "complete" marker set, so absent entries mean "not revoked".</summary>
    private static async Task<IRevocationCache> CompleteCacheAsync(IServiceProvider sp)
    {
        await WaitUntilConnectedAsync(sp);
        var cache = sp.GetRequiredService<IRevocationCache>();
        Assert.True(await RefillAsync(cache, []));
        return cache;
    }

    internal static async Task<bool> RefillAsync(IRevocationCache cache, Guid[] revoked) =>
        await cache.BeginRestoreAsync(default) is { } ticket && await cache.RestoreAsync(ticket, revoked, default);

    internal static async Task WaitUntilConnectedAsync(IServiceProvider sp) =>
        Assert.True(await EventuallyAsync(() => sp.GetRequiredService<IDependencyProbe>().IsReadyAsync(default)), "Redis did not answer.");

    internal static async Task<IDatabase> DatabaseAsync(IServiceProvider sp)
    {
        var connection = sp.GetRequiredService<RedisConnection>();
        return (await connection.GetAsync()).GetDatabase(connection.Database);
    }

    internal static async Task<TimeSpan?> TtlAsync(IServiceProvider sp, string key)
    {
        var multiplexer = await sp.GetRequiredService<RedisConnection>().GetAsync();
        return await multiplexer.GetDatabase(sp.GetRequiredService<RedisConnection>().Database).KeyTimeToLiveAsync(key);
    }

    /// <summary>True once <paramref name="check"/> is (the first call may land while the client is still connecting); gives up after 5 s.</summary>
    internal static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await check())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static async Task<bool?> EventuallyAnswersAsync(IRevocationCache cache, Guid id)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await cache.IsRevokedAsync(id, default) is { } answer)
            {
                return answer;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private static async Task<(T Result, TimeSpan Took)> TimedAsync<T>(Func<Task<T>> call)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await call();
        return (result, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}
