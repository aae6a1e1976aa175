namespace AuthService.Integration.Tests.OAuth;

/// <summary>state, nonce, ID token and redirect checks: each one's failure links and creates nothing.</summary>
public sealed class OAuthSecurityTests(OAuthApp app) : IClassFixture<OAuthApp>, IDisposable
{
    private readonly OAuthDriver _oauth = new(app);

    private Task<int> UsersWithEmailAsync(string login) =>
        app.QueryAsync<int>("SELECT count(*)::int FROM users WHERE email = @email", new { email = OAuthDriver.EmailOf(login) });

    [Fact]
    public async Task ReplayedState_IsInvalidOAuthState()
    {
        var callback = await _oauth.CallbackUrlAsync("test", OAuthDriver.NewLogin());
        await Expect.StatusAsync(await _oauth.FollowCallbackAsync(callback), 302);

        await Expect.ErrorAsync(await _oauth.FollowCallbackAsync(callback), 400, "INVALID_OAUTH_STATE");
    }

    [Fact]
    public async Task UnknownOrMissingState_IsInvalidOAuthState()
    {
        using var client = app.NoRedirects();
        await Expect.ErrorAsync(await client.GetAsync("/api/v1/auth/oauth/test/callback?code=x&state=made-up"), 400, "INVALID_OAUTH_STATE");
        await Expect.ErrorAsync(await client.GetAsync("/api/v1/auth/oauth/test/callback?code=x"), 400, "INVALID_OAUTH_STATE");
    }

    [Fact]
    public async Task StateOfAnotherProvider_IsInvalidOAuthState_AndConsumed()
    {
        var login = OAuthDriver.NewLogin("gh");
        var callback = await _oauth.CallbackUrlAsync("github", login);
        var elsewhere = new Uri(callback.AbsoluteUri.Replace("/oauth/github/", "/oauth/test/", StringComparison.Ordinal));

        await Expect.ErrorAsync(await _oauth.FollowCallbackAsync(elsewhere), 400, "INVALID_OAUTH_STATE");
        await Expect.ErrorAsync(await _oauth.FollowCallbackAsync(callback), 400, "INVALID_OAUTH_STATE");
        Assert.Equal(0, await UsersWithEmailAsync(login));
    }

    [Fact]
    public async Task WrongNonceInTheIdToken_IsRefused_AndCreatesNoUser()
    {
        var login = OAuthDriver.NewLogin();

        var query = await _oauth.BrowserFlowAsync("test", login + "+badnonce");

        Assert.Equal("INVALID_OAUTH_STATE", query["error"]);
        Assert.False(query.ContainsKey("code"));
        Assert.Equal(0, await UsersWithEmailAsync(login));
    }

    [Fact]
    public async Task CodeExchangeFlow_WithAnotherNonce_IsRefused()
    {
        var login = OAuthDriver.NewLogin();
        var code = await _oauth.AppCodeAsync("test", login);

        await Expect.ErrorAsync(await _oauth.TokenLoginAsync("test", code, nonce: "not-the-one-sent"), 400, "INVALID_OAUTH_STATE");
        Assert.Equal(0, await UsersWithEmailAsync(login));
    }

    [Theory]
    [InlineData("+tampered")]
    [InlineData("+alg-none")]
    [InlineData("+otherkey")]
    public async Task IdTokenThatDoesNotVerify_IsRefused_AndSignsInNobody(string misbehaviour)
    {
        // "+tampered" rewrites the signed email to alice@example.test after signing.
        var login = OAuthDriver.NewLogin();

        var query = await _oauth.BrowserFlowAsync("test", login + misbehaviour);

        Assert.Equal("OAUTH_PROVIDER_ERROR", query["error"]);
        Assert.False(query.ContainsKey("code"));
        Assert.Equal(0, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM external_identities WHERE subject = @subject", new { subject = login + misbehaviour }));
    }

    [Theory]
    [InlineData("http://evil.example/callback")]
    [InlineData("http://localhost:3000/callback/")]
    [InlineData("http://localhost:3000/callback?x=1")]
    [InlineData("HTTP://LOCALHOST:3000/callback")]
    public async Task UnlistedRedirectUri_IsRefused_WithoutGoingToTheProvider(string redirectUri)
    {
        using var response = await _oauth.AuthorizeAsync("test", redirectUri);

        var body = await Expect.ErrorAsync(response, 422, "VALIDATION_ERROR");
        Assert.Null(response.Headers.Location);
        Assert.True(body.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty("redirect_uri", out _));
    }

    [Fact]
    public async Task CodeExchangeFlow_WithAnotherPkceVerifier_IsRefused()
    {
        var login = OAuthDriver.NewLogin();
        var code = await _oauth.AppCodeAsync("test", login);

        var stolen = code with { Verifier = new string('a', 43) };

        await Expect.ErrorAsync(await _oauth.TokenLoginAsync("test", stolen), 502, "OAUTH_PROVIDER_ERROR");
        Assert.Equal(0, await UsersWithEmailAsync(login));
    }

    [Fact]
    public async Task CodeExchangeFlow_WithUnlistedRedirectUri_IsRefused()
    {
        var code = await _oauth.AppCodeAsync("test", OAuthDriver.NewLogin());
        await Expect.ErrorAsync(await _oauth.TokenLoginAsync("test", code, redirectUri: "http://evil.example/callback"), 422, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task ProviderDenial_IsPassedToTheApp_AsOAuthProviderError()
    {
        using var authorize = await _oauth.AuthorizeAsync("test");
        await Expect.StatusAsync(authorize, 302);
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["state"].ToString();

        // Back in the same browser (the state is bound to it), without a code.
        using var response = await _oauth.FollowCallbackAsync(
            new Uri($"http://127.0.0.1/api/v1/auth/oauth/test/callback?error=access_denied&state={Uri.EscapeDataString(state)}"));

        await Expect.StatusAsync(response, 302);
        Assert.Contains("error=OAUTH_PROVIDER_ERROR", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeRedirect_CarriesStateNonceAndS256Challenge()
    {
        using var response = await _oauth.AuthorizeAsync("test");
        await Expect.StatusAsync(response, 302);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query);

        Assert.StartsWith(OidcTestServices.Issuer, response.Headers.Location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.True(query["state"].ToString().Length >= 43);
        Assert.True(query["nonce"].ToString().Length >= 43);
        Assert.True(query["code_challenge"].ToString().Length == 43);
        Assert.EndsWith("/api/v1/auth/oauth/test/callback", query["redirect_uri"].ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _oauth.Dispose();
}
