using AuthService.Integration.Tests.OAuth;

namespace AuthService.Integration.Tests.Mfa;

/// <summary>Provider sign-ins of a user with a second factor stop at the factor, in both OAuth flows.</summary>
public sealed class OAuthMfaTests(OAuthApp app) : IClassFixture<OAuthApp>, IDisposable
{
    private readonly OAuthDriver _oauth = new(app);

    [Fact]
    public async Task BrowserAndCodeExchangeFlows_AnswerMfaRequired_ThenTheFactorOpensAFederatedSession()
    {
        var login = OAuthDriver.NewLogin();
        var first = await _oauth.LoginAsync("test", login);
        var mfa = new MfaClient(_oauth.Api);
        var (_, codes) = await mfa.EnableTotpAsync(first.GetProperty("access_token").GetString()!);

        var query = await _oauth.BrowserFlowAsync("test", login);
        var exchange = await _oauth.Api.PostAsync("/api/v1/auth/oauth/exchange", new { code = query["code"] });
        var details = (await Expect.ErrorAsync(exchange, 403, "MFA_REQUIRED")).GetProperty("error").GetProperty("details");
        var tokens = await Expect.JsonAsync(await mfa.VerifyAsync(details.GetProperty("mfa_token").GetString()!, codes[0]), 200);
        Assert.Equal(["fed", "mfa", "otp"], MfaClient.Amr(tokens).Order(StringComparer.Ordinal));
        var sessions = await Expect.JsonAsync(await _oauth.Api.GetAsync("/api/v1/sessions", tokens.GetProperty("access_token").GetString()), 200);
        Assert.Equal("oauth:test", sessions.GetProperty("items")[0].GetProperty("auth_method").GetString());

        var tokenLogin = await _oauth.TokenLoginAsync("test", await _oauth.AppCodeAsync("test", login));
        await Expect.ErrorAsync(tokenLogin, 403, "MFA_REQUIRED");
    }

    public void Dispose() => _oauth.Dispose();
}
