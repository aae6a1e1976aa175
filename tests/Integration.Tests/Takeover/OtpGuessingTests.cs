namespace AuthService.Integration.Tests.Takeover;

/// <summary>Sequence 7: a new code every minute must not mean five more guesses forever.</summary>
public sealed class OtpGuessingTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task Seq7_TenWrongCodesAcrossCodesAndPurposes_LockCodeChecksForTheAddress_RightCodeIncluded()
    {
        // Three live codes to one address: the registration's, a sign-in code and a reset code.
        var email = ApiClient.NewEmail();
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);
        var verify = await _api.Mail.WaitForCodeAsync(email);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/otp/start", new { email }), 202);
        var login = await _api.Mail.WaitForCodeAsync(email, 1);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/password/forgot", new { email }), 202);
        var reset = await _api.Mail.WaitForCodeAsync(email, 2);

        // Four wrong on each of the first two, two on the third: no code ran out of its own five tries.
        for (var i = 0; i < 4; i++)
        {
            await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code = Wrong(verify, i) }), 400, "INVALID_OTP");
            await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/otp/verify", new { email, code = Wrong(login, i) }), 400, "INVALID_OTP");
        }

        for (var i = 0; i < 2; i++)
        {
            await Expect.ErrorAsync(await _api.PostAsync(
                "/api/v1/auth/password/reset", new { email, code = Wrong(reset, i), new_password = "the thief's passphrase" }), 400, "INVALID_OTP");
        }

        var refused = await _api.PostAsync("/api/v1/auth/otp/verify", new { email, code = login });
        await Expect.ErrorAsync(refused, 429, "OTP_ATTEMPTS_EXCEEDED");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(55));
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/verify/email", new { email, code = verify }), 429, "OTP_ATTEMPTS_EXCEEDED");

        // Password sign-in is not what is limited: it gets as far as "verify your address first".
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password }), 403, "EMAIL_NOT_VERIFIED");
    }

    /// <summary>A code that is certainly not <paramref name="right"/>.</summary>
    private static string Wrong(string right, int i)
    {
        var value = (int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
