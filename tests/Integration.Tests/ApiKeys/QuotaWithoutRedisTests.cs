namespace AuthService.Integration.Tests.ApiKeys;

/// <summary>The service pointed at a Redis that is not there: nothing listens on port 1.</summary>
public sealed class NoRedisApp() : SettingsApp(("REDIS:URL", "redis://127.0.0.1:1/0"));

public sealed class QuotaWithoutRedisTests(NoRedisApp app) : IClassFixture<NoRedisApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly DownstreamService _downstream = new(app, app.Api());

    /// <summary>As a downstream service calls it: with a service key an admin issued.</summary>
    private Task<HttpResponseMessage> IntrospectAsync(object body) => _downstream.IntrospectAsync(body);

    [Fact]
    public async Task Quota_FailsOpen_WhenRedisIsDown()
    {
        var email = await _api.RegisterVerifiedAsync();
        var access = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        await app.ExecuteAsync("UPDATE users SET plan = 'anonym' WHERE lower(email) = lower(@email)", new { email });

        // The anonym plan allows one call a day; with no counters every call is let through.
        for (var i = 0; i < 3; i++)
        {
            var body = await Expect.JsonAsync(
                await IntrospectAsync(new { token = access, service = "cvmaker", consume = true }), 200);
            Assert.True(body.GetProperty("active").GetBoolean());
            Assert.Equal(0, body.GetProperty("quota").GetProperty("used").GetInt32());
            Assert.Equal(1, body.GetProperty("quota").GetProperty("limit").GetInt32());
        }

        var usage = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/usage", access), 200);
        Assert.All(usage.GetProperty("items").EnumerateArray(), i => Assert.Equal(0, i.GetProperty("used").GetInt32()));
    }
}
