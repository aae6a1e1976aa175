namespace AuthService.Integration.Tests.Api;

/// <summary>X-API-Key stands for its owner on read-only routes and nowhere else.</summary>
public sealed class ApiKeyAuthenticationTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task ApiKey_ReadsProfileAndUsage_ButCannotManageSessionsKeysOrAccount()
    {
        var email = await _api.RegisterVerifiedAsync();
        var token = CoreFlowTests.Token(await _api.LoginAsync(email));
        var created = await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "ci", scopes = new[] { "read" } }, token), 201);
        var key = created.GetProperty("key").GetString()!;

        var me = await Expect.JsonAsync(await WithKeyAsync(HttpMethod.Get, "/api/v1/users/me", key), 200);
        Assert.Equal(email, me.GetProperty("email").GetString());
        await Expect.StatusAsync(await WithKeyAsync(HttpMethod.Get, "/api/v1/users/me/usage", key), 200);

        await Expect.ErrorAsync(await WithKeyAsync(HttpMethod.Get, "/api/v1/sessions", key), 403, "FORBIDDEN");
        await Expect.ErrorAsync(await WithKeyAsync(HttpMethod.Post, "/api/v1/api-keys", key), 403, "FORBIDDEN");
        await Expect.ErrorAsync(await WithKeyAsync(HttpMethod.Delete, "/api/v1/users/me", key), 403, "FORBIDDEN");
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", token), 200);
    }

    [Fact]
    public async Task WrongOrRevokedKey_Is401InvalidToken()
    {
        await Expect.ErrorAsync(await WithKeyAsync(HttpMethod.Get, "/api/v1/users/me", "ask_nothing_here"), 401, "INVALID_TOKEN");

        var token = CoreFlowTests.Token(await _api.LoginAsync(await _api.RegisterVerifiedAsync()));
        var created = await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "old" }, token), 201);
        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetString()}", token), 204);
        await Expect.ErrorAsync(await WithKeyAsync(HttpMethod.Get, "/api/v1/users/me", created.GetProperty("key").GetString()!), 401, "INVALID_TOKEN");
    }

    private async Task<HttpResponseMessage> WithKeyAsync(HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-API-Key", key);
        if (method != HttpMethod.Get)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(new { name = "x" });
        }

        return await _api.Http.SendAsync(request);
    }
}
