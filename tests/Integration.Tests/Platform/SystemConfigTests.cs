using System.Diagnostics;
using AuthService.Application.SystemConfig;
using Xunit.Abstractions;

namespace AuthService.Integration.Tests.Platform;

/// <summary>The first instance of a deployment; its environment says invite-only and 5 sessions.</summary>
public sealed class ConfiguredApp : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AUTH:REGISTRATION"] = "invite_only",
        ["AUTH:MAX_SESSIONS_PER_USER"] = "5",
    };
}

/// <summary>Another instance over the same database and Redis (or, with <c>redisUrl</c>, a Redis it cannot reach).</summary>
public sealed class PeerInstance(AuthServiceApp first, string? redisUrl = null) : AuthServiceApp(first)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => redisUrl is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["REDIS:URL"] = redisUrl };
}

public sealed class SystemConfigTests(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private readonly AdminClient _admin = new(app, app.Api());

    private Task<HttpResponseMessage> PutAsync(string key, object? value) =>
        _admin.SendAsync(HttpMethod.Put, $"/api/v1/admin/config/{key}", new { value });

    /// <summary>How long after <paramref name="watch"/> started (just before the change was sent) the instance had applied it.</summary>
    private static async Task<TimeSpan> SeenWithinAsync(AuthServiceApp instance, Stopwatch watch, Func<SystemSettingsSnapshot, bool> applied)
    {
        var settings = instance.Services.GetRequiredService<ISystemSettings>();
        while (!applied(settings.Current))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "The change did not reach the other instance within 5 s.");
            await Task.Delay(5);
        }

        return watch.Elapsed;
    }

    [Fact]
    public async Task List_ShowsEveryKnownSetting_WithItsSource()
    {
        var items = (await Expect.JsonAsync(await _admin.SendAsync(HttpMethod.Get, "/api/v1/admin/config"), 200))
            .GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);

        Assert.Equal(SettingCatalogue.All.Select(d => d.Key).Order(), items.Keys.Order());
        Assert.Equal("environment", items["auth.registration"].GetProperty("source").GetString());
        Assert.Equal("invite_only", items["auth.registration"].GetProperty("value").GetString());
        Assert.Equal(5, items["auth.max_sessions_per_user"].GetProperty("value").GetInt32());
        Assert.Equal("default", items["auth.session_limit_mode"].GetProperty("source").GetString());
        Assert.Equal("revoke_oldest", items["auth.session_limit_mode"].GetProperty("value").GetString());
        Assert.Equal("auth", items["auth.session_limit_mode"].GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, items["auth.session_limit_mode"].GetProperty("updated_at").ValueKind);
    }

    [Fact]
    public async Task Update_Validates_KnownKeysOnly_AndTheDatabaseWinsOverTheEnvironment_UntilReset()
    {
        await Expect.ErrorAsync(await PutAsync("auth.nope", "x"), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await PutAsync("auth.registration", "sometimes"), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await PutAsync("auth.registration", null), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await PutAsync("auth.max_sessions_per_user", -1), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await PutAsync("auth.max_sessions_per_user", 2.5), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await PutAsync("cors.origins", new[] { "https://app.example.com/path" }), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await PutAsync("cors.origins", 7), 422, "VALIDATION_ERROR");

        var origins = await Expect.JsonAsync(await PutAsync("cors.origins", "https://B.example.com, https://a.example.com:8443/"), 200);
        Assert.Equal(["https://a.example.com:8443", "https://b.example.com"], origins.GetProperty("value").EnumerateArray().Select(e => e.GetString()));

        var updated = await Expect.JsonAsync(await PutAsync("auth.registration", "open"), 200);
        Assert.Equal("open", updated.GetProperty("value").GetString());
        Assert.Equal("database", updated.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(updated.GetProperty("updated_by").GetString()));
        await Expect.StatusAsync(await app.Api().PostAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = ApiClient.Password }), 201);

        var reset = await Expect.JsonAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/auth.registration"), 200);
        Assert.Equal("environment", reset.GetProperty("source").GetString());
        Assert.Equal("invite_only", reset.GetProperty("value").GetString());
        await Expect.ErrorAsync(
            await app.Api().PostAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = ApiClient.Password }), 403, "INVITE_REQUIRED");
        Assert.True(await app.QueryAsync<long>("SELECT count(*) FROM audit_events WHERE action IN ('config.update', 'config.reset')") >= 3);
        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/cors.origins"), 200);
    }

    [Fact]
    public async Task AChangeOnOneInstance_ReachesAnother_WithinFiveSeconds()
    {
        await using var peer = new PeerInstance(app);
        await ((IAsyncLifetime)peer).InitializeAsync();
        Assert.Equal(5, peer.Services.GetRequiredService<ISystemSettings>().Current.MaxSessionsPerUser);

        var watch = Stopwatch.StartNew();
        await Expect.StatusAsync(await PutAsync("auth.max_sessions_per_user", 7), 200);
        var elapsed = await SeenWithinAsync(peer, watch, s => s.MaxSessionsPerUser == 7);

        // What a client sees: the other instance now refuses registration without an invitation... and then allows it.
        await Expect.StatusAsync(await PutAsync("auth.registration", "open"), 200);
        await SeenWithinAsync(peer, Stopwatch.StartNew(), s => s.Registration == RegistrationMode.Open);
        var peerApi = peer.Api();
        await Expect.StatusAsync(await peerApi.PostAsync("/api/v1/auth/register", new { email = ApiClient.NewEmail(), password = ApiClient.Password }), 201);
        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/auth.registration"), 200);
        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/auth.max_sessions_per_user"), 200);
        output.WriteLine($"config propagation, PUT sent to applied on the other instance (Redis pub/sub): {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task WithoutTheNotification_ThePeriodicReRead_StillAppliesTheChange_WithinFiveSeconds()
    {
        await using var peer = new PeerInstance(app, redisUrl: "redis://127.0.0.1:1/0");
        await ((IAsyncLifetime)peer).InitializeAsync();

        var watch = Stopwatch.StartNew();
        await Expect.StatusAsync(await PutAsync("auth.session_limit_mode", "deny"), 200);
        var elapsed = await SeenWithinAsync(peer, watch, s => s.SessionLimitMode == SessionLimitMode.Deny);
        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/auth.session_limit_mode"), 200);
        output.WriteLine($"config propagation, PUT sent to applied on the other instance (periodic re-read only): {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task CorsOrigins_ChangedOnOneInstance_AreHonouredByAnother_WithoutRestart()
    {
        const string Origin = "https://new-app.example.test";
        await using var peer = new PeerInstance(app);
        await ((IAsyncLifetime)peer).InitializeAsync();
        using var peerHttp = peer.Public();
        Assert.Null(await AllowedOriginAsync(peerHttp, Origin));

        var watch = Stopwatch.StartNew();
        await Expect.StatusAsync(await PutAsync("cors.origins", new[] { Origin }), 200);
        while (await AllowedOriginAsync(peerHttp, Origin) is null)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "The other instance did not allow the new origin within 5 s.");
            await Task.Delay(20);
        }

        output.WriteLine($"CORS origin allowed by the other instance {watch.Elapsed.TotalMilliseconds:F0} ms after the PUT was sent");
        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/cors.origins"), 200);
        await SeenWithinAsync(peer, Stopwatch.StartNew(), s => s.CorsOrigins.Count == 0);
        Assert.Null(await AllowedOriginAsync(peerHttp, Origin));
    }

    [Fact]
    public async Task RateLimits_AreKnownSettings_ValidatedAndReloadedEverywhere()
    {
        await using var peer = new PeerInstance(app);
        await ((IAsyncLifetime)peer).InitializeAsync();
        var rules = peer.Services.GetRequiredService<AuthService.Application.Abstractions.IRuntimeSettings>();
        var before = rules.RateLimit("login");

        await Expect.ErrorAsync(await PutAsync("rate_limit.login.limit", 0), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await PutAsync("rate_limit.nope.limit", 5), 404, "NOT_FOUND");
        await Expect.StatusAsync(await PutAsync("rate_limit.login.limit", before.Limit + 7), 200);
        await Expect.StatusAsync(await PutAsync("rate_limit.login.window_seconds", 42), 200);
        await SeenWithinAsync(peer, Stopwatch.StartNew(), s => s.RateLimit("login") == new AuthService.Application.Abstractions.RateLimitRule(before.Limit + 7, TimeSpan.FromSeconds(42)));
        Assert.Equal(TimeSpan.FromSeconds(42), rules.RateLimit("login").Window);

        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/rate_limit.login.limit"), 200);
        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/rate_limit.login.window_seconds"), 200);
        await SeenWithinAsync(peer, Stopwatch.StartNew(), s => s.RateLimit("login") == before);
    }

    private static async Task<string?> AllowedOriginAsync(HttpClient http, string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/auth/login");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await http.SendAsync(preflight);
        return answer.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
