using System.Diagnostics;

namespace AuthService.Integration.Tests.Api;

public sealed class CoreFlowTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task FullFlow_RegisterVerifyLoginListRevokeRefreshLogout()
    {
        var email = await _api.RegisterVerifiedAsync();
        var laptop = await _api.LoginAsync(email, "laptop");
        var phone = await _api.LoginAsync(email, "phone");
        var laptopToken = laptop.GetProperty("access_token").GetString()!;
        var phoneToken = phone.GetProperty("access_token").GetString()!;

        var list = await Expect.JsonAsync(await _api.GetAsync("/api/v1/sessions", laptopToken), 200);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("phone", items[0].GetProperty("device_name").GetString()); // newest first
        Assert.True(items[1].GetProperty("current").GetBoolean());
        Assert.Equal("password", items[0].GetProperty("auth_method").GetString());

        // Revoking the phone's session stops its access token within a second.
        var phoneSession = phone.GetProperty("session_id").GetString();
        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/sessions/{phoneSession}", laptopToken), 204);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage me;
        do
        {
            me = await _api.GetAsync("/api/v1/users/me", phoneToken);
        }
        while (me.StatusCode == System.Net.HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(1));
        await Expect.ErrorAsync(me, 401, "SESSION_REVOKED");

        // The laptop keeps working and rotates its refresh token.
        var refreshed = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = laptop.GetProperty("refresh_token").GetString() }), 200);
        Assert.NotEqual(laptop.GetProperty("refresh_token").GetString(), refreshed.GetProperty("refresh_token").GetString());
        Assert.Equal(laptop.GetProperty("session_id").GetString(), refreshed.GetProperty("session_id").GetString());
        var newToken = refreshed.GetProperty("access_token").GetString()!;
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", newToken), 200);

        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/logout", new { }, newToken), 204);
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", newToken), 401, "SESSION_REVOKED");
        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshed.GetProperty("refresh_token").GetString() }),
            401, "SESSION_REVOKED");
    }

    [Fact]
    public async Task Register_ReturnsUserIdAndChannel_AndRejectsTakenEmail()
    {
        var email = ApiClient.NewEmail();
        var body = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);
        Assert.True(Guid.TryParse(body.GetProperty("user_id").GetString(), out _));
        Assert.Equal("email", body.GetProperty("verification").GetProperty("channel").GetString());
        Assert.Equal(600, body.GetProperty("verification").GetProperty("expires_in").GetInt32());

        var again = await _api.PostAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), password = ApiClient.Password });
        var error = await Expect.ErrorAsync(again, 409, "IDENTIFIER_TAKEN");
        Assert.True(error.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Login_UnverifiedWithRightPassword_IsEmailNotVerified_WrongPasswordAndUnknownAreInvalidCredentials()
    {
        var email = ApiClient.NewEmail();
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);

        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password }), 403, "EMAIL_NOT_VERIFIED");
        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/auth/login", new { email, password = "wrong password 123" }), 401, "INVALID_CREDENTIALS");
        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/auth/login", new { email = ApiClient.NewEmail(), password = ApiClient.Password }),
            401, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Login_ByUsername_Works()
    {
        var email = ApiClient.NewEmail();
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", new { email, username, password = ApiClient.Password }), 201);
        var code = await _api.Mail.WaitForCodeAsync(email, seen);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code }), 200);

        var tokens = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/auth/login", new { username = username.ToUpperInvariant(), password = ApiClient.Password }), 200);
        Assert.Equal(username, tokens.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal(900, tokens.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Verify_WrongCodeFiveTimes_ThenAttemptsExceeded_AndNewerCodeVoidsOlder()
    {
        var email = ApiClient.NewEmail();
        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);
        var code = await _api.Mail.WaitForCodeAsync(email, seen);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code = wrong }), 400, "INVALID_OTP");
        }

        // Even the right code is refused once the attempts are spent.
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code }), 429, "OTP_ATTEMPTS_EXCEEDED");
    }

    [Fact]
    public async Task Resend_VoidsOlderCode_AndHasCooldown()
    {
        var email = ApiClient.NewEmail();
        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);
        var first = await _api.Mail.WaitForCodeAsync(email, seen);

        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/resend", new { email }), 202);
        var second = await _api.Mail.WaitForCodeAsync(email, seen + 1);

        var tooSoon = await _api.PostAsync("/api/v1/auth/verify/resend", new { email });
        await Expect.ErrorAsync(tooSoon, 429, "RATE_LIMIT_EXCEEDED");
        Assert.True(tooSoon.Headers.Contains("Retry-After"));

        if (first != second) // equal one time in a million
        {
            await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code = first }), 400, "INVALID_OTP");
        }

        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code = second }), 200);
    }

    [Fact]
    public async Task OtpLogin_StartAlwaysAccepted_VerifyIssuesOtpSession()
    {
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { email = ApiClient.NewEmail() }), 202);

        var email = await _api.RegisterVerifiedAsync();
        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { email }), 202);
        var code = await _api.Mail.WaitForCodeAsync(email, seen);
        var tokens = await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { email, code }), 200);
        var sessions = await Expect.JsonAsync(await _api.GetAsync("/api/v1/sessions", tokens.GetProperty("access_token").GetString()), 200);
        Assert.Equal("otp", sessions.GetProperty("items")[0].GetProperty("auth_method").GetString());

        // Single use.
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { email, code }), 400, "INVALID_OTP");
    }

    [Fact]
    public async Task PasswordReset_RevokesAllSessions_AndOnlyNewPasswordWorks()
    {
        var email = await _api.RegisterVerifiedAsync();
        var tokens = await _api.LoginAsync(email);
        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/forgot", new { email }), 202);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/forgot", new { email = ApiClient.NewEmail() }), 202);
        var code = await _api.Mail.WaitForCodeAsync(email, seen);

        const string newPassword = "a brand new passphrase";
        await Expect.StatusAsync(
            await _api.PostAsync("/api/v1/auth/password/reset", new { email, code, new_password = newPassword }), 204);
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", tokens.GetProperty("access_token").GetString()), 401, "SESSION_REVOKED");
        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password }), 401, "INVALID_CREDENTIALS");
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/login", new { email, password = newPassword }), 200);
    }

    [Fact]
    public async Task ChangePassword_RevokesOtherSessions_KeepsCurrent()
    {
        var email = await _api.RegisterVerifiedAsync();
        var current = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        var other = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;

        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/users/me/password", new { current_password = "not the password", new_password = "another long passphrase" }, current),
            401, "INVALID_CREDENTIALS");
        await Expect.StatusAsync(
            await _api.PostAsync("/api/v1/users/me/password", new { current_password = ApiClient.Password, new_password = "another long passphrase" }, current),
            204);
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", current), 200);
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", other), 401, "SESSION_REVOKED");
    }

    [Fact]
    public async Task RevokeOthers_And_RevokeUnknownOrForeignSession()
    {
        var email = await _api.RegisterVerifiedAsync();
        var a = await _api.LoginAsync(email);
        var b = await _api.LoginAsync(email);
        var stranger = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var token = a.GetProperty("access_token").GetString();

        await Expect.ErrorAsync(await _api.DeleteAsync($"/api/v1/sessions/{stranger.GetProperty("session_id").GetString()}", token), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _api.DeleteAsync($"/api/v1/sessions/{Guid.NewGuid()}", token), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _api.DeleteAsync("/api/v1/sessions/not-a-uuid", token), 404, "NOT_FOUND");

        await Expect.StatusAsync(await _api.DeleteAsync("/api/v1/sessions", token), 204);
        var list = await Expect.JsonAsync(await _api.GetAsync("/api/v1/sessions", token), 200);
        Assert.Single(list.GetProperty("items").EnumerateArray());
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", b.GetProperty("access_token").GetString()), 401, "SESSION_REVOKED");
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", stranger.GetProperty("access_token").GetString()), 200);
    }

    [Fact]
    public async Task Profile_PatchAndDelete()
    {
        var email = await _api.RegisterVerifiedAsync();
        var token = (await _api.LoginAsync(email)).GetProperty("access_token").GetString();

        var patched = await Expect.JsonAsync(
            await _api.SendAsync(HttpMethod.Patch, "/api/v1/users/me", new { name = "Ada", avatar_url = "https://example.test/a.png" }, token), 200);
        Assert.Equal("Ada", patched.GetProperty("name").GetString());
        Assert.Equal("https://example.test/a.png", patched.GetProperty("avatar_url").GetString());
        Assert.Equal(email, patched.GetProperty("email").GetString());
        await Expect.ErrorAsync(
            await _api.SendAsync(HttpMethod.Patch, "/api/v1/users/me", new { avatar_url = "javascript:alert(1)" }, token), 422, "VALIDATION_ERROR");

        await Expect.StatusAsync(await _api.DeleteAsync("/api/v1/users/me", token), 204);
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", token), 401, "SESSION_REVOKED");
        await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password }), 401, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Audit_RecordsRegisterVerifyLoginAndFailure()
    {
        var email = await _api.RegisterVerifiedAsync();
        await _api.LoginAsync(email);
        await _api.PostAsync("/api/v1/auth/login", new { email, password = "wrong password 123" });
        var userId = await app.QueryAsync<Guid>("SELECT id FROM users WHERE email = @email", new { email });
        var actions = await app.QueryAsync<string>(
            "SELECT string_agg(action, ',' ORDER BY at) FROM audit_events WHERE user_id = @userId", new { userId });
        Assert.Equal("user.register,user.verify,login.success,login.failure", actions);
    }

    internal static string Token(JsonElement tokens) => tokens.GetProperty("access_token").GetString()!;
}
