using AuthService.Adapters.Redis;
using AuthService.Integration.Tests.Adapters.Redis;
using StackExchange.Redis;

namespace AuthService.Integration.Tests.Api;

/// <summary>On a logical Redis database of its own: these tests remove keys every instance shares.</summary>
public sealed class RedisDataLossApp : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["REDIS:URL"] = TestServices.RedisUrlOnDatabase(7) };
}

public sealed class RedisDataLossTests(RedisDataLossApp app) : IClassFixture<RedisDataLossApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task RedisLosingItsData_NeverBringsARevokedSessionBack_AndTheCacheIsRefilled()
    {
        var email = await _api.RegisterVerifiedAsync();
        var a = await _api.LoginAsync(email);
        var b = await _api.LoginAsync(email);
        var revokedId = Guid.Parse(b.GetProperty("session_id").GetString()!);
        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/sessions/{revokedId}", CoreFlowTests.Token(a)), 204);
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(b)), 401, "SESSION_REVOKED");

        // Redis restarts without persistence: every key is gone, the marker with them.
        var redis = await RedisAsync();
        await redis.ScriptEvaluateAsync("for _, k in ipairs(redis.call('KEYS', '*')) do redis.call('DEL', k) end");

        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(b)), 401, "SESSION_REVOKED");
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(a)), 200);

        // The restorer refills the cache from PostgreSQL within about a second.
        Assert.True(await RevocationCacheTests.EventuallyAsync(() => redis.KeyExistsAsync(RedisKeys.RevocationsComplete)), "the cache was not refilled");
        Assert.True(await redis.KeyExistsAsync(RedisKeys.Revoked(revokedId)));
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(b)), 401, "SESSION_REVOKED");
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(a)), 200);
    }

    private async Task<IDatabase> RedisAsync()
    {
        var connection = app.Services.GetRequiredService<RedisConnection>();
        return (await connection.GetAsync()).GetDatabase(connection.Database);
    }
}
