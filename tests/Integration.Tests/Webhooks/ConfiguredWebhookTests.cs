using AuthService.Integration.Tests.Api;

namespace AuthService.Integration.Tests.Webhooks;

/// <summary>Events of a user's first steps reach an endpoint from configuration, signed per the spec.</summary>
public sealed class ConfiguredWebhookTests(ConfiguredWebhookApp app) : IClassFixture<ConfiguredWebhookApp>
{
    [Fact]
    public async Task RegisterVerifyLoginLogout_EachIsASignedEvent_WithTheUserAndNoSecret()
    {
        var api = app.Api();
        var email = await api.RegisterVerifiedAsync();
        var tokens = await api.LoginAsync(email);
        var userId = tokens.GetProperty("user").GetProperty("id").GetString();
        await Expect.StatusAsync(await api.PostAsync("/api/v1/auth/logout", new { }, CoreFlowTests.Token(tokens)), 204);

        var mine = await WaitForAsync(() => app.Receiver.Received
            .Where(d => d.Event.GetProperty("data").GetProperty("user_id").GetString() == userId).ToList(), 4);
        Assert.Equal(["user.created", "user.verified", "session.created", "session.revoked"], mine.Select(d => d.Event.GetProperty("type").GetString()));
        Assert.All(mine, d =>
        {
            Assert.True(d.Verified, "the signature does not verify under the spec");
            Assert.Equal(d.Id, d.Event.GetProperty("id").GetString());
            Assert.DoesNotContain(ApiClient.Password, d.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"code\"", d.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("hash", d.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("$argon2", d.Body, StringComparison.Ordinal);
            Assert.EndsWith("Z", d.Event.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(
            tokens.GetProperty("session_id").GetString(),
            mine[2].Event.GetProperty("data").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task AnEventNotSubscribedTo_IsNotSent()
    {
        var api = app.Api();
        var tokens = await api.LoginAsync(await api.RegisterVerifiedAsync());
        var userId = tokens.GetProperty("user").GetProperty("id").GetString();
        await Expect.StatusAsync(await api.SendAsync(HttpMethod.Patch, "/api/v1/users/me", new { name = "Renamed" }, CoreFlowTests.Token(tokens)), 200);

        await WaitForAsync(() => app.Receiver.Received.Where(d => d.Event.GetProperty("data").GetProperty("user_id").GetString() == userId).ToList(), 3);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(app.Receiver.Received, d =>
            d.Event.GetProperty("data").GetProperty("user_id").GetString() == userId && d.Event.GetProperty("type").GetString() == "user.updated");
    }

    private static async Task<List<SpecReceiver.Delivery>> WaitForAsync(Func<List<SpecReceiver.Delivery>> probe, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var found = probe();
        while (found.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            found = probe();
        }

        Assert.True(found.Count >= count, $"expected {count} deliveries, got {found.Count}");
        return [.. found.OrderBy(d => d.Event.GetProperty("id").GetString(), StringComparer.Ordinal)];
    }
}
