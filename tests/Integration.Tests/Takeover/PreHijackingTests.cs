using AuthService.Application.Admin;
using AuthService.Integration.Tests.Api;

namespace AuthService.Integration.Tests.Takeover;

/// <summary>
/// Sequences 1-3 of the account-takeover review, each played as the attacker would: register
/// someone else's address or number first, wait for the owner to prove it, then come back.
/// </summary>
public sealed class PreHijackingTests(TakeoverApp app) : IClassFixture<TakeoverApp>
{
    private const string AttackerPassword = "attacker's own passphrase";
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task Seq1_PreRegisteredEmail_VictimSignsInWithACode_AttackersPasswordAndPhoneOpenNothing()
    {
        var victim = ApiClient.NewEmail();
        var attackerPhone = TakeoverApp.NewPhone();
        await RegisterAsync(new { email = victim, phone = attackerPhone, password = AttackerPassword, username = "u" + Guid.NewGuid().ToString("N")[..12] });

        var tokens = await OtpSignInAsync(victim);
        var user = tokens.GetProperty("user");
        Assert.True(user.GetProperty("email_verified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, user.GetProperty("username").ValueKind);

        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", new { email = victim, password = AttackerPassword }), 401, "INVALID_CREDENTIALS");
        var seen = app.SmsCount(attackerPhone);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { phone = attackerPhone }), 202);
        Assert.True(await app.NoSmsAsync(attackerPhone, seen));
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(tokens)), 200);
    }

    [Fact]
    public async Task Seq1_PreRegisteredEmail_VictimResetsThePassword_AttackersPhoneAndPasswordAreGone()
    {
        var victim = ApiClient.NewEmail();
        var attackerPhone = TakeoverApp.NewPhone();
        await RegisterAsync(new { email = victim, phone = attackerPhone, password = AttackerPassword });

        var seen = await _api.Mail.CountAsync(victim);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/forgot", new { email = victim }), 202);
        var code = await _api.Mail.WaitForCodeAsync(victim, seen);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/reset", new { email = victim, code, new_password = ApiClient.Password }), 204);

        var me = (await _api.LoginAsync(victim)).GetProperty("user");
        Assert.Equal(JsonValueKind.Null, me.GetProperty("phone").ValueKind);
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", new { email = victim, password = AttackerPassword }), 401, "INVALID_CREDENTIALS");
        var sms = app.SmsCount(attackerPhone);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { phone = attackerPhone }), 202);
        Assert.True(await app.NoSmsAsync(attackerPhone, sms));
    }

    [Fact]
    public async Task Seq2_VictimsPhoneOnTheAttackersAccount_OpensNothing_AndTheVictimCanStillRegisterIt()
    {
        var attacker = ApiClient.NewEmail();
        var victimPhone = TakeoverApp.NewPhone();
        await RegisterAsync(new { email = attacker, phone = victimPhone, password = AttackerPassword });
        await VerifyEmailAsync(attacker);

        // The victim asks for a sign-in code on their own number: no code, nothing to enter.
        var seen = app.SmsCount(victimPhone);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { phone = victimPhone }), 202);
        Assert.True(await app.NoSmsAsync(victimPhone, seen));
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { phone = victimPhone, code = "123456" }), 400, "INVALID_OTP");

        // The number is not reserved by the attacker's unproven claim: the victim registers it.
        var victim = await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/register", new { phone = victimPhone, password = ApiClient.Password }), 201);
        var code = await app.WaitForSmsCodeAsync(victimPhone, seen);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/phone", new { phone = victimPhone, code }), 200);
        var own = await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/login", new { phone = victimPhone, password = ApiClient.Password }), 200);
        Assert.Equal(victim.GetProperty("user_id").GetString(), own.GetProperty("user").GetProperty("id").GetString());

        var attackers = await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/login", new { email = attacker, password = AttackerPassword }), 200);
        Assert.Equal(JsonValueKind.Null, attackers.GetProperty("user").GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task Seq2_CodeSentBeforeTheAttackerClaimedTheAccount_IsRefused()
    {
        var attacker = ApiClient.NewEmail();
        var victimPhone = TakeoverApp.NewPhone();
        await RegisterAsync(new { email = attacker, phone = victimPhone, password = AttackerPassword });

        var seen = app.SmsCount(victimPhone);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { phone = victimPhone }), 202);
        var code = await app.WaitForSmsCodeAsync(victimPhone, seen);
        await VerifyEmailAsync(attacker);
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { phone = victimPhone, code }), 400, "INVALID_OTP");
    }

    [Fact]
    public async Task Seq2_VerifiedAttackerPhoneOnTheVictimsAddress_ResetIsRefusedAndRegisteringTakesTheAddress()
    {
        var victim = ApiClient.NewEmail();
        var attackerPhone = TakeoverApp.NewPhone();
        await RegisterAsync(new { email = victim, phone = attackerPhone, password = AttackerPassword });
        var sms = app.SmsCount(attackerPhone);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/resend", new { phone = attackerPhone }), 202);
        var code = await app.WaitForSmsCodeAsync(attackerPhone, sms);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/phone", new { phone = attackerPhone, code }), 200);

        // A reset of the victim's address on the attacker's account would leave his phone as a way in: no code is sent.
        var mails = await _api.Mail.CountAsync(victim);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/forgot", new { email = victim }), 202);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(mails, await _api.Mail.CountAsync(victim));

        var registered = await _api.RegisterVerifiedAsync(victim);
        var own = (await _api.LoginAsync(registered)).GetProperty("user");
        Assert.Equal(JsonValueKind.Null, own.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task Seq3_CreateAdmin_OnAnAddressPreRegisteredWithTheAttackersPhone_TakesItOverCleanly()
    {
        var ops = ApiClient.NewEmail();
        var attackerPhone = TakeoverApp.NewPhone();
        await RegisterAsync(new { email = ops, phone = attackerPhone, password = AttackerPassword });
        var sms = app.SmsCount(attackerPhone);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/resend", new { phone = attackerPhone }), 202);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/phone", new { phone = attackerPhone, code = await app.WaitForSmsCodeAsync(attackerPhone, sms) }), 200);
        var attackers = await OtpSignInAsync(null, attackerPhone);
        var key = (await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "mine" }, CoreFlowTests.Token(attackers)), 201)).GetProperty("key").GetString()!;

        AdminCreated created;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            created = (await scope.ServiceProvider.GetRequiredService<ICreateAdmin>().ExecuteAsync(ops, "the operator's passphrase", CancellationToken.None)).Value;
        }

        Assert.True(created.TookOver);
        Assert.Equal(1, created.SessionsRevoked);
        Assert.Equal(1, created.ApiKeysRevoked);
        Assert.Contains("phone", created.Removed);
        Assert.Contains("taken over", created.Summary, StringComparison.Ordinal);

        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = attackers.GetProperty("refresh_token").GetString() }), 401, "SESSION_REVOKED");
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", CoreFlowTests.Token(attackers)), 401, "SESSION_REVOKED");
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me"))
        {
            request.Headers.Add("X-API-Key", key);
            await Expect.ErrorAsync(await _api.Http.SendAsync(request), 401, "INVALID_TOKEN");
        }

        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", new { phone = attackerPhone, password = AttackerPassword }), 401, "INVALID_CREDENTIALS");
        var admin = (await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/login", new { email = ops, password = "the operator's passphrase" }), 200)).GetProperty("user");
        Assert.Contains("admin", admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, admin.GetProperty("phone").ValueKind);
    }

    /// <summary>Registers with an email, and waits for its verification mail, so later counts of the mailbox start after it.</summary>
    private async Task RegisterAsync(object body)
    {
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", body), 201);
        await _api.Mail.WaitForCodeAsync((string)body.GetType().GetProperty("email")!.GetValue(body)!);
    }

    private async Task VerifyEmailAsync(string email)
    {
        // Registration sent the first code; a resend after the cooldown is not needed, the first is in the mailbox.
        var code = await _api.Mail.WaitForCodeAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code }), 200);
    }

    private async Task<JsonElement> OtpSignInAsync(string? email, string? phone = null)
    {
        string code;
        if (phone is not null)
        {
            var seen = app.SmsCount(phone);
            await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { phone }), 202);
            code = await app.WaitForSmsCodeAsync(phone, seen);
            return await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { phone, code }), 200);
        }

        var mails = await _api.Mail.CountAsync(email!);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { email }), 202);
        code = await _api.Mail.WaitForCodeAsync(email!, mails);
        return await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { email, code }), 200);
    }
}
