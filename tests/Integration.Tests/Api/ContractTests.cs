using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthService.Integration.Tests.Api;

/// <summary>Error envelope, listeners, headers, keys and documents, as a black-box client sees them.</summary>
public sealed class ContractTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task MalformedJson_Is400MalformedRequest()
    {
        using var content = new StringContent("{\"email\": ", Encoding.UTF8, "application/json");
        await Expect.ErrorAsync(await _api.Http.PostAsync("/api/v1/auth/login", content), 400, "MALFORMED_REQUEST");
    }

    [Fact]
    public async Task WrongJsonType_Is400MalformedRequest()
    {
        using var content = new StringContent("{\"email\": 42, \"password\": []}", Encoding.UTF8, "application/json");
        await Expect.ErrorAsync(await _api.Http.PostAsync("/api/v1/auth/login", content), 400, "MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Validation_Is422WithFields()
    {
        var body = await Expect.ErrorAsync(
            await _api.PostAsync("/api/v1/auth/register", new { email = "not-an-email", password = "short" }), 422, "VALIDATION_ERROR");
        var fields = body.GetProperty("error").GetProperty("details").GetProperty("fields");
        Assert.Contains("must be at least 12 characters", fields.GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        Assert.True(fields.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task UnknownRoute_Is404Envelope()
    {
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/nothing-here"), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _api.GetAsync("/definitely/not"), 404, "NOT_FOUND");
    }

    [Fact]
    public async Task BodyOver64KiB_Is413()
    {
        var big = new { email = "a@example.test", password = new string('x', 70 * 1024) };
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/auth/login", big), 413, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task RequestId_IsEchoedWhenSane_ElseGenerated()
    {
        using var sane = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        sane.Headers.Add("X-Request-ID", "abc-123");
        var echoed = await _api.Http.SendAsync(sane);
        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Request-ID").Single());

        using var evil = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing");
        evil.Headers.TryAddWithoutValidation("X-Request-ID", "<script>" + new string('a', 300));
        var replaced = await _api.Http.SendAsync(evil);
        var id = replaced.Headers.GetValues("X-Request-ID").Single();
        Assert.True(Guid.TryParse(id, out _));
        var body = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task AdminRoutes_OnlyOnAdminListener_PublicRoutesNotOnAdmin()
    {
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/admin/users"), 404, "NOT_FOUND");
        using var admin = app.Admin();
        await Expect.StatusAsync(await admin.GetAsync("/health/live"), 200);
        var publicOnAdmin = await admin.PostAsJsonAsync("/api/v1/auth/login", new { email = "a@example.test", password = "x" });
        await Expect.ErrorAsync(publicOnAdmin, 404, "NOT_FOUND");
    }

    [Fact]
    public async Task Bearer_MissingGarbageOrTampered_Are401WithCodes()
    {
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me"), 401, "UNAUTHORIZED");
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", "garbage"), 401, "INVALID_TOKEN");

        var token = (await _api.LoginAsync(await _api.RegisterVerifiedAsync())).GetProperty("access_token").GetString()!;
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"roles\":[\"user\"]", "\"roles\":[\"admin\"]", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", tampered), 401, "INVALID_TOKEN");
        var unsigned = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}")}.{parts[1]}.";
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/users/me", unsigned), 401, "INVALID_TOKEN");
    }

    [Fact]
    public async Task AccessToken_VerifiesLocallyAgainstJwks_WithRfc9068Claims()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var jwks = new JsonWebKeySet(await _api.Http.GetStringAsync("/.well-known/jwks.json"));
        Assert.All(jwks.Keys, k => Assert.True(string.IsNullOrEmpty(k.D), "private key material in JWKS"));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.GetProperty("access_token").GetString(), new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = "http://127.0.0.1:8001",
            ValidAudience = "authservice",
            ValidTypes = ["at+jwt"],
            ValidAlgorithms = ["ES256"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(tokens.GetProperty("user").GetProperty("id").GetString(), jwt.Subject);
        Assert.Equal(tokens.GetProperty("session_id").GetString(), jwt.GetClaim("sid").Value);
        foreach (var claim in new[] { "jti", "iat", "exp", "scope", "email", "roles", "plan" })
        {
            Assert.True(jwt.TryGetClaim(claim, out _), $"missing claim {claim}");
        }

        Assert.False(string.IsNullOrEmpty(jwt.Kid));
    }

    [Fact]
    public async Task Health_OpenApi_Docs()
    {
        await Expect.StatusAsync(await _api.GetAsync("/health/live"), 200);
        var ready = await Expect.JsonAsync(await _api.GetAsync("/health/ready"), 200);
        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("postgres").GetString());
        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("redis").GetString());

        var openapi = await Expect.JsonAsync(await _api.GetAsync("/openapi/v1.json"), 200);
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        var docs = await _api.GetAsync("/docs/index.html");
        await Expect.StatusAsync(docs, 200);
    }
}
