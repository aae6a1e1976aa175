namespace AuthService.Integration.Tests.ApiKeys;

public sealed class IntrospectTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly DownstreamService _downstream = new(app, app.Api());

    /// <summary>As a downstream service calls it: with a service key an admin issued.</summary>
    private Task<HttpResponseMessage> IntrospectAsync(object body) => _downstream.IntrospectAsync(body);

    private static async Task ExpectInactiveAsync(HttpResponseMessage response)
    {
        var body = await Expect.JsonAsync(response, 200);

        // RFC 7662: nothing but "active": false, whatever the reason.
        Assert.Equal("""{"active":false}""", body.GetRawText());
    }

    [Fact]
    public async Task AccessToken_IsActive_WithItsClaims()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var userId = tokens.GetProperty("user").GetProperty("id").GetString();

        var response = await IntrospectAsync(new { token = tokens.GetProperty("access_token").GetString() });
        var body = await Expect.JsonAsync(response, 200);

        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(userId, body.GetProperty("sub").GetString());
        Assert.Equal(tokens.GetProperty("session_id").GetString(), body.GetProperty("sid").GetString());
        Assert.Equal("free", body.GetProperty("plan").GetString());
        Assert.Equal(["user"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.String, body.GetProperty("scope").ValueKind);
        var exp = DateTimeOffset.FromUnixTimeSeconds(body.GetProperty("exp").GetInt64());
        Assert.InRange(exp, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.False(body.TryGetProperty("quota", out _));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ApiKey_IsActive_WithoutSession_AndMarksTheKeyUsed()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        var access = tokens.GetProperty("access_token").GetString()!;
        var created = await Expect.JsonAsync(
            await _api.PostAsync("/api/v1/api-keys", new { name = "ci", scopes = new[] { "read", "users:write" } }, access), 201);

        var body = await Expect.JsonAsync(await IntrospectAsync(new { token = created.GetProperty("key").GetString() }), 200);

        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(tokens.GetProperty("user").GetProperty("id").GetString(), body.GetProperty("sub").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("sid").ValueKind);
        Assert.Equal("read users:write", body.GetProperty("scope").GetString());
        Assert.Equal("free", body.GetProperty("plan").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("exp").ValueKind);

        var listed = (await Expect.JsonAsync(await _api.GetAsync("/api/v1/api-keys", access), 200)).GetProperty("items")[0];
        Assert.InRange(listed.GetProperty("last_used_at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task RevokedExpiredOrDisabledOwnersKey_IsInactive()
    {
        var email = await _api.RegisterVerifiedAsync();
        var access = (await _api.LoginAsync(email)).GetProperty("access_token").GetString()!;
        var revoked = await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "revoked" }, access), 201);
        var expired = await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "expired" }, access), 201);
        var owned = await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "owned" }, access), 201);

        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/api-keys/{revoked.GetProperty("id").GetString()}", access), 204);
        await ExpectInactiveAsync(await IntrospectAsync(new { token = revoked.GetProperty("key").GetString() }));

        await app.ExecuteAsync(
            "UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = @id",
            new { id = Guid.Parse(expired.GetProperty("id").GetString()!) });
        await ExpectInactiveAsync(await IntrospectAsync(new { token = expired.GetProperty("key").GetString() }));

        await Expect.JsonAsync(await IntrospectAsync(new { token = owned.GetProperty("key").GetString() }), 200);
        await app.ExecuteAsync("UPDATE users SET status = 'disabled' WHERE lower(email) = lower(@email)", new { email });
        await ExpectInactiveAsync(await IntrospectAsync(new { token = owned.GetProperty("key").GetString() }));
    }

    [Fact]
    public async Task RevokedSessionsAccessToken_IsInactive()
    {
        var access = (await _api.LoginAsync(await _api.RegisterVerifiedAsync())).GetProperty("access_token").GetString()!;
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/auth/logout", new { }, access), 204);

        await ExpectInactiveAsync(await IntrospectAsync(new { token = access }));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")]
    [InlineData("ask_abcd1234_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ask_short")]
    public async Task Garbage_IsInactive(string token)
    {
        await ExpectInactiveAsync(await IntrospectAsync(new { token }));
        await ExpectInactiveAsync(await IntrospectAsync(new { token, service = "cvmaker", consume = true }));
    }

    [Fact]
    public async Task OversizedToken_IsInactive() =>
        await ExpectInactiveAsync(await IntrospectAsync(new { token = new string('a', 5000) }));

    [Fact]
    public async Task BadRequests_AreEnvelopes()
    {
        var body = await Expect.ErrorAsync(await IntrospectAsync(new { }), 422, "VALIDATION_ERROR");
        Assert.True(body.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty("token", out _));

        body = await Expect.ErrorAsync(await IntrospectAsync(new { token = "garbage", service = "nope" }), 422, "VALIDATION_ERROR");
        Assert.True(body.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty("service", out _));

        body = await Expect.ErrorAsync(await IntrospectAsync(new { token = "garbage", consume = true }), 422, "VALIDATION_ERROR");
        Assert.True(body.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty("service", out _));

        await Expect.ErrorAsync(await IntrospectAsync(new { token = 42 }), 400, "MALFORMED_REQUEST");
        await Expect.ErrorAsync(await IntrospectAsync(new { token = "garbage", consume = "yes" }), 400, "MALFORMED_REQUEST");

        using var raw = new HttpRequestMessage(HttpMethod.Post, "/api/v1/introspect")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        await Expect.ErrorAsync(await _api.Http.SendAsync(raw), 400, "MALFORMED_REQUEST");
    }
}
