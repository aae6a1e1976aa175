namespace AuthService.Integration.Tests.Api;

/// <summary>The service pointed at a Redis that is not there: degraded, never unsafe.</summary>
public sealed class RedisDownApp : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["REDIS:URL"] = "redis://127.0.0.1:1/0", ["REDIS:TIMEOUT_MS"] = "100" };
}

public sealed class RedisOutageTests(RedisDownApp app) : IClassFixture<RedisDownApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task Ready_Is503NamingRedis_LiveStays200()
    {
        await Expect.StatusAsync(await _api.GetAsync("/health/live"), 200);
        var ready = await Expect.JsonAsync(await _api.GetAsync("/health/ready"), 503);
        Assert.Equal("unavailable", ready.GetProperty("checks").GetProperty("redis").GetString());
        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("postgres").GetString());
    }

    [Fact]
    public async Task WithoutRedis_SignInWorks_AndRevocationFallsBackToPostgres()
    {
        var email = await _api.RegisterVerifiedAsync();
        var a = await _api.LoginAsync(email);
        var b = await _api.LoginAsync(email);
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(b)), 200);

        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/sessions/{b.GetProperty("session_id").GetString()}", CoreFlowTests.Token(a)), 204);
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(b)), 401, "SESSION_REVOKED");
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(a)), 200);
    }
}
