namespace AuthService.Integration.Tests.OAuth;

/// <summary>Expired states and one-time codes are refused (lifetimes shortened to seconds here).</summary>
public sealed class OAuthExpiryTests(ShortLivedOAuthApp app) : IClassFixture<ShortLivedOAuthApp>, IDisposable
{
    private static readonly TimeSpan PastStateTtl = TimeSpan.FromMilliseconds(3600);
    private static readonly TimeSpan PastCodeTtl = TimeSpan.FromMilliseconds(2100);
    private readonly OAuthDriver _oauth = new(app);

    [Fact]
    public async Task ExpiredState_IsInvalidOAuthState_AndCreatesNoUser()
    {
        var login = OAuthDriver.NewLogin();
        var callback = await _oauth.CallbackUrlAsync("test", login);
        await Task.Delay(PastStateTtl);

        await Expect.ErrorAsync(await _oauth.FollowCallbackAsync(callback), 400, "INVALID_OAUTH_STATE");
        Assert.Equal(0, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM users WHERE email = @email", new { email = OAuthDriver.EmailOf(login) }));
    }

    [Fact]
    public async Task ExpiredOneTimeCode_IsInvalidOAuthState()
    {
        var query = await _oauth.BrowserFlowAsync("test", OAuthDriver.NewLogin());
        await Task.Delay(PastCodeTtl);

        await Expect.ErrorAsync(
            await _oauth.Api.PostAsync("/api/v1/auth/oauth/exchange", new { code = query["code"] }), 400, "INVALID_OAUTH_STATE");
    }

    public void Dispose() => _oauth.Dispose();
}
