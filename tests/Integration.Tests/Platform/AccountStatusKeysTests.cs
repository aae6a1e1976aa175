namespace AuthService.Integration.Tests.Platform;

/// <summary>Disabling or deleting an account ends its API keys as well as its sessions.</summary>
public sealed class AccountStatusKeysTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    private async Task<HttpResponseMessage> MeWithKeyAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me");
        request.Headers.Add("X-API-Key", key);
        return await _api.Http.SendAsync(request);
    }

    private async Task<(string Access, string Id, string Key)> UserWithKeyAsync()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var access = tokens.GetProperty("access_token").GetString()!;
        var key = (await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k" }, access), 201)).GetProperty("key").GetString()!;
        await Expect.StatusAsync(await MeWithKeyAsync(key), 200);
        return (access, tokens.GetProperty("user").GetProperty("id").GetString()!, key);
    }

    [Fact]
    public async Task Disabling_RevokesTheApiKeys_AtOnce_AndEnablingDoesNotBringThemBack()
    {
        var admin = new AdminClient(app, _api);
        var (access, id, key) = await UserWithKeyAsync();

        await Expect.StatusAsync(await admin.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{id}/status", new { status = "disabled" }), 200);

        await Expect.ErrorAsync(await MeWithKeyAsync(key), 401, "INVALID_TOKEN");
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", access), 401, "SESSION_REVOKED");
        await Expect.StatusAsync(await admin.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{id}/status", new { status = "active" }), 200);
        await Expect.ErrorAsync(await MeWithKeyAsync(key), 401, "INVALID_TOKEN");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM api_keys WHERE user_id = @id AND revoked_at IS NULL", new { id = Guid.Parse(id) }));
    }

    [Fact]
    public async Task Deleting_RevokesTheApiKeys_AtOnce()
    {
        var (access, _, key) = await UserWithKeyAsync();

        await Expect.StatusAsync(await _api.DeleteAsync("/api/v1/users/me", access), 204);

        await Expect.ErrorAsync(await MeWithKeyAsync(key), 401, "INVALID_TOKEN");
    }
}
