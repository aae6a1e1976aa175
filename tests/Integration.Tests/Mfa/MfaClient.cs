using Microsoft.IdentityModel.Tokens;
using OtpNet;

namespace AuthService.Integration.Tests.Mfa;

/// <summary>What an authenticator app does (compute codes from the enrolled secret), and the calls around it.</summary>
internal sealed class MfaClient(ApiClient api)
{
    public ApiClient Api => api;

    /// <summary>The code of the time step <paramref name="stepsAhead"/> from now (the server accepts ±1).</summary>
    public static string Code(string secret, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    /// <summary>A six-digit code that is none of the three the server would accept now.</summary>
    public static string WrongCode(string secret)
    {
        var valid = new[] { Code(secret, -1), Code(secret), Code(secret, 1) };
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !valid.Contains(c));
    }

    /// <summary>Enrols and confirms TOTP in the given session; the secret and the recovery codes.</summary>
    public async Task<(string Secret, string[] RecoveryCodes)> EnableTotpAsync(string accessToken)
    {
        var enrol = await Expect.JsonAsync(await api.PostAsync("/api/v1/users/me/mfa/totp", new { }, accessToken), 201);
        var secret = enrol.GetProperty("secret").GetString()!;
        var confirm = await Expect.JsonAsync(
            await api.PostAsync("/api/v1/users/me/mfa/totp/confirm", new { code = Code(secret) }, accessToken), 200);
        var codes = confirm.GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return (secret, codes);
    }

    /// <summary>A password sign-in that must stop at the second factor; its mfa_token.</summary>
    public async Task<string> PasswordStepAsync(string email)
    {
        var response = await api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });
        var body = await Expect.ErrorAsync(response, 403, "MFA_REQUIRED");
        return body.GetProperty("error").GetProperty("details").GetProperty("mfa_token").GetString()!;
    }

    public Task<HttpResponseMessage> VerifyAsync(string mfaToken, string code) =>
        api.PostAsync("/api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code });

    public static string[] Amr(JsonElement tokens)
    {
        var payload = tokens.GetProperty("access_token").GetString()!.Split('.')[1];
        using var claims = JsonDocument.Parse(Base64UrlEncoder.Decode(payload));
        return claims.RootElement.TryGetProperty("amr", out var amr)
            ? amr.EnumerateArray().Select(a => a.GetString()!).ToArray()
            : [];
    }
}
