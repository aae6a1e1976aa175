namespace AuthService.Integration.Tests.OAuth;

/// <summary>Signing in with a provider: new users, returning users, automatic linking by verified email.</summary>
public sealed class OAuthLoginTests(OAuthApp app) : IClassFixture<OAuthApp>, IDisposable
{
    private readonly OAuthDriver _oauth = new(app);

    [Fact]
    public async Task NewUser_IsCreatedVerifiedWithoutPassword_WithAnOAuthSession()
    {
        var login = OAuthDriver.NewLogin();

        var tokens = await _oauth.LoginAsync("test", login);

        var user = tokens.GetProperty("user");
        Assert.Equal(OAuthDriver.EmailOf(login), user.GetProperty("email").GetString());
        Assert.True(user.GetProperty("email_verified").GetBoolean());
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        var userId = Guid.Parse(user.GetProperty("id").GetString()!);
        Assert.True(await app.QueryAsync<bool>("SELECT password_hash IS NULL FROM users WHERE id = @userId", new { userId }));

        var access = tokens.GetProperty("access_token").GetString()!;
        var sessions = await Expect.JsonAsync(await _oauth.Api.GetAsync("/api/v1/sessions", access), 200);
        Assert.Equal("oauth:test", sessions.GetProperty("items")[0].GetProperty("auth_method").GetString());

        var identities = await _oauth.IdentitiesAsync(access);
        var identity = Assert.Single(identities);
        Assert.Equal("test", identity.GetProperty("provider").GetString());
        Assert.Equal(login, identity.GetProperty("subject").GetString());

        Assert.Equal(1, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM audit_events WHERE user_id = @userId AND action = 'login.oauth'", new { userId }));
        Assert.Equal(1, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM audit_events WHERE user_id = @userId AND action = 'identity.link'", new { userId }));
    }

    [Fact]
    public async Task ReturningUser_SignsInToTheSameAccount()
    {
        var login = OAuthDriver.NewLogin();
        var first = await _oauth.LoginAsync("test", login);
        var second = await _oauth.LoginAsync("test", login);

        Assert.Equal(first.GetProperty("user").GetProperty("id").GetString(), second.GetProperty("user").GetProperty("id").GetString());
        Assert.NotEqual(first.GetProperty("session_id").GetString(), second.GetProperty("session_id").GetString());
        Assert.Equal(1, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM external_identities WHERE provider = 'test' AND subject = @login", new { login }));
    }

    [Fact]
    public async Task GitHub_SignsInWithTheVerifiedPrimaryEmail_AndTheNumericId()
    {
        var login = OAuthDriver.NewLogin("gh");

        var tokens = await _oauth.LoginAsync("github", login);

        Assert.Equal(OAuthDriver.EmailOf(login), tokens.GetProperty("user").GetProperty("email").GetString());
        Assert.True(tokens.GetProperty("user").GetProperty("email_verified").GetBoolean());
        var identity = Assert.Single(await _oauth.IdentitiesAsync(tokens.GetProperty("access_token").GetString()!));
        Assert.True(long.TryParse(identity.GetProperty("subject").GetString(), out _));
        var sessions = await Expect.JsonAsync(
            await _oauth.Api.GetAsync("/api/v1/sessions", tokens.GetProperty("access_token").GetString()), 200);
        Assert.Equal("oauth:github", sessions.GetProperty("items")[0].GetProperty("auth_method").GetString());
    }

    [Fact]
    public async Task VerifiedEmailOnBothSides_LinksTheExistingAccount()
    {
        var login = OAuthDriver.NewLogin();
        await _oauth.Api.RegisterVerifiedAsync(OAuthDriver.EmailOf(login));
        var local = await _oauth.Api.LoginAsync(OAuthDriver.EmailOf(login));

        var tokens = await _oauth.LoginAsync("test", login);

        Assert.Equal(local.GetProperty("user").GetProperty("id").GetString(), tokens.GetProperty("user").GetProperty("id").GetString());
        var providers = (await _oauth.IdentitiesAsync(tokens.GetProperty("access_token").GetString()!))
            .Select(i => i.GetProperty("provider").GetString()).ToList();
        Assert.Equal(["password", "test"], providers);
    }

    [Fact]
    public async Task UnverifiedProviderEmail_MatchingAnAccount_IsRefusedWithAccountExists()
    {
        var login = OAuthDriver.NewLogin("unverified");
        await _oauth.Api.RegisterVerifiedAsync(OAuthDriver.EmailOf(login));

        var query = await _oauth.BrowserFlowAsync("test", login);

        Assert.Equal("ACCOUNT_EXISTS", query["error"]);
        Assert.False(query.ContainsKey("code"));
        Assert.Equal(0, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM external_identities WHERE subject = @login", new { login }));

        // The code-exchange flow refuses the same way, in the envelope.
        var code = await _oauth.AppCodeAsync("test", login);
        await Expect.ErrorAsync(await _oauth.TokenLoginAsync("test", code), 409, "ACCOUNT_EXISTS");
    }

    [Fact]
    public async Task UnverifiedLocalEmail_IsRefusedWithAccountExists()
    {
        var login = OAuthDriver.NewLogin();
        await Expect.StatusAsync(await _oauth.Api.PostAsync(
            "/api/v1/auth/register", new { email = OAuthDriver.EmailOf(login), password = ApiClient.Password }), 201);

        var query = await _oauth.BrowserFlowAsync("test", login);

        Assert.Equal("ACCOUNT_EXISTS", query["error"]);
    }

    [Fact]
    public async Task CodeExchangeFlow_SignsIn_WithTheAppsOwnPkceAndNonce()
    {
        var login = OAuthDriver.NewLogin();
        var code = await _oauth.AppCodeAsync("test", login);

        var tokens = await Expect.JsonAsync(await _oauth.TokenLoginAsync("test", code), 200);

        Assert.Equal(OAuthDriver.EmailOf(login), tokens.GetProperty("user").GetProperty("email").GetString());

        // A provider code works once.
        await Expect.ErrorAsync(await _oauth.TokenLoginAsync("test", code), 502, "OAUTH_PROVIDER_ERROR");
    }

    [Fact]
    public async Task OneTimeCode_WorksOnce()
    {
        var query = await _oauth.BrowserFlowAsync("test", OAuthDriver.NewLogin());

        await Expect.StatusAsync(await _oauth.Api.PostAsync("/api/v1/auth/oauth/exchange", new { code = query["code"] }), 200);
        await Expect.ErrorAsync(
            await _oauth.Api.PostAsync("/api/v1/auth/oauth/exchange", new { code = query["code"] }), 400, "INVALID_OAUTH_STATE");
    }

    [Fact]
    public async Task UnknownProvider_IsNotFound()
    {
        await Expect.ErrorAsync(await _oauth.AuthorizeAsync("nosuch"), 404, "NOT_FOUND");
    }

    public void Dispose() => _oauth.Dispose();
}
