using System.Net.Http.Headers;

namespace AuthService.Integration.Tests.ApiKeys;

/// <summary>Summaries every second, so a test sees one within its bound.</summary>
public sealed class FastSummaryApp() : SettingsApp(("INTROSPECTION:AUDIT_SUMMARY_SECONDS", "1"));

public sealed class ServiceKeyTests(FastSummaryApp app) : IClassFixture<FastSummaryApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly AdminClient _admin = new(app, app.Api());

    private async Task<string> AccessTokenAsync() =>
        (await _api.LoginAsync(await _api.RegisterVerifiedAsync())).GetProperty("access_token").GetString()!;

    [Fact]
    public async Task Introspect_WithoutAServiceKey_IsUnauthorized()
    {
        var access = await AccessTokenAsync();
        var userKey = (await Expect.JsonAsync(await _api.PostAsync("/api/v1/api-keys", new { name = "mine" }, access), 201))
            .GetProperty("key").GetString();
        var body = new { token = access, service = "cvmaker", consume = true };

        await Expect.ErrorAsync(await Introspection.PostAsync(_api.Http, null, body), 401, "UNAUTHORIZED");
        await Expect.ErrorAsync(await Introspection.PostAsync(_api.Http, "garbage", body), 401, "UNAUTHORIZED");
        await Expect.ErrorAsync(await Introspection.PostAsync(_api.Http, userKey, body), 401, "UNAUTHORIZED");
        await Expect.ErrorAsync(
            await Introspection.PostAsync(_api.Http, "ssk_abcd1234_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", body), 401, "UNAUTHORIZED");

        // A bearer token is no service credential either, not even an admin's.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/introspect") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _admin.TokenAsync());
        await Expect.ErrorAsync(await _api.Http.SendAsync(request), 401, "UNAUTHORIZED");

        // Nothing was consumed by any of these.
        var usage = await Expect.JsonAsync(await _api.GetAsync("/api/v1/users/me/usage", access), 200);
        Assert.All(usage.GetProperty("items").EnumerateArray(), i => Assert.Equal(0, i.GetProperty("used").GetInt32()));
    }

    [Fact]
    public async Task Admin_Issues_Lists_AndRevokes_ServiceKeys()
    {
        var created = await Expect.JsonAsync(
            await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/service-keys", new { name = "cvmaker backend", service = "cvmaker" }), 201);
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString();
        Assert.StartsWith("ssk_", key);
        Assert.Equal(["introspect"], created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(created.GetProperty("prefix").GetString(), key[4..12]);
        Assert.Equal("cvmaker", created.GetProperty("service").GetString());

        var listed = await Expect.JsonAsync(await _admin.SendAsync(HttpMethod.Get, "/api/v1/admin/service-keys"), 200);
        var item = listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.False(item.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, listed.GetRawText());

        var access = await AccessTokenAsync();
        await Expect.JsonAsync(await Introspection.PostAsync(_api.Http, key, new { token = access, service = "cvmaker" }), 200);

        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/admin/service-keys/{id}"), 204);
        await Expect.ErrorAsync(await Introspection.PostAsync(_api.Http, key, new { token = access }), 401, "UNAUTHORIZED");
        await Expect.ErrorAsync(await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/admin/service-keys/{id}"), 404, "NOT_FOUND");

        var audit = await app.QueryAsync<long>(
            "SELECT count(*) FROM audit_events WHERE action IN ('service_key.create', 'service_key.revoke') AND data->>'service_key_id' = @id",
            new { id });
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task ServiceKeyRoutes_AreAdminOnly_AndValidated()
    {
        var user = await AccessTokenAsync();
        using (var admin = app.Admin())
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/service-keys"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
            request.Content = System.Net.Http.Json.JsonContent.Create(new { name = "x" });
            await Expect.ErrorAsync(await admin.SendAsync(request), 403, "FORBIDDEN");
        }

        await Expect.ErrorAsync(await _api.PostAsync("/api/v1/admin/service-keys", new { name = "x" }, await _admin.TokenAsync()), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/service-keys", new { }), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(
            await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/service-keys", new { name = "x", service = "nope" }), 422, "VALIDATION_ERROR");
        await Expect.ErrorAsync(
            await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/service-keys", new { name = "x", expires_at = "2001-01-01T00:00:00Z" }),
            422, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task KeyBoundToAService_MetersOnlyThatService()
    {
        var key = await _admin.ServiceKeyAsync("cvmaker");
        var access = await AccessTokenAsync();

        await Expect.JsonAsync(await Introspection.PostAsync(_api.Http, key, new { token = access, service = "cvmaker", consume = true }), 200);
        await Expect.ErrorAsync(
            await Introspection.PostAsync(_api.Http, key, new { token = access, service = "jobportal", consume = true }), 403, "FORBIDDEN");
    }

    [Fact]
    public async Task HundredRacingConsumes_AgainstAQuotaOf50_GrantExactly50()
    {
        var key = await _admin.ServiceKeyAsync();
        var access = await AccessTokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            Introspection.PostAsync(_api.Http, key, new { token = access, service = "media_information", consume = true })));

        Assert.Equal(50, responses.Count(r => (int)r.StatusCode == 200));
        Assert.Equal(50, responses.Count(r => (int)r.StatusCode == 429));
        var used = (await Expect.JsonAsync(await Introspection.PostAsync(_api.Http, key, new { token = access, service = "media_information" }), 200))
            .GetProperty("quota").GetProperty("used").GetInt32();
        Assert.Equal(50, used);
    }

    [Fact]
    public async Task Calls_AreAudited_AsOneSummaryPerKeyAndPeriod_NotARowPerCall()
    {
        var key = await _admin.ServiceKeyAsync();
        var id = (await Expect.JsonAsync(await _admin.SendAsync(HttpMethod.Get, "/api/v1/admin/service-keys"), 200))
            .GetProperty("items")[0].GetProperty("id").GetString();
        var access = await AccessTokenAsync();
        for (var i = 0; i < 30; i++)
        {
            await Expect.StatusAsync(await Introspection.PostAsync(_api.Http, key, new { token = access, service = "ocr", consume = i % 2 == 0 }), 200);
        }

        const string Sql = """
            SELECT count(*) AS rows, coalesce(sum((data->>'calls')::bigint), 0) AS calls, coalesce(sum((data->>'consumed')::bigint), 0) AS consumed
            FROM audit_events WHERE action = 'introspect.summary' AND data->>'service_key_id' = @id
            """;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        (long Rows, long Calls, long Consumed) summary;
        do
        {
            await Task.Delay(200);
            summary = await app.QueryAsync<(long, long, long)>(Sql, new { id });
        }
        while (summary.Calls < 30 && DateTime.UtcNow < deadline);

        Assert.Equal(30, summary.Calls);
        Assert.Equal(15, summary.Consumed);
        Assert.InRange(summary.Rows, 1, 5);
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM audit_events WHERE action LIKE 'introspect.%' AND action <> 'introspect.summary'"));
    }
}
