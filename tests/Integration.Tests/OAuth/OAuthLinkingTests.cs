namespace AuthService.Integration.Tests.OAuth;

/// <summary>Linking while signed in, identities owned by someone else, unlinking and the last way in.</summary>
public sealed class OAuthLinkingTests(OAuthApp app) : IClassFixture<OAuthApp>, IDisposable
{
    private readonly OAuthDriver _oauth = new(app);

    private async Task<string> SignedInPasswordUserAsync()
    {
        var email = await _oauth.Api.RegisterVerifiedAsync();
        return (await _oauth.Api.LoginAsync(email)).GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task LinkIntent_WhileSignedIn_LinksAProviderAccountWithAnotherEmail()
    {
        var bearer = await SignedInPasswordUserAsync();
        var login = OAuthDriver.NewLogin("unverified");

        var query = await _oauth.BrowserFlowAsync("test", login, intent: "link", bearer: bearer);

        Assert.Equal("test", query["linked"]);
        Assert.False(query.ContainsKey("code"));
        var identities = await _oauth.IdentitiesAsync(bearer);
        Assert.Equal(["password", "test"], identities.Select(i => i.GetProperty("provider").GetString()).ToList());
        Assert.Equal(login, identities[1].GetProperty("subject").GetString());
        Assert.Equal(OAuthDriver.EmailOf(login), identities[1].GetProperty("email").GetString());

        // The linked account now signs in to this user.
        var tokens = await _oauth.LoginAsync("test", login);
        var me = await Expect.JsonAsync(await _oauth.Api.GetAsync("/api/v1/users/me", bearer), 200);
        Assert.Equal(me.GetProperty("id").GetString(), tokens.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task LinkEndpoint_WithAnAppCode_Answers201WithTheIdentity()
    {
        var bearer = await SignedInPasswordUserAsync();
        var login = OAuthDriver.NewLogin("gh");

        var body = await Expect.JsonAsync(await _oauth.LinkAsync("github", await _oauth.AppCodeAsync("github", login), bearer), 201);

        Assert.Equal("github", body.GetProperty("provider").GetString());
        Assert.Equal(OAuthDriver.EmailOf(login), body.GetProperty("email").GetString());
        Assert.True(body.TryGetProperty("linked_at", out _));
    }

    [Fact]
    public async Task LinkIntent_WithoutBearer_IsUnauthorized()
    {
        await Expect.ErrorAsync(await _oauth.AuthorizeAsync("test", intent: "link"), 401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task IdentityOfAnotherUser_IsIdentifierTaken_AndStaysWithItsOwner()
    {
        var login = OAuthDriver.NewLogin();
        var owner = await _oauth.LoginAsync("test", login);
        var bearer = await SignedInPasswordUserAsync();

        var query = await _oauth.BrowserFlowAsync("test", login, intent: "link", bearer: bearer);
        Assert.Equal("IDENTIFIER_TAKEN", query["error"]);

        await Expect.ErrorAsync(await _oauth.LinkAsync("test", await _oauth.AppCodeAsync("test", login), bearer), 409, "IDENTIFIER_TAKEN");
        Assert.Equal(["password"], (await _oauth.IdentitiesAsync(bearer)).Select(i => i.GetProperty("provider").GetString()).ToList());
        var ownerId = Guid.Parse(owner.GetProperty("user").GetProperty("id").GetString()!);
        Assert.Equal(ownerId, await app.QueryAsync<Guid>(
            "SELECT user_id FROM external_identities WHERE provider = 'test' AND subject = @login", new { login }));
    }

    [Fact]
    public async Task Unlink_WithAPassword_RemovesTheIdentity_AndAudits()
    {
        var bearer = await SignedInPasswordUserAsync();
        await _oauth.BrowserFlowAsync("test", OAuthDriver.NewLogin(), intent: "link", bearer: bearer);

        await Expect.StatusAsync(await _oauth.Api.DeleteAsync("/api/v1/users/me/identities/test", bearer), 204);

        Assert.Equal(["password"], (await _oauth.IdentitiesAsync(bearer)).Select(i => i.GetProperty("provider").GetString()).ToList());
        var me = await Expect.JsonAsync(await _oauth.Api.GetAsync("/api/v1/users/me", bearer), 200);
        var userId = Guid.Parse(me.GetProperty("id").GetString()!);
        Assert.Equal(1, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM audit_events WHERE user_id = @userId AND action = 'identity.unlink'", new { userId }));
        await Expect.ErrorAsync(await _oauth.Api.DeleteAsync("/api/v1/users/me/identities/test", bearer), 404, "NOT_FOUND");
    }

    [Fact]
    public async Task Unlink_OfTheLastWayToSignIn_IsRefused_ButDownToOneIsFine()
    {
        var tokens = await _oauth.LoginAsync("test", OAuthDriver.NewLogin());
        var bearer = tokens.GetProperty("access_token").GetString()!;

        await Expect.ErrorAsync(await _oauth.Api.DeleteAsync("/api/v1/users/me/identities/test", bearer), 409, "LAST_LOGIN_METHOD");

        var query = await _oauth.BrowserFlowAsync("github", OAuthDriver.NewLogin("gh"), intent: "link", bearer: bearer);
        Assert.Equal("github", query["linked"]);
        await Expect.StatusAsync(await _oauth.Api.DeleteAsync("/api/v1/users/me/identities/test", bearer), 204);
        await Expect.ErrorAsync(await _oauth.Api.DeleteAsync("/api/v1/users/me/identities/github", bearer), 409, "LAST_LOGIN_METHOD");
        Assert.Equal(["github"], (await _oauth.IdentitiesAsync(bearer)).Select(i => i.GetProperty("provider").GetString()).ToList());
    }

    public void Dispose() => _oauth.Dispose();
}
