using AuthService.Host.Configuration;
using AuthService.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace AuthService.Integration.Tests.Api;

/// <summary>Password sign-in lockout with the defaults: 5 wrong passwords, 15 minutes.</summary>
public sealed class LockoutTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private const string WrongPassword = "not the password at all";
    private readonly ApiClient _api = app.Api();

    private async Task<string> LockedAccountAsync()
    {
        var email = await _api.RegisterVerifiedAsync();
        for (var i = 0; i < 5; i++)
        {
            await Expect.ErrorAsync(
                await _api.PostAsync("/api/v1/auth/login", new { email, password = WrongPassword }), 401, "INVALID_CREDENTIALS");
        }

        return email;
    }

    [Fact]
    public async Task FiveWrongPasswords_LockPasswordSignIn_EvenWithTheRightPassword()
    {
        var email = await LockedAccountAsync();

        var locked = await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });

        await Expect.ErrorAsync(locked, 423, "ACCOUNT_LOCKED");
        var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 14 * 60, 15 * 60);
    }

    [Theory]
    [InlineData("LOGIN:MAX_FAILED_ATTEMPTS", "-1", "LOGIN__MAX_FAILED_ATTEMPTS")]
    [InlineData("LOGIN:LOCKOUT_MINUTES", "0", "LOGIN__LOCKOUT_MINUTES")]
    public void OutOfRangeSetting_StopsStartNamingTheVariable(string key, string value, string variable)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var e = Assert.Throws<InvalidOperationException>(() => SessionSettingsReader.ReadLockout(configuration));

        Assert.StartsWith(variable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailuresBelowTheLimit_AreForgottenAfterASuccessfulSignIn()
    {
        var email = await _api.RegisterVerifiedAsync();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                await Expect.ErrorAsync(
                    await _api.PostAsync("/api/v1/auth/login", new { email, password = WrongPassword }), 401, "INVALID_CREDENTIALS");
            }

            await _api.LoginAsync(email);
        }
    }

    [Fact]
    public async Task LockedAccount_CanStillSignInWithACode_AndAPasswordResetLiftsTheLock()
    {
        var email = await LockedAccountAsync();

        var seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { email }), 202);
        var otp = await _api.Mail.WaitForCodeAsync(email, seen);
        await Expect.JsonAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { email, code = otp }), 200);

        seen = await _api.Mail.CountAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/forgot", new { email }), 202);
        var code = await _api.Mail.WaitForCodeAsync(email, seen);
        const string newPassword = "a brand new passphrase";
        await Expect.StatusAsync(
            await _api.PostAsync("/api/v1/auth/password/reset", new { email, code, new_password = newPassword }), 204);

        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/login", new { email, password = newPassword }), 200);
    }
}
