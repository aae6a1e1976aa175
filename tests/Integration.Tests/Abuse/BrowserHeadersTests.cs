namespace AuthService.Integration.Tests.Abuse;

/// <summary>The service with one browser origin allowed, and HSTS on.</summary>
public sealed class CorsApp : AuthServiceApp
{
    public const string Origin = "https://app.example.test";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["CORS:ORIGINS"] = Origin + ", http://localhost:3000",
        ["SERVER:HSTS"] = "true",
    };
}

public sealed class BrowserHeadersTests(CorsApp app) : IClassFixture<CorsApp>
{
    private readonly ApiClient _api = app.Api();

    [Theory]
    [InlineData("/api/v1/plans")]
    [InlineData("/api/v1/no/such/route")]
    [InlineData("/api/v1/users/me")]
    [InlineData("/.well-known/jwks.json")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await _api.GetAsync(path);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ErrorsAndAdminListener_CarryThemToo()
    {
        using var malformed = await _api.Http.PostAsync("/api/v1/auth/login", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        await Expect.ErrorAsync(malformed, 400, "MALFORMED_REQUEST");
        AssertSecurityHeaders(malformed);
        using var admin = app.Admin();
        using var health = await admin.GetAsync("/health/live");
        AssertSecurityHeaders(health);
    }

    [Fact]
    public async Task TokenResponses_AreNotStored()
    {
        var email = await _api.RegisterVerifiedAsync();
        using var login = await _api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });
        await Expect.StatusAsync(login, 200);
        Assert.True(login.Headers.CacheControl?.NoStore, "a token response must carry Cache-Control: no-store");
        var tokens = await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var refresh = await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = tokens.GetProperty("refresh_token").GetString() });
        await Expect.StatusAsync(refresh, 200);
        Assert.True(refresh.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task ListedOrigin_GetsCorsWithCredentials_AndPreflight204()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/auth/login");
        preflight.Headers.Add("Origin", CorsApp.Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        using var answer = await _api.Http.SendAsync(preflight);
        Assert.Equal(204, (int)answer.StatusCode);
        Assert.Equal(CorsApp.Origin, Header(answer, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(answer, "Access-Control-Allow-Credentials"));
        Assert.Contains("POST", Header(answer, "Access-Control-Allow-Methods") ?? "", StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
        request.Headers.Add("Origin", CorsApp.Origin);
        using var simple = await _api.Http.SendAsync(request);
        Assert.Equal(CorsApp.Origin, Header(simple, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(simple, "Access-Control-Allow-Credentials"));
        Assert.Contains("X-Request-ID", Header(simple, "Access-Control-Expose-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example.test")]
    [InlineData("https://app.example.test.evil.test")]
    [InlineData("http://app.example.test")]
    [InlineData("null")]
    public async Task OtherOrigins_GetNoCorsHeaders(string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/auth/login");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await _api.Http.SendAsync(preflight);
        Assert.Null(Header(answer, "Access-Control-Allow-Origin"));
        Assert.Null(Header(answer, "Access-Control-Allow-Credentials"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
        request.Headers.Add("Origin", origin);
        using var simple = await _api.Http.SendAsync(request);
        Assert.Equal(200, (int)simple.StatusCode);
        Assert.Null(Header(simple, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("username")]
    public async Task Login_WithNulInTheIdentifier_IsA422NamingTheField(string field)
    {
        var body = new Dictionary<string, string> { [field] = "a@b.c\u0000", ["password"] = "whatever it is, long" };
        var error = await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", body), 422, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty(field, out _));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("default-src 'none'", Header(response, "Content-Security-Policy") ?? "", StringComparison.Ordinal);
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security") ?? "", StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
