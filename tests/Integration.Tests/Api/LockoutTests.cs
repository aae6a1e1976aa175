using AuthService.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace AuthService.Integration.Tests.Api;

/// <summary>Password sign-in lockout per identifier, with the defaults: 5 failures, 15 minutes.</summary>
public sealed class LockoutTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private const string WrongPassword = "not the password at all";
    private readonly ApiClient _api = app.Api();

    private async Task FailFiveTimesAsync(string email)
    {
        for (var i = 0; i < 5; i++)
        {
            await Expect.ErrorAsync(await LoginAsync(email, WrongPassword), 401, "INVALID_CREDENTIALS");
        }
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        _api.PostAsync("/api/v1/auth/login", new { email, password });

    /// <summary>Registers, locks, and waits for the e-mail that says so (one, when the lock starts).</summary>
    private async Task<string> LockedAccountAsync()
    {
        var email = await _api.RegisterVerifiedAsync();
        var seen = await _api.Mail.CountAsync(email);
        await FailFiveTimesAsync(email);
        var notice = await _api.Mail.WaitForMessageAsync(email, seen);
        Assert.Contains("locked", notice, StringComparison.OrdinalIgnoreCase);
        return email;
    }

    [Fact]
    public async Task FiveWrongPasswords_LockPasswordSignIn_EvenWithTheRightPassword_AndTheOwnerIsToldOnce()
    {
        var email = await LockedAccountAsync();
        var seen = await _api.Mail.CountAsync(email);

        var locked = await LoginAsync(email, ApiClient.Password);
        await Expect.ErrorAsync(locked, 423, "ACCOUNT_LOCKED");
        var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 14 * 60, 15 * 60);
        await Expect.ErrorAsync(await LoginAsync(email, WrongPassword), 423, "ACCOUNT_LOCKED");

        // Attempts while locked send nothing more.
        await Task.Delay(300);
        Assert.Equal(seen, await _api.Mail.CountAsync(email));
    }

    [Fact]
    public async Task UnknownIdentifier_LocksExactlyLikeAKnownOne_AndCostsNoRow()
    {
        var users = await app.QueryAsync<long>("SELECT count(*) FROM users");
        var nobody = ApiClient.NewEmail();
        await FailFiveTimesAsync(nobody);

        var known = await LockedAccountAsync();
        var forUnknown = await LoginAsync(nobody, ApiClient.Password);
        var forKnown = await LoginAsync(known, ApiClient.Password);

        await Expect.ErrorAsync(forUnknown, 423, "ACCOUNT_LOCKED");
        await Expect.ErrorAsync(forKnown, 423, "ACCOUNT_LOCKED");
        Assert.Equal(
            (await forKnown.Content.ReadAsStringAsync()).Split("\"message\"")[1].Split("\"request_id\"")[0],
            (await forUnknown.Content.ReadAsStringAsync()).Split("\"message\"")[1].Split("\"request_id\"")[0]);
        Assert.Equal(users + 1, await app.QueryAsync<long>("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task TheLockIsPerIdentifier_CaseAndLookAlikesIncluded()
    {
        var email = await LockedAccountAsync();
        await Expect.ErrorAsync(await LoginAsync(email.ToUpperInvariant(), ApiClient.Password), 423, "ACCOUNT_LOCKED");

        var other = await _api.RegisterVerifiedAsync();
        await _api.LoginAsync(other);
    }

    [Theory]
    [InlineData("LOGIN:MAX_FAILED_ATTEMPTS", "-1", "LOGIN__MAX_FAILED_ATTEMPTS")]
    [InlineData("LOGIN:LOCKOUT_MINUTES", "0", "LOGIN__LOCKOUT_MINUTES")]
    [InlineData("LOGIN:FAILURE_WINDOW_MINUTES", "0", "LOGIN__FAILURE_WINDOW_MINUTES")]
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
                await Expect.ErrorAsync(await LoginAsync(email, WrongPassword), 401, "INVALID_CREDENTIALS");
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

        await Expect.StatusAsync(await LoginAsync(email, newPassword), 200);
    }
}
