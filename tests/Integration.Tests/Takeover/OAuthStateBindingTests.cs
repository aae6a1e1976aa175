using AuthService.Integration.Tests.OAuth;
using Microsoft.AspNetCore.WebUtilities;

namespace AuthService.Integration.Tests.Takeover;

/// <summary>
/// Sequence 4: OAuth URLs prepared by an attacker and opened in the victim's browser. Each
/// <see cref="OAuthDriver"/> is one browser with its own cookies, here and at the provider.
/// </summary>
public sealed class OAuthStateBindingTests(OAuthApp app) : IClassFixture<OAuthApp>, IDisposable
{
    private readonly OAuthDriver _attacker = new(app);
    private readonly OAuthDriver _victim = new(app);

    [Fact]
    public async Task Seq4_LinkUrlStartedWithTheAttackersToken_OpenedByTheVictim_LinksNothing()
    {
        var attackerBearer = await SignedInAsync(_attacker);
        using var authorize = await _attacker.AuthorizeAsync("github", intent: "link", bearer: attackerBearer);
        await Expect.StatusAsync(authorize, 302);
        var victimLogin = OAuthDriver.NewLogin("gh");

        var callback = await _victim.SignInAtProviderAsync("github", authorize.Headers.Location!, victimLogin);
        await Expect.ErrorAsync(await _victim.FollowCallbackAsync(callback), 400, "INVALID_OAUTH_STATE");

        Assert.DoesNotContain(await _attacker.IdentitiesAsync(attackerBearer), i => i.GetProperty("provider").GetString() == "github");
        var victims = await _victim.LoginAsync("github", victimLogin);
        var attackers = await Expect.JsonAsync(await _attacker.Api.GetAsync("/api/v1/users/me", attackerBearer), 200);
        Assert.NotEqual(attackers.GetProperty("id").GetString(), victims.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Seq4_FinishedCallbackUrl_ForwardedToTheVictim_SignsNobodyIn()
    {
        var callback = await _attacker.CallbackUrlAsync("test", OAuthDriver.NewLogin());
        await Expect.ErrorAsync(await _victim.FollowCallbackAsync(callback), 400, "INVALID_OAUTH_STATE");
    }

    [Fact]
    public async Task AuthorizeSetsAnHttpOnlyLaxCookie_AndTheBrowserThatStartedFinishes()
    {
        using var authorize = await _victim.AuthorizeAsync("test");
        await Expect.StatusAsync(authorize, 302);
        var cookie = Assert.Single(authorize.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // loopback, plain HTTP

        await _victim.LoginAsync("test", OAuthDriver.NewLogin());
    }

    [Fact]
    public async Task LinkTicket_LetsABrowserWithoutBearerLink_ConfirmedByTheAppWithItsBearer()
    {
        var bearer = await SignedInAsync(_victim);
        var login = OAuthDriver.NewLogin("gh");
        var query = await TicketFlowAsync(_victim, await TicketAsync(_victim, bearer), login);

        var linked = await Expect.JsonAsync(await LinkWithCodeAsync(_victim, query["code"], bearer), 201);
        Assert.Equal("github", linked.GetProperty("provider").GetString());
        Assert.Contains(await _victim.IdentitiesAsync(bearer), i => i.GetProperty("email").GetString() == OAuthDriver.EmailOf(login));
    }

    [Fact]
    public async Task Seq4_LinkTicketUrl_SentToTheVictim_LinksNothing()
    {
        var attackerBearer = await SignedInAsync(_attacker);
        var victimBearer = await SignedInAsync(_victim);
        var ticket = await TicketAsync(_attacker, attackerBearer);

        // The victim's browser opens the attacker's URL and signs in at GitHub; the code reaches the
        // victim's app, which can only complete links for the victim.
        var query = await TicketFlowAsync(_victim, ticket, OAuthDriver.NewLogin("gh"));
        await Expect.ErrorAsync(await LinkWithCodeAsync(_victim, query["code"], victimBearer), 400, "INVALID_OAUTH_STATE");

        Assert.DoesNotContain(await _attacker.IdentitiesAsync(attackerBearer), i => i.GetProperty("provider").GetString() == "github");
        Assert.DoesNotContain(await _victim.IdentitiesAsync(victimBearer), i => i.GetProperty("provider").GetString() == "github");
    }

    [Fact]
    public async Task LinkTicket_IsSingleUse_AndLinkWithoutBearerOrTicketIsUnauthorized()
    {
        var bearer = await SignedInAsync(_victim);
        var ticket = await TicketAsync(_victim, bearer);
        await Expect.StatusAsync(await _victim.AuthorizeAsync("github", intent: "link", linkTicket: ticket), 302);
        await Expect.ErrorAsync(await _victim.AuthorizeAsync("github", intent: "link", linkTicket: ticket), 400, "INVALID_OAUTH_STATE");
        await Expect.ErrorAsync(await _victim.AuthorizeAsync("github", intent: "link"), 401, "UNAUTHORIZED");
        await Expect.ErrorAsync(await _victim.Api.PostAsync("/api/v1/auth/oauth/github/link-ticket", new { }), 401, "UNAUTHORIZED");
    }

    public void Dispose()
    {
        _attacker.Dispose();
        _victim.Dispose();
    }

    private static async Task<string> SignedInAsync(OAuthDriver browser) =>
        (await browser.Api.LoginAsync(await browser.Api.RegisterVerifiedAsync())).GetProperty("access_token").GetString()!;

    private static async Task<string> TicketAsync(OAuthDriver browser, string bearer)
    {
        var body = await Expect.JsonAsync(await browser.Api.PostAsync("/api/v1/auth/oauth/github/link-ticket", new { }, bearer), 201);
        Assert.Equal(60, body.GetProperty("expires_in").GetInt32());
        return body.GetProperty("ticket").GetString()!;
    }

    /// <summary>The browser opens authorize with the ticket (no Bearer), signs in at GitHub, follows our callback: the app redirect's query.</summary>
    private static async Task<Dictionary<string, string>> TicketFlowAsync(OAuthDriver browser, string ticket, string login)
    {
        using var authorize = await browser.AuthorizeAsync("github", intent: "link", linkTicket: ticket);
        await Expect.StatusAsync(authorize, 302);
        var callback = await browser.SignInAtProviderAsync("github", authorize.Headers.Location!, login);
        using var back = await browser.FollowCallbackAsync(callback);
        await Expect.StatusAsync(back, 302);
        var query = QueryHelpers.ParseQuery(back.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.True(query.ContainsKey("code"), "Expected a link code, got: " + string.Join("&", query));
        return query;
    }

    private static Task<HttpResponseMessage> LinkWithCodeAsync(OAuthDriver browser, string code, string bearer) =>
        browser.Api.PostAsync("/api/v1/users/me/identities/github", new { code }, bearer);
}
