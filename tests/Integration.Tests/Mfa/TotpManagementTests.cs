namespace AuthService.Integration.Tests.Mfa;

/// <summary>Changing factors: an MFA session is needed, codes are checked, the seed is sealed to its user.</summary>
public sealed class TotpManagementTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly MfaClient _mfa = new(app.Api());

    [Fact]
    public async Task FactorChanges_NeedASessionThatPassedMfa()
    {
        var email = await _api.RegisterVerifiedAsync();
        var enrolling = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        var passwordOnly = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        var (secret, codes) = await _mfa.EnableTotpAsync(enrolling);

        // The older session proved only the password: it may look, not change.
        await Expect.StatusAsync(await _api.GetAsync("/api/v1/users/me/mfa", passwordOnly), 200);
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/users/me/mfa/recovery-codes", new { code = codes[0] }, passwordOnly), 403, "FORBIDDEN");
        await Expect.ErrorAsync(await _api.SendAsync(HttpMethod.Delete, "/api/v1/users/me/mfa/totp", new { code = codes[0] }, passwordOnly), 403, "FORBIDDEN");
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/users/me/mfa/totp", new { }, passwordOnly), 403, "FORBIDDEN");

        // The enrolling session proved the new factor, so it may; new codes replace the old ones.
        var fresh = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/users/me/mfa/recovery-codes", new { code = codes[0] }, enrolling), 200);
        var newCodes = fresh.GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(10, newCodes.Length);
        await Expect.ErrorAsync(await _mfa.VerifyAsync(await _mfa.PasswordStepAsync(email), codes[1]), 400, "INVALID_MFA_CODE");

        // Disabling needs a valid code too; then sign-in is back to one step.
        await Expect.ErrorAsync(
            await _api.SendAsync(HttpMethod.Delete, "/api/v1/users/me/mfa/totp", new { code = MfaClient.WrongCode(secret) }, enrolling),
            400, "INVALID_MFA_CODE");
        await Expect.ErrorAsync(await _api.SendAsync(HttpMethod.Delete, "/api/v1/users/me/mfa/totp", null, enrolling), 422, "VALIDATION_ERROR");
        await Expect.StatusAsync(
            await _api.SendAsync(HttpMethod.Delete, "/api/v1/users/me/mfa/totp", new { code = newCodes[0] }, enrolling), 204);
        var tokens = await _api.LoginAsync(email);
        Assert.Equal(["pwd"], MfaClient.Amr(tokens));
        var status = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/mfa", enrolling), 200);
        Assert.False(status.GetProperty("totp").GetBoolean());
        Assert.Equal(0, status.GetProperty("recovery_codes_left").GetInt32());
        Assert.Equal(1, await app.QueryAsync<int>(
            "SELECT count(*)::int FROM audit_events WHERE action = 'mfa.disabled' AND user_id = (SELECT id FROM users WHERE email = @email)", new { email }));
    }

    [Fact]
    public async Task TheSeedIsStoredEncrypted_AndACopyInAnotherUsersRowDoesNotWork()
    {
        var alice = await _api.RegisterVerifiedAsync();
        var bob = await _api.RegisterVerifiedAsync();
        var (secret, _) = await _mfa.EnableTotpAsync((await _api.LoginAsync(alice)).GetProperty("access_token").GetString()!);
        var bobSession = (await _api.LoginAsync(bob)).GetProperty("access_token").GetString()!;
        var (_, bobCodes) = await _mfa.EnableTotpAsync(bobSession);

        var stored = await app.QueryAsync<string>(
            "SELECT secret_ciphertext FROM totp_factors t JOIN users u ON u.id = t.user_id WHERE u.email = @alice", new { alice });
        Assert.StartsWith("v1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);

        // Alice's sealed seed copied into Bob's row: Alice's codes do not open Bob's account.
        await app.ExecuteAsync(
            "UPDATE totp_factors SET secret_ciphertext = @stored WHERE user_id = (SELECT id FROM users WHERE email = @bob)", new { stored, bob });
        await Expect.ErrorAsync(await _mfa.VerifyAsync(await _mfa.PasswordStepAsync(bob), MfaClient.Code(secret, 1)), 400, "INVALID_MFA_CODE");
        await Expect.StatusAsync(await _mfa.VerifyAsync(await _mfa.PasswordStepAsync(bob), bobCodes[0]), 200);
    }
}
