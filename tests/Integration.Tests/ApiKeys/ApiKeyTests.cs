namespace AuthService.Integration.Tests.ApiKeys;

public sealed class ApiKeyTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();

    private async Task<string> SignedInAsync() => (await SignInAsync()).GetProperty("access_token").GetString()!;

    private async Task<JsonElement> SignInAsync() => await _api.LoginAsync(await _api.RegisterVerifiedAsync());

    [Fact]
    public async Task CreateListRevoke_KeyIsShownOnce_AndNeverListed()
    {
        var tokens = await SignInAsync();
        var token = tokens.GetProperty("access_token").GetString()!;
        var expiresAt = DateTimeOffset.UtcNow.AddDays(30);

        var response = await _api.PostAsync(
            "/api/v1/api-keys", new { name = "CI deploy", scopes = new[] { "read", "write" }, expires_at = expiresAt.ToString("O") }, token);
        var created = await Expect.JsonAsync(response, 201);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var key = created.GetProperty("key").GetString()!;
        var prefix = created.GetProperty("prefix").GetString()!;
        Assert.Matches("^ask_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(prefix, key[4..12]);
        Assert.Equal("CI deploy", created.GetProperty("name").GetString());
        Assert.Equal(["read", "write"], created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(expiresAt, created.GetProperty("expires_at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.True(Guid.TryParse(created.GetProperty("id").GetString(), out _));

        var second = await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "laptop", scopes = Array.Empty<string>() }, token), 201);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("expires_at").ValueKind);

        var listed = await ListAsync(token);
        Assert.Equal(2, listed.Count);
        Assert.Equal("laptop", listed[0].GetProperty("name").GetString()); // newest first
        var first = listed[1];
        Assert.Equal(created.GetProperty("id").GetString(), first.GetProperty("id").GetString());
        Assert.Equal(prefix, first.GetProperty("prefix").GetString());
        Assert.Equal(created.GetProperty("created_at").GetDateTimeOffset(), first.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("last_used_at").ValueKind);
        Assert.False(first.TryGetProperty("key", out _));
        Assert.False(first.TryGetProperty("key_hash", out _));
        Assert.DoesNotContain(key[13..], first.GetRawText(), StringComparison.Ordinal);

        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetString()}", token), 204);
        Assert.Single(await ListAsync(token));
        await Expect.ErrorAsync(await _api.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetString()}", token), 404, "NOT_FOUND");

        var audited = await app.QueryAsync<string>(
            "SELECT string_agg(action, ',' ORDER BY at, action) FROM audit_events WHERE user_id = @id AND action LIKE 'api_key.%'",
            new { id = Guid.Parse(tokens.GetProperty("user").GetProperty("id").GetString()!) });
        Assert.Equal("api_key.create,api_key.create,api_key.revoke", audited);
    }

    [Fact]
    public async Task Revoke_SomeoneElsesUnknownOrMalformedId_IsNotFound()
    {
        var mine = await SignedInAsync();
        var theirs = await SignedInAsync();
        var created = await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "mine" }, mine), 201);

        await Expect.ErrorAsync(await _api.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetString()}", theirs), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _api.DeleteAsync($"/api/v1/api-keys/{Guid.CreateVersion7()}", mine), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _api.DeleteAsync("/api/v1/api-keys/not-a-uuid", mine), 404, "NOT_FOUND");
        Assert.Empty(await ListAsync(theirs));
        Assert.Single(await ListAsync(mine));
    }

    [Fact]
    public async Task Create_InvalidInput_IsAnEnvelopeNamingTheField()
    {
        var token = await SignedInAsync();

        await ExpectFieldAsync(await _api.PostAsync("/api/v1/api-keys", new { scopes = new[] { "read" } }, token), "name");
        await ExpectFieldAsync(await _api.PostAsync("/api/v1/api-keys", new { name = new string('n', 101) }, token), "name");
        await ExpectFieldAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k", scopes = new[] { "has space" } }, token), "scopes");
        await ExpectFieldAsync(
            await _api.PostAsync("/api/v1/api-keys", new { name = "k", scopes = Enumerable.Range(0, 21).Select(i => $"s{i}") }, token), "scopes");
        await ExpectFieldAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k", expires_at = "2001-01-01T00:00:00Z" }, token), "expires_at");
        await ExpectFieldAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k", expires_at = "next week" }, token), "expires_at");

        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k", scopes = "read" }, token), 400, "MALFORMED_REQUEST");
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k", expires_at = 12 }, token), 400, "MALFORMED_REQUEST");
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "k" }), 401, "UNAUTHORIZED");
        await Expect.ErrorAsync(await _api.GetAsync("/api/v1/api-keys"), 401, "UNAUTHORIZED");
        Assert.Empty(await ListAsync(token));
    }

    [Fact]
    public async Task Create_Over50ActiveKeys_IsRefused_EvenConcurrently_UntilOneIsRevoked()
    {
        var token = await SignedInAsync();

        // Concurrent requests: the cap holds only if counting and inserting are serialised per user.
        var responses = await Task.WhenAll(Enumerable.Range(0, 56).Select(i =>
            _api.PostAsync("/api/v1/api-keys", new { name = $"k{i}" }, token)));

        Assert.Equal(50, responses.Count(r => (int)r.StatusCode == 201));
        var refused = responses.Where(r => (int)r.StatusCode != 201).ToList();
        Assert.Equal(6, refused.Count);
        var error = await Expect.ErrorAsync(refused[0], 422, "VALIDATION_ERROR");
        Assert.Contains("50", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

        var keys = await ListAsync(token);
        Assert.Equal(50, keys.Count);
        await Expect.StatusAsync(await _api.DeleteAsync($"/api/v1/api-keys/{keys[^1].GetProperty("id").GetString()}", token), 204);
        await Expect.StatusAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "room again" }, token), 201);
        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "full again" }, token), 422, "VALIDATION_ERROR");
    }

    private async Task<List<JsonElement>> ListAsync(string token) =>
        (await Expect.JsonAsync(await _api.GetAsync("/api/v1/api-keys", token), 200)).GetProperty("items").EnumerateArray().ToList();

    private static async Task ExpectFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await Expect.ErrorAsync(response, 422, "VALIDATION_ERROR");
        Assert.True(body.GetProperty("error").GetProperty("details").GetProperty("fields").TryGetProperty(field, out _), body.GetRawText());
    }
}
