using AuthService.Integration.Tests.Api;

namespace AuthService.Integration.Tests.Observability;

public sealed class MetricsTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    [Fact]
    public async Task Metrics_AfterSignIns_ShowOurCountersAndTheFrameworks_OnTheAdminListenerOnly()
    {
        var api = app.Api();
        var email = await api.RegisterVerifiedAsync();
        var tokens = await api.LoginAsync(email);
        await Expect.ErrorAsync(await api.PostAsync("/api/v1/auth/login", new { email, password = "not the password 123" }), 401, "INVALID_CREDENTIALS");
        Assert.Equal(204, (int)(await api.PostAsync("/api/v1/auth/logout", new { }, CoreFlowTests.Token(tokens))).StatusCode);

        var text = await ScrapeUntilAsync(t => t.Contains("authservice_sessions_revoked_total", StringComparison.Ordinal));

        Assert.True(HasSample(text, "authservice_sign_ins_total", "method=\"password\"", "result=\"success\""), text);
        Assert.True(HasSample(text, "authservice_sign_ins_total", "method=\"password\"", "result=\"invalid_credentials\""), text);
        Assert.True(HasSample(text, "authservice_sessions_revoked_total"), text);
        Assert.True(HasSample(text, "authservice_password_hash_queue_wait_seconds_count"), text);
        Assert.True(HasSample(text, "http_server_request_duration_seconds_count"), text);
        Assert.Contains("# TYPE dotnet_", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE db_client_", text, StringComparison.Ordinal);

        using var publicClient = app.Public();
        await Expect.ErrorAsync(await publicClient.GetAsync(new Uri("/metrics", UriKind.Relative)), 404, "NOT_FOUND");
    }

    /// <summary>A sample line of <paramref name="name"/> carrying every given label, in any order.</summary>
    private static bool HasSample(string text, string name, params string[] labels) =>
        text.Split('\n').Any(line =>
            (line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            && labels.All(label => line.Contains(label, StringComparison.Ordinal)));

    // The exporter caches a scrape briefly, and counters reach it at the next collection.
    private async Task<string> ScrapeUntilAsync(Func<string, bool> ready)
    {
        using var admin = app.Admin();
        var text = "";
        for (var i = 0; i < 50 && !ready(text); i++)
        {
            await Task.Delay(i == 0 ? 0 : 200);
            using var response = await admin.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            text = await response.Content.ReadAsStringAsync();
        }

        return text;
    }
}
