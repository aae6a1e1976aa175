namespace AuthService.Integration.Tests.Api;

/// <summary>An OAuth provider that cannot be reached: 502 OAUTH_PROVIDER_ERROR, as the documents declare.</summary>
public sealed class ProviderDownStatusTests(ProviderDownStatusTests.DeadProviderApp app) : IClassFixture<ProviderDownStatusTests.DeadProviderApp>
{
    private const string AppRedirect = "http://localhost:3000/callback";

    [Fact]
    public async Task Authorize_And_CodeExchange_WithTheProviderDown_Are502()
    {
        var documents = await DocumentedApi.LoadAsync(app);
        using var client = app.Public();
        var authorize = await client.GetAsync($"/api/v1/auth/oauth/dead/authorize?redirect_uri={Uri.EscapeDataString(AppRedirect)}");
        await documents.DeclaredAsync(documents.Find("get", "/api/v1/auth/oauth/{provider}/authorize"), authorize, 502, "OAUTH_PROVIDER_ERROR");

        var exchange = await app.Api().PostAsync(
            "/api/v1/auth/oauth/dead/token", new { code = "c", code_verifier = new string('v', 43), redirect_uri = AppRedirect });
        await documents.DeclaredAsync(documents.Find("post", "/api/v1/auth/oauth/{provider}/token"), exchange, 502, "OAUTH_PROVIDER_ERROR");
    }

    public sealed class DeadProviderApp : AuthServiceApp
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            // Port 9 on loopback: nothing listens, so discovery fails at once.
            ["OAUTH:PROVIDERS:DEAD:ISSUER"] = "http://127.0.0.1:9",
            ["OAUTH:PROVIDERS:DEAD:CLIENT_ID"] = "client",
            ["OAUTH:PROVIDERS:DEAD:CLIENT_SECRET"] = "secret",
            ["OAUTH:REDIRECT_ALLOWLIST"] = AppRedirect,
        };
    }
}
