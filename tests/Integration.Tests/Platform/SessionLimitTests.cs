namespace AuthService.Integration.Tests.Platform;

public sealed class SessionLimitApp() : SettingsApp(("AUTH:MAX_SESSIONS_PER_USER", "3"));

/// <summary>AUTH__MAX_SESSIONS_PER_USER=3: revoke_oldest by default, deny when set so at run time.</summary>
public sealed class SessionLimitTests(SessionLimitApp app) : IClassFixture<SessionLimitApp>
{
    private readonly ApiClient _api = app.Api();

    private Task<long> ActiveSessionsAsync(string email) => app.QueryAsync<long>(
        "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = @email AND s.revoked_at IS NULL",
        new { email });

    private static string Access(System.Text.Json.JsonElement tokens) => tokens.GetProperty("access_token").GetString()!;

    [Fact]
    public async Task FourthSignIn_RevokesTheLeastRecentlyUsedSession_Published_AndAudited()
    {
        var email = await _api.RegisterVerifiedAsync();
        var first = await _api.LoginAsync(email);
        var second = await _api.LoginAsync(email);
        var third = await _api.LoginAsync(email);

        // Refreshing the first makes it recently used: the second is now the least recently used.
        var refreshed = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = first.GetProperty("refresh_token").GetString() }), 200);
        var fourth = await _api.LoginAsync(email);

        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", Access(second)), 401, "SESSION_REVOKED");
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", Access(refreshed)), 200);
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", Access(third)), 200);
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", Access(fourth)), 200);
        Assert.Equal(3, await ActiveSessionsAsync(email));
        Assert.Equal("session_limit", await app.QueryAsync<string>(
            "SELECT revoked_reason FROM sessions WHERE id = @id", new { id = Guid.Parse(second.GetProperty("session_id").GetString()!) }));
    }

    [Fact]
    public async Task TwentyParallelSignIns_NeverExceedTheLimit()
    {
        var email = await _api.RegisterVerifiedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password })));

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(3, await ActiveSessionsAsync(email));
    }

    [Fact]
    public async Task DenyMode_RefusesTheSignIn_With409_EvenInParallel()
    {
        var admin = new AdminClient(app, _api);
        var email = await _api.RegisterVerifiedAsync();
        await Expect.StatusAsync(await admin.SendAsync(HttpMethod.Put, "/api/v1/admin/config/auth.session_limit_mode", new { value = "deny" }), 200);
        try
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password })));

            Assert.Equal(3, responses.Count(r => (int)r.StatusCode == 200));
            Assert.Equal(17, responses.Count(r => (int)r.StatusCode == 409));
            await Expect.ErrorAsync(responses.First(r => (int)r.StatusCode == 409), 409, "SESSION_LIMIT_REACHED");
            Assert.Equal(3, await ActiveSessionsAsync(email));
        }
        finally
        {
            await Expect.StatusAsync(await admin.SendAsync(HttpMethod.Delete, "/api/v1/admin/config/auth.session_limit_mode"), 200);
        }
    }
}
