using System.Globalization;

namespace AuthService.Integration.Tests.OAuth;

/// <summary>The service with two providers: "test" (OpenID Connect by discovery) and "github".</summary>
public class OAuthApp : AuthServiceApp
{
    public const string AppRedirect = "http://localhost:3000/callback";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        Settings().Concat(MoreSettings).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>What a derived fixture adds or changes.</summary>
    protected virtual IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    private Dictionary<string, string?> Settings() => new()
    {
        ["OAUTH:PROVIDERS:TEST:ISSUER"] = OidcTestServices.Issuer,
        ["OAUTH:PROVIDERS:TEST:CLIENT_ID"] = OidcTestServices.ClientId,
        ["OAUTH:PROVIDERS:TEST:CLIENT_SECRET"] = OidcTestServices.ClientSecret,
        ["OAUTH:PROVIDERS:TEST:SCOPES"] = "openid email profile",
        ["OAUTH:PROVIDERS:GITHUB:KIND"] = "github",
        ["OAUTH:PROVIDERS:GITHUB:CLIENT_ID"] = OidcTestServices.ClientId,
        ["OAUTH:PROVIDERS:GITHUB:CLIENT_SECRET"] = OidcTestServices.ClientSecret,
        ["OAUTH:PROVIDERS:GITHUB:AUTHORIZE_URL"] = OidcTestServices.GitHubUrl + "/login/oauth/authorize",
        ["OAUTH:PROVIDERS:GITHUB:TOKEN_URL"] = OidcTestServices.GitHubUrl + "/login/oauth/access_token",
        ["OAUTH:PROVIDERS:GITHUB:API_URL"] = OidcTestServices.GitHubUrl,
        ["OAUTH:REDIRECT_ALLOWLIST"] = AppRedirect + ",http://127.0.0.1:3000/callback",
        ["OAUTH:CALLBACK_BASE_URL"] = "http://127.0.0.1:" + PublicPort.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A client for our service that does not follow redirects, so tests can look at them.</summary>
    public HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{PublicPort}"),
        };
}
