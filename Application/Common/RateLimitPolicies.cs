namespace AuthService.Application.Common;

/// <summary>
/// The named rate-limit policies and their defaults; RATE_LIMIT__&lt;POLICY&gt;__LIMIT and
/// __WINDOW_SECONDS override them (the policy name upper-cased, '-' as '_').
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Password sign-in per client IP and identifier.</summary>
    public const string Login = "login";

    /// <summary>Password sign-in per client IP, whatever the identifier.</summary>
    public const string LoginIp = "login-ip";

    /// <summary>Registrations per client IP.</summary>
    public const string Register = "register";

    /// <summary>One-time sign-in codes asked for per client IP.</summary>
    public const string OtpStart = "otp-start";

    /// <summary>Verification codes asked for again per client IP.</summary>
    public const string Resend = "resend";

    /// <summary>Password reset codes asked for per client IP.</summary>
    public const string Forgot = "forgot";

    /// <summary>Contact verification per identifier (email or phone).</summary>
    public const string Verify = "verify";

    /// <summary>One-time-code sign-in per identifier.</summary>
    public const string OtpVerify = "otp-verify";

    /// <summary>Password reset with a code per identifier.</summary>
    public const string Reset = "reset";

    /// <summary>Second-factor codes at sign-in per client IP (each mfa_token also allows only 5 tries).</summary>
    public const string MfaVerify = "mfa-verify";

    /// <summary>Refresh per session.</summary>
    public const string Refresh = "refresh";

    /// <summary>OAuth redirects to a provider per client IP.</summary>
    public const string OAuthStart = "oauth-start";

    /// <summary>OAuth callbacks per client IP (each one calls the provider).</summary>
    public const string OAuthCallback = "oauth-callback";

    /// <summary>One-time OAuth codes traded for tokens per client IP.</summary>
    public const string OAuthExchange = "oauth-exchange";

    /// <summary>Provider codes the app obtained itself, for sign-in or linking, per client IP (each one calls the provider).</summary>
    public const string OAuthToken = "oauth-token";

    /// <summary>Every other route per client IP.</summary>
    public const string General = "general";

    public static readonly IReadOnlyDictionary<string, RateLimitRule> Defaults = new Dictionary<string, RateLimitRule>
    {
        [Login] = new(10, TimeSpan.FromMinutes(5)),
        [LoginIp] = new(50, TimeSpan.FromMinutes(5)),
        [Register] = new(5, TimeSpan.FromMinutes(10)),
        [OtpStart] = new(5, TimeSpan.FromMinutes(10)),
        [Resend] = new(5, TimeSpan.FromMinutes(10)),
        [Forgot] = new(5, TimeSpan.FromMinutes(10)),
        [Verify] = new(10, TimeSpan.FromMinutes(10)),
        [OtpVerify] = new(10, TimeSpan.FromMinutes(10)),
        [Reset] = new(10, TimeSpan.FromMinutes(10)),
        [MfaVerify] = new(30, TimeSpan.FromMinutes(1)),
        [Refresh] = new(60, TimeSpan.FromMinutes(1)),
        [OAuthStart] = new(60, TimeSpan.FromMinutes(1)),
        [OAuthCallback] = new(60, TimeSpan.FromMinutes(1)),
        [OAuthExchange] = new(60, TimeSpan.FromMinutes(1)),
        [OAuthToken] = new(30, TimeSpan.FromMinutes(1)),
        [General] = new(600, TimeSpan.FromMinutes(1)),
    };

    /// <summary>The environment-variable stem of a policy: "login-ip" → "LOGIN_IP".</summary>
    public static string SettingName(string policy) => policy.Replace('-', '_').ToUpperInvariant();
}
