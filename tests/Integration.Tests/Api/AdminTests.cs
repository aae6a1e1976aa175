namespace AuthService.Integration.Tests.Api;

public sealed class AdminTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task NonAdminToken_IsForbidden_NoToken_IsUnauthorized()
    {
        var token = CoreFlowTests.Token(await _api.LoginAsync(await _api.RegisterVerifiedAsync()));
        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Get, "/api/v1/admin/stats", token), 403, "FORBIDDEN");
        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Get, "/api/v1/admin/stats", null), 401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Search_Details_Stats_AuditLog()
    {
        var admin = await AdminTokenAsync();
        var email = await _api.RegisterVerifiedAsync();
        await _api.LoginAsync(email, "tablet");

        var page = await Expect.JsonAsync(await AdminAsync(HttpMethod.Get, $"/api/v1/admin/users?query={Uri.EscapeDataString(email)}&page=1&page_size=5", admin), 200);
        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal(5, page.GetProperty("page_size").GetInt32());
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();

        var details = await Expect.JsonAsync(await AdminAsync(HttpMethod.Get, $"/api/v1/admin/users/{id}", admin), 200);
        Assert.Equal(email, details.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("tablet", details.GetProperty("sessions")[0].GetProperty("device_name").GetString());
        Assert.Equal(JsonValueKind.Array, details.GetProperty("identities").ValueKind);

        var stats = await Expect.JsonAsync(await AdminAsync(HttpMethod.Get, "/api/v1/admin/stats", admin), 200);
        Assert.True(stats.GetProperty("users").GetInt64() >= 2);
        Assert.True(stats.GetProperty("logins_last24h").GetInt64() >= 2);

        var audit = await Expect.JsonAsync(await AdminAsync(HttpMethod.Get, $"/api/v1/admin/audit-log?user_id={id}&action=login.success", admin), 200);
        Assert.Equal("login.success", audit.GetProperty("items")[0].GetProperty("action").GetString());

        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Get, "/api/v1/admin/users?page_size=1000", admin), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Get, "/api/v1/admin/users?page=abc", admin), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Get, $"/api/v1/admin/users/{Guid.NewGuid()}", admin), 404, "NOT_FOUND");
    }

    [Fact]
    public async Task Disable_RevokesSessions_AndBlocksLogin_ThenEnableAgain()
    {
        var admin = await AdminTokenAsync();
        var email = await _api.RegisterVerifiedAsync();
        var tokens = await _api.LoginAsync(email);
        var id = tokens.GetProperty("user").GetProperty("id").GetString();

        var disabled = await Expect.JsonAsync(await AdminAsync(HttpMethod.Post, $"/api/v1/admin/users/{id}/status", admin, new { status = "disabled" }), 200);
        Assert.Equal("disabled", disabled.GetProperty("status").GetString());
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(tokens)), 401, "SESSION_REVOKED");
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password }), 403, "ACCOUNT_DISABLED");

        await Expect.StatusAsync(await AdminAsync(HttpMethod.Post, $"/api/v1/admin/users/{id}/status", admin, new { status = "active" }), 200);
        await _api.LoginAsync(email);
        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Post, $"/api/v1/admin/users/{id}/status", admin, new { status = "gone" }), 422, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task RolesAndPlan_Change_AndShowInNewTokens()
    {
        var admin = await AdminTokenAsync();
        var email = await _api.RegisterVerifiedAsync();
        var id = (await _api.LoginAsync(email)).GetProperty("user").GetProperty("id").GetString();

        await Expect.StatusAsync(await AdminAsync(HttpMethod.Put, $"/api/v1/admin/users/{id}/roles", admin, new { roles = new[] { "user", "support" } }), 200);
        await Expect.StatusAsync(await AdminAsync(HttpMethod.Put, $"/api/v1/admin/users/{id}/plan", admin, new { plan = "pro" }), 200);
        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Put, $"/api/v1/admin/users/{id}/plan", admin, new { plan = "platinum" }), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(await AdminAsync(HttpMethod.Put, $"/api/v1/admin/users/{id}/roles", admin, new { roles = new[] { "Bad Role" } }), 422, "VALIDATION_ERROR");

        var user = (await _api.LoginAsync(email)).GetProperty("user");
        Assert.Equal("pro", user.GetProperty("plan").GetString());
        Assert.Equal(["user", "support"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task RevokeAllSessions_OfAUser()
    {
        var admin = await AdminTokenAsync();
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var id = tokens.GetProperty("user").GetProperty("id").GetString();
        await Expect.StatusAsync(await AdminAsync(HttpMethod.Delete, $"/api/v1/admin/users/{id}/sessions", admin), 204);
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(tokens)), 401, "SESSION_REVOKED");
    }

    private async Task<string> AdminTokenAsync()
    {
        var email = await _api.RegisterVerifiedAsync();
        await app.ExecuteAsync("UPDATE users SET roles = '{user,admin}' WHERE email = @email", new { email });
        return CoreFlowTests.Token(await _api.LoginAsync(email));
    }

    private Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, string? token, object? body = null) =>
        AdminClient.SendAsync(app, method, path, token, body);
}
