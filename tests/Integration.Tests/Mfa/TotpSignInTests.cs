using System.Net.Http.Headers;

namespace AuthService.Integration.Tests.Mfa;

/// <summary>TOTP enrolment, the MFA step at sign-in, recovery codes, and the mfa_token's limits.</summary>
public sealed class TotpSignInTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly MfaClient _mfa = new(app.Api());

    [Fact]
    public async Task EnrolFromTheUri_ThenPasswordSignIn_NeedsTheCode_AndAReplayFails()
    {
        var email = await _api.RegisterVerifiedAsync();
        var session = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;

        var enrolment = await _api.PostAsync("/api/v1/users/me/mfa/totp", new { }, session);
        var enrol = await Expect.JsonAsync(enrolment, 201);
        Assert.Equal("no-store", enrolment.Headers.CacheControl?.ToString());
        var secret = enrol.GetProperty("secret").GetString()!;
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        var uri = enrol.GetProperty("otpauth_uri").GetString()!;
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={secret}", uri, StringComparison.Ordinal);
        Assert.Contains("<svg", enrol.GetProperty("qr_svg").GetString(), StringComparison.Ordinal);

        // Pending until confirmed: sign-in does not ask for it yet, and a wrong first code is refused.
        Assert.Equal(200, (int)(await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password })).StatusCode);
        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/users/me/mfa/totp/confirm", new { code = MfaClient.WrongCode(secret) }, session), 400, "INVALID_MFA_CODE");
        var firstCode = MfaClient.Code(secret);
        var confirm = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/users/me/mfa/totp/confirm", new { code = firstCode }, session), 200);
        var codes = confirm.GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(10, codes.Distinct(StringComparer.Ordinal).Count());

        var status = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/mfa", session), 200);
        Assert.True(status.GetProperty("totp").GetBoolean());
        Assert.Equal(0, status.GetProperty("passkeys").GetInt32());
        Assert.Equal(10, status.GetProperty("recovery_codes_left").GetInt32());

        var required = await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });
        var details = (await Expect.ErrorAsync(required, 403, "MFA_REQUIRED")).GetProperty("error").GetProperty("details");
        Assert.Equal("no-store", required.Headers.CacheControl?.ToString());
        Assert.Equal(["totp", "recovery_code"], details.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(300, details.GetProperty("expires_in").GetInt32());
        var mfaToken = details.GetProperty("mfa_token").GetString()!;

        // The code that confirmed enrolment was used: replaying it fails; the next step's code works.
        await Expect.ErrorAsync(await _mfa.VerifyAsync(mfaToken, firstCode), 400, "INVALID_MFA_CODE");
        var tokens = await Expect.JsonAsync(await _mfa.VerifyAsync(mfaToken, MfaClient.Code(secret, 1)), 200);
        Assert.Equal(["mfa", "otp", "pwd"], MfaClient.Amr(tokens).Order(StringComparer.Ordinal));

        // Used once: the same mfa_token is void now, whatever the code.
        await Expect.ErrorAsync(await _mfa.VerifyAsync(mfaToken, codes[0]), 401, "INVALID_TOKEN");

        var sessions = await Expect.JsonAsync(await _api.GetAsync("/api/v1/sessions", tokens.GetProperty("access_token").GetString()), 200);
        var items = sessions.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items[0].GetProperty("mfa").GetBoolean());
        Assert.Equal("password", items[0].GetProperty("auth_method").GetString());

        // Refreshing keeps the session's amr.
        var refreshed = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = tokens.GetProperty("refresh_token").GetString() }), 200);
        Assert.Contains("mfa", MfaClient.Amr(refreshed));
    }

    [Fact]
    public async Task LostPhone_ARecoveryCodeSignsInOnce()
    {
        var email = await _api.RegisterVerifiedAsync();
        var (_, codes) = await _mfa.EnableTotpAsync((await _api.LoginAsync(email)).GetProperty("access_token").GetString()!);

        var tokens = await Expect.JsonAsync(await _mfa.VerifyAsync(await _mfa.PasswordStepAsync(email), codes[3].ToUpperInvariant()), 200);
        Assert.Contains("mfa", MfaClient.Amr(tokens));

        await Expect.ErrorAsync(await _mfa.VerifyAsync(await _mfa.PasswordStepAsync(email), codes[3]), 400, "INVALID_MFA_CODE");
        var status = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/mfa", tokens.GetProperty("access_token").GetString()), 200);
        Assert.Equal(9, status.GetProperty("recovery_codes_left").GetInt32());
    }

    [Fact]
    public async Task FiveWrongCodes_VoidTheMfaToken()
    {
        var email = await _api.RegisterVerifiedAsync();
        var (secret, _) = await _mfa.EnableTotpAsync((await _api.LoginAsync(email)).GetProperty("access_token").GetString()!);
        var mfaToken = await _mfa.PasswordStepAsync(email);

        for (var i = 0; i < 5; i++)
        {
            await Expect.ErrorAsync(await _mfa.VerifyAsync(mfaToken, MfaClient.WrongCode(secret)), 400, "INVALID_MFA_CODE");
        }

        await Expect.ErrorAsync(await _mfa.VerifyAsync(mfaToken, MfaClient.Code(secret, 1)), 401, "INVALID_TOKEN");
    }

    [Fact]
    public async Task MfaToken_ExpiresAndIsBoundToTheClientThatBeganTheSignIn()
    {
        var email = await _api.RegisterVerifiedAsync();
        var (secret, codes) = await _mfa.EnableTotpAsync((await _api.LoginAsync(email)).GetProperty("access_token").GetString()!);

        var elsewhere = await _mfa.PasswordStepAsync(email);
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/mfa/verify")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { mfa_token = elsewhere, code = codes[0] }),
        };
        other.Headers.UserAgent.Add(new ProductInfoHeaderValue("OtherBrowser", "1.0"));
        await Expect.ErrorAsync(await _api.Http.SendAsync(other), 401, "INVALID_TOKEN");

        var expired = await _mfa.PasswordStepAsync(email);
        await app.ExecuteAsync("UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE consumed_at IS NULL");
        await Expect.ErrorAsync(await _mfa.VerifyAsync(expired, MfaClient.Code(secret, 1)), 401, "INVALID_TOKEN");
        await Expect.ErrorAsync(await _mfa.VerifyAsync("made-up-token", codes[0]), 401, "INVALID_TOKEN");
        await Expect.ErrorAsync(await _mfa.VerifyAsync(await _mfa.PasswordStepAsync(email), ""), 422, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task OneTimeCodeSignIn_AlsoStopsAtTheSecondFactor()
    {
        var email = await _api.RegisterVerifiedAsync();
        var (_, codes) = await _mfa.EnableTotpAsync((await _api.LoginAsync(email)).GetProperty("access_token").GetString()!);
        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { email }), 202);
        var code = await _api.Mail.WaitForCodeAsync(email, seen);

        var required = await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { email, code }), 403, "MFA_REQUIRED");
        var mfaToken = required.GetProperty("error").GetProperty("details").GetProperty("mfa_token").GetString()!;
        var tokens = await Expect.JsonAsync(await _mfa.VerifyAsync(mfaToken, codes[0]), 200);

        Assert.Equal(["mfa", "otp"], MfaClient.Amr(tokens).Order(StringComparer.Ordinal));
    }
}
