using AuthService.Integration.Tests.Api;

namespace AuthService.Integration.Tests.Takeover;

/// <summary>Sequences 6 and 9: keys that outlive a password, and keys that pass for service keys.</summary>
public sealed class CredentialChangeTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task Seq5_ChangePassword_IsNoPasswordOracle_WrongGuessesLockAndAreAudited()
    {
        var email = await _api.RegisterVerifiedAsync();
        var stolen = CoreFlowTests.Token(await _api.LoginAsync(email));

        for (var i = 0; i < 5; i++)
        {
            await Expect.ErrorAsync(await _api.PostAsync(
                "/api/v1/users/me/password", new { current_password = $"guess number {i:D4}", new_password = "the thief's passphrase" }, stolen),
                401, "INVALID_CREDENTIALS");
        }

        // Locked now: the right password is refused too, and so is password sign-in.
        var locked = await _api.PostAsync(
            "/api/v1/users/me/password", new { current_password = ApiClient.Password, new_password = "the thief's passphrase" }, stolen);
        await Expect.ErrorAsync(locked, 423, "ACCOUNT_LOCKED");
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password }), 423, "ACCOUNT_LOCKED");

        var audited = await app.QueryAsync<int>(
            "SELECT count(*)::int FROM audit_events a JOIN users u ON u.id = a.user_id WHERE u.email = @email AND a.action = 'password.change_failure'",
            new { email });
        Assert.Equal(6, audited);
    }

    [Fact]
    public async Task Seq6_AStolenApiKey_DiesWhenTheOwnerResetsThePassword()
    {
        var email = await _api.RegisterVerifiedAsync();
        var stolen = await NewKeyAsync(CoreFlowTests.Token(await _api.LoginAsync(email)));
        await Expect.StatusAsync(await WithKeyAsync(stolen), 200);

        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/forgot", new { email }), 202);
        var code = await _api.Mail.WaitForCodeAsync(email, seen);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/reset", new { email, code, new_password = "a brand new passphrase" }), 204);

        await Expect.ErrorAsync(await WithKeyAsync(stolen), 401, "INVALID_TOKEN");
    }

    [Fact]
    public async Task Seq6_AStolenApiKey_DiesWhenTheOwnerChangesThePassword()
    {
        var token = CoreFlowTests.Token(await _api.LoginAsync(await _api.RegisterVerifiedAsync()));
        var stolen = await NewKeyAsync(token);

        await Expect.StatusAsync(await _api.PostAsync(
            "/api/v1/users/me/password", new { current_password = ApiClient.Password, new_password = "a brand new passphrase" }, token), 204);

        await Expect.ErrorAsync(await WithKeyAsync(stolen), 401, "INVALID_TOKEN");
        var listed = await Expect.JsonAsync(await _api.GetAsync("/api/v1/api-keys", token), 200);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("introspect")]
    [InlineData("Introspect")]
    [InlineData("admin")]
    [InlineData("admin:users")]
    [InlineData("ADMIN.write")]
    public async Task Seq9_AUserKeyWithAReservedScope_IsRefused(string scope)
    {
        var token = CoreFlowTests.Token(await _api.LoginAsync(await _api.RegisterVerifiedAsync()));
        var refused = await Expect.ErrorAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "svc", scopes = new[] { "read", scope } }, token), 422, "VALIDATION_ERROR");
        Assert.True(refused.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty("scopes", out _));
        var listed = await Expect.JsonAsync(await _api.GetAsync("/api/v1/api-keys", token), 200);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
    }

    private async Task<string> NewKeyAsync(string token) =>
        (await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "laptop", scopes = new[] { "read" } }, token), 201))
            .GetProperty("key").GetString()!;

    private async Task<HttpResponseMessage> WithKeyAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me");
        request.Headers.Add("X-API-Key", key);
        var response = await _api.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
