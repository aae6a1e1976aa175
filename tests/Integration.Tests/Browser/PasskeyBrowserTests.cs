using Xunit.Abstractions;
using AuthService.Integration.Tests.Mfa;

namespace AuthService.Integration.Tests.Browser;

/// <summary>
/// Passkeys in a real browser: headless Chromium with a virtual platform authenticator runs
/// navigator.credentials.create/get on a page of an allowed origin against our options.
/// </summary>
public sealed class PasskeyBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly ApiClient _api = browser.App.Api();
    private string _authenticator = "";

    public async Task InitializeAsync()
    {
        output.WriteLine($"browser fixture (Chromium, AuthService, two origins) started in {browser.StartTime.TotalMilliseconds:F0} ms");
        await browser.OpenAsync(browser.AllowedOrigin);
        _authenticator = await browser.AddAuthenticatorAsync();
    }

    public Task DisposeAsync() => browser.RemoveAuthenticatorAsync(_authenticator);

    [Fact]
    public async Task Register_ThenSignInWithoutAPassword_AndAReplayedAssertionFails()
    {
        var (email, session) = await SignedInUserAsync();

        var registered = await browser.RunAsync("register", session, "laptop");
        Assert.Equal(201, Status(registered));
        Assert.Equal("laptop", registered.GetProperty("body").GetProperty("name").GetString());
        var list = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/passkeys", session), 200);
        Assert.Single(list.GetProperty("items").EnumerateArray());

        // Discoverable: no email, no password; the authenticator offers the passkey by itself.
        var signedIn = await browser.RunAsync("signIn", (object?)null);
        Assert.Equal(200, Status(signedIn));
        var tokens = signedIn.GetProperty("body");
        Assert.Equal(email, tokens.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(["hwk", "mfa"], MfaClient.Amr(tokens));
        var sessions = await Expect.JsonAsync(await _api.GetAsync("/api/v1/sessions", tokens.GetProperty("access_token").GetString()), 200);
        Assert.Equal("passkey", sessions.GetProperty("items")[0].GetProperty("auth_method").GetString());
        Assert.True(sessions.GetProperty("items")[0].GetProperty("mfa").GetBoolean());

        // The same assertion again: its challenge was used up.
        var replay = await browser.RunAsync("call", "/api/v1/auth/passkey/verify", new { credential = signedIn.GetProperty("credential") });
        Assert.Equal(401, Status(replay));
        Assert.Equal("INVALID_CREDENTIALS", replay.GetProperty("body").GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task APasskey_IsASecondFactorForPasswordSignIn()
    {
        var (email, session) = await SignedInUserAsync();
        Assert.Equal(201, Status(await browser.RunAsync("register", session, "phone")));

        var required = await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });
        var details = (await Expect.ErrorAsync(required, 403, "MFA_REQUIRED")).GetProperty("error").GetProperty("details");
        Assert.Equal(["passkey"], details.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));

        var verified = await browser.RunAsync("secondFactor", details.GetProperty("mfa_token").GetString());
        Assert.Equal(200, Status(verified));
        Assert.Equal(["hwk", "mfa", "pwd"], MfaClient.Amr(verified.GetProperty("body")).Order(StringComparer.Ordinal));

        // The registering session proved the passkey, so it may manage it: rename, then remove.
        var id = (await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/passkeys", session), 200))
            .GetProperty("items")[0].GetProperty("id").GetString();
        var renamed = await Expect.JsonAsync(
            await _api.SendAsync(HttpMethod.Patch, $"/api/v1/users/me/passkeys/{id}", new { name = "work phone" }, session), 200);
        Assert.Equal("work phone", renamed.GetProperty("name").GetString());
        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/users/me/passkeys/{id}", session), 204);
        await _api.LoginAsync(email);
    }

    [Fact]
    public async Task WrongOrigin_CannotRegisterOrSignIn()
    {
        var (email, session) = await SignedInUserAsync();
        await browser.OpenAsync(browser.WrongOrigin);
        Assert.Equal(422, Status(await browser.RunAsync("register", session, "elsewhere")));

        // A passkey registered on the right origin (same RP ID) still does not sign in from the other one.
        await browser.OpenAsync(browser.AllowedOrigin);
        Assert.Equal(201, Status(await browser.RunAsync("register", session, "laptop")));
        await browser.OpenAsync(browser.WrongOrigin);
        var signedIn = await browser.RunAsync("signIn", email);
        Assert.Equal(401, Status(signedIn));

        var list = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/passkeys", session), 200);
        Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ACounterThatGoesBackwards_IsRefusedAndAudited()
    {
        var (email, session) = await SignedInUserAsync();
        Assert.Equal(201, Status(await browser.RunAsync("register", session, "laptop")));
        await browser.App.ExecuteAsync(
            "UPDATE passkeys SET sign_count = 1000 WHERE user_id = (SELECT id FROM users WHERE email = @email)", new { email });

        Assert.Equal(401, Status(await browser.RunAsync("signIn", email)));
        Assert.Equal(1, await browser.App.QueryAsync<int>(
            "SELECT count(*)::int FROM audit_events WHERE action = 'mfa.passkey_clone' AND user_id = (SELECT id FROM users WHERE email = @email)",
            new { email }));
    }

    [Fact]
    public async Task TheLastWayIn_CannotBeRemoved()
    {
        var (email, session) = await SignedInUserAsync();
        Assert.Equal(201, Status(await browser.RunAsync("register", session, "laptop")));
        await browser.App.ExecuteAsync("UPDATE users SET password_hash = NULL WHERE email = @email", new { email });
        var id = (await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/passkeys", session), 200))
            .GetProperty("items")[0].GetProperty("id").GetString();

        await Expect.ErrorAsync(await _api.DeleteAsync($"/api/v1/users/me/passkeys/{id}", session), 409, "LAST_LOGIN_METHOD");
    }

    private async Task<(string Email, string Session)> SignedInUserAsync()
    {
        var email = await _api.RegisterVerifiedAsync();
        return (email, (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!);
    }

    private static int Status(JsonElement answer) => answer.GetProperty("status").GetInt32();
}
