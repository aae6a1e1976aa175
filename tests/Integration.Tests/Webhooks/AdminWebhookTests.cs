using AuthService.Integration.Tests.Api;

namespace AuthService.Integration.Tests.Webhooks;

/// <summary>Endpoints made through the admin API: retries, the same id on every attempt, no redirects, the delivery list.</summary>
public sealed class AdminWebhookTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    private readonly ApiClient _api = app.Api();
    private readonly AdminClient _admin = new(app, app.Api());

    [Fact]
    public async Task Receiver500Twice_Then200_SameIdAndBodyEveryAttempt_ListedAsDelivered()
    {
        using var receiver = new SpecReceiver("whsec_placeholder", 500, 500);
        var (endpointId, secret) = await CreateAsync(receiver.Url, "user.updated");
        receiver.Secret = secret;
        var userId = await UpdateProfileAsync();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await WaitUntilAsync(() => receiver.Received.Count >= attempt);

            // The back-off is seconds long: let time pass.
            await app.ExecuteAsync("UPDATE outbox_messages SET next_attempt_at = now() WHERE endpoint_id = @endpointId AND status = 'pending'", new { endpointId });
        }

        var attempts = receiver.Received.ToList();
        Assert.Equal([500, 500, 200], attempts.Select(a => a.AnsweredWith));
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        Assert.All(attempts, a => Assert.True(a.Verified));
        Assert.Equal(userId, attempts[0].Event.GetProperty("data").GetProperty("user_id").GetString());

        var delivery = await WaitForDeliveryAsync(endpointId, d => d.GetProperty("status").GetString() == "sent");
        Assert.Equal(attempts[0].Id, delivery.GetProperty("event_id").GetString());
        Assert.Equal("user.updated", delivery.GetProperty("event").GetString());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("last_status_code").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, delivery.GetProperty("delivered_at").ValueKind);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_ButRetried()
    {
        using var elsewhere = new SpecReceiver("whsec_placeholder");
        using var receiver = new SpecReceiver("whsec_placeholder", 302) { RedirectTo = elsewhere.Url };
        var (endpointId, secret) = await CreateAsync(receiver.Url, "user.updated");
        receiver.Secret = secret;
        await UpdateProfileAsync();

        var delivery = await WaitForDeliveryAsync(endpointId, d => d.GetProperty("attempts").GetInt32() >= 1 && d.GetProperty("last_status_code").ValueKind == JsonValueKind.Number);
        Assert.Equal(302, delivery.GetProperty("last_status_code").GetInt32());
        Assert.Equal("pending", delivery.GetProperty("status").GetString());
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task Create_ShowsTheSecretOnce_ListNeverDoes_DeleteRemoves()
    {
        var (endpointId, secret) = await CreateAsync("https://hooks.example.com/auth", "*");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var list = await (await _admin.SendAsync(HttpMethod.Get, "/api/v1/admin/webhooks")).Content.ReadAsStringAsync();
        Assert.Contains(endpointId.ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", list, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", list, StringComparison.Ordinal);

        await Expect.StatusAsync(await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/admin/webhooks/{endpointId}"), 204);
        await Expect.ErrorAsync(await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/admin/webhooks/{endpointId}"), 404, "NOT_FOUND");
        await Expect.ErrorAsync(await _admin.SendAsync(HttpMethod.Get, $"/api/v1/admin/webhooks/{endpointId}/deliveries"), 404, "NOT_FOUND");
    }

    [Fact]
    public async Task Create_BadUrlOrEvent_Is422()
    {
        var bad = await Expect.ErrorAsync(
            await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/webhooks", new { url = "ftp://example.com/x", events = new[] { "user.exploded" } }),
            422, "VALIDATION_ERROR");
        var fields = bad.GetProperty("error").GetProperty("details").GetProperty("fields");
        Assert.True(fields.TryGetProperty("url", out _));
        Assert.True(fields.TryGetProperty("events", out _));
    }

    private async Task<(Guid Id, string Secret)> CreateAsync(string url, string events)
    {
        var created = await Expect.JsonAsync(
            await _admin.SendAsync(HttpMethod.Post, "/api/v1/admin/webhooks", new { url, events = new[] { events }, description = "test" }), 201);
        return (Guid.Parse(created.GetProperty("id").GetString()!), created.GetProperty("secret").GetString()!);
    }

    private async Task<string> UpdateProfileAsync()
    {
        var tokens = await _api.LoginAsync(await _api.RegisterVerifiedAsync());
        await Expect.StatusAsync(await _api.SendAsync(HttpMethod.Patch, "/api/v1/users/me", new { name = "Renamed" }, CoreFlowTests.Token(tokens)), 200);
        return tokens.GetProperty("user").GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitForDeliveryAsync(Guid endpointId, Func<JsonElement, bool> wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var list = await Expect.JsonAsync(await _admin.SendAsync(HttpMethod.Get, $"/api/v1/admin/webhooks/{endpointId}/deliveries"), 200);
            var match = list.GetProperty("items").EnumerateArray().FirstOrDefault(wanted);
            if (match.ValueKind != JsonValueKind.Undefined)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, "no such delivery: " + list);
            await Task.Delay(200);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}
