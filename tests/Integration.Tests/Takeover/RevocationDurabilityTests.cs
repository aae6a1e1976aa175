using System.Diagnostics;
using AuthService.Adapters.Redis;
using AuthService.Integration.Tests.Adapters;
using AuthService.Integration.Tests.Adapters.Redis;
using AuthService.Integration.Tests.Api;

namespace AuthService.Integration.Tests.Takeover;

/// <summary>One instance of the service with its own Redis address, optionally on another instance's database.</summary>
internal sealed class Instance(string redisUrl, string keysDir, string? databaseUrl = null) : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings
    {
        get
        {
            // One signing key for both, as instances of one deployment share it.
            var settings = new Dictionary<string, string?>
            {
                ["REDIS:URL"] = redisUrl,
                ["REDIS:TIMEOUT_MS"] = "300",
                ["JWT:SIGNING_KEYS_DIR"] = keysDir,
            };
            if (databaseUrl is not null)
            {
                settings["DATABASE:URL"] = databaseUrl;
            }

            return settings;
        }
    }
}

/// <summary>
/// Sequence 10: the instance that revoked a session never got it to Redis (cut off from it, then
/// gone), while another instance goes on trusting Redis. On logical database 4, of its own.
/// </summary>
public sealed class RevocationDurabilityTests
{
    private const string Unreachable = "redis://127.0.0.1:1/4";

    [Fact]
    public Task Seq10_RevokedOnAnInstanceCutOffFromRedis_AnotherInstanceRejectsWithinASecond() =>
        OnTwoInstancesAsync(async (_, a, b, token) =>
        {
            await Expect.StatusAsync(await a.Api().PostAsync("/api/v1/auth/logout", new { }, token), 204);

            Assert.True(await RejectedWithinAsync(b, token, TimeSpan.FromSeconds(1)) is not null,
                "the other instance still accepted the revoked session after 1 s");
        });

    [Fact]
    public Task Seq10_RevokedDuringARedisOutage_ByAnInstanceThatThenDies_IsRejectedThroughTheOutageAndAfter() =>
        OnTwoInstancesAsync(async (proxy, a, b, token) =>
        {
            proxy.Freeze();
            await Expect.StatusAsync(await a.Api().PostAsync("/api/v1/auth/logout", new { }, token), 204);
            await a.DisposeAsync(); // the instance that revoked is gone before anything reached Redis

            // Through the outage: PostgreSQL answers (once B's half-second "not revoked" memory is dropped).
            Assert.True(await RejectedWithinAsync(b, token, TimeSpan.FromSeconds(1)) is not null,
                "the other instance accepted the revoked session during the outage");

            // Redis is back, with its data and its "complete" marker, but without this revocation.
            proxy.Thaw();
            Assert.True(await RejectedWithinAsync(b, token, TimeSpan.FromSeconds(1)) is not null,
                "the other instance accepted the revoked session once Redis was back");
        });

    /// <summary>
    /// A cut off from Redis, B reaching it through a proxy the scenario may freeze, one database,
    /// a session valid on both (B's revocation cache complete first).
    /// </summary>
    private static async Task OnTwoInstancesAsync(Func<FreezableProxy, Instance, Instance, string, Task> scenario)
    {
        using var proxy = RedisProxy();
        using var keys = new TempDirectory();
        var b = await StartAsync(new Instance(ProxyUrl(proxy), keys.Path));
        var a = await StartAsync(new Instance(Unreachable, keys.Path, b.ConnectionString));
        try
        {
            await WaitForCompleteCacheAsync(b);
            await scenario(proxy, a, b, await SignedInOnBothAsync(a, b));
        }
        finally
        {
            proxy.Thaw();
            await StopAsync(a, b);
        }
    }

    private static FreezableProxy RedisProxy()
    {
        var (host, port, _) = RedisFixture.RealEndpoint();
        return new FreezableProxy(host, port);
    }

    private static string ProxyUrl(FreezableProxy proxy) => $"redis://127.0.0.1:{proxy.Port}/4";

    private static async Task<Instance> StartAsync(Instance instance)
    {
        await ((IAsyncLifetime)instance).InitializeAsync();
        return instance;
    }

    /// <summary>The instance on another's database first: the owner drops the database when it goes.</summary>
    private static async Task StopAsync(Instance a, Instance b)
    {
        await ((IAsyncLifetime)a).DisposeAsync();
        await ((IAsyncLifetime)b).DisposeAsync();
    }

    /// <summary>Until the marker is there, every check asks PostgreSQL and the test would prove nothing.</summary>
    private static async Task WaitForCompleteCacheAsync(Instance b)
    {
        var connection = b.Services.GetRequiredService<RedisConnection>();
        var redis = (await connection.GetAsync()).GetDatabase(connection.Database);
        Assert.True(await RevocationCacheTests.EventuallyAsync(() => redis.KeyExistsAsync(RedisKeys.RevocationsComplete)), "the cache was never filled");
    }

    private static async Task<string> SignedInOnBothAsync(Instance a, Instance b)
    {
        var api = a.Api();
        var token = CoreFlowTests.Token(await api.LoginAsync(await api.RegisterVerifiedAsync()));
        await Expect.StatusAsync(await b.Api().GetAsync("/api/v1/users/me", token), 200);
        return token;
    }

    /// <summary>How long until <paramref name="instance"/> refused the token, if it did within <paramref name="bound"/>; it must then keep refusing.</summary>
    private static async Task<TimeSpan?> RejectedWithinAsync(Instance instance, string token, TimeSpan bound)
    {
        var api = instance.Api();
        var clock = Stopwatch.StartNew();
        TimeSpan? rejected = null;
        while (clock.Elapsed < bound + TimeSpan.FromSeconds(1))
        {
            using var response = await api.GetAsync("/api/v1/users/me", token);
            if ((int)response.StatusCode == 401)
            {
                rejected ??= clock.Elapsed;
            }
            else if (rejected is not null)
            {
                return null; // accepted again after a refusal
            }

            await Task.Delay(50);
        }

        return rejected <= bound ? rejected : null;
    }
}
