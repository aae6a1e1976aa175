namespace AuthService.Integration.Tests.Outbox;

/// <summary>
/// The claim / retry / dead cycle against a mail server that is down, then up: a code the API said
/// it sent waits in PostgreSQL (encrypted), is retried with back-off, and arrives once the server
/// is back; the sent row keeps no body.
/// </summary>
public sealed class OutboxDeliveryTests(SwitchableSmtpApp app) : IClassFixture<SwitchableSmtpApp>
{
    private sealed record Row(string Status, int Attempts, string? Body, string? LastError, bool Due);

    [Fact]
    public async Task MailServerDown_MessageWaitsEncrypted_IsRetried_ThenArrivesWhenItIsUp()
    {
        var api = app.Api();
        var email = ApiClient.NewEmail();
        await Expect.StatusAsync(await api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);

        var failed = await WaitForRowAsync(email, r => r.Attempts >= 1 && r.LastError is not null);
        Assert.Equal("pending", failed.Status);
        Assert.False(failed.Due, "a failed message must wait for its back-off");
        Assert.NotNull(failed.Body);
        Assert.DoesNotContain("Your code", failed.Body, StringComparison.Ordinal);

        app.Smtp.Up();
        try
        {
            // Time passes: the back-off is over.
            await app.ExecuteAsync("UPDATE outbox_messages SET next_attempt_at = now() WHERE recipient = @email", new { email });
            var code = await api.Mail.WaitForCodeAsync(email);
            Assert.Matches(@"^\d{6}$", code);

            var sent = await WaitForRowAsync(email, r => r.Status == "sent");
            Assert.Null(sent.Body);
            Assert.Equal(1, await api.Mail.CountAsync(email));
        }
        finally
        {
            app.Smtp.Down();
        }
    }

    [Fact]
    public async Task FailingFor24Hours_IsDead_AndCountedInTheAdminApi()
    {
        var api = app.Api();
        var email = ApiClient.NewEmail();
        await Expect.StatusAsync(await api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password }), 201);
        await WaitForRowAsync(email, r => r.Attempts >= 1);

        // Written a day and an hour ago, due now: this failure is its last.
        await app.ExecuteAsync(
            "UPDATE outbox_messages SET created_at = now() - interval '25 hours', next_attempt_at = now() WHERE recipient = @email",
            new { email });
        var dead = await WaitForRowAsync(email, r => r.Status == "dead");
        Assert.Null(dead.Body);
        Assert.NotNull(dead.LastError);

        var admin = await MaillessAdmin.TokenAsync(app, api);
        var outbox = await Expect.JsonAsync(await MaillessAdmin.SendAsync(app, HttpMethod.Get, "/api/v1/admin/outbox", admin), 200);
        Assert.Contains(
            outbox.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("channel").GetString() == "email" && i.GetProperty("status").GetString() == "dead" && i.GetProperty("count").GetInt64() >= 1);

        // And in /metrics: deliveries by channel and result, the backlog by channel and status.
        using var adminListener = app.Admin();
        var metrics = "";
        for (var i = 0; i < 50 && !metrics.Contains("result=\"dead\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            metrics = await adminListener.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("authservice_outbox_deliveries_total{", StringComparison.Ordinal)
            && l.Contains("channel=\"email\"", StringComparison.Ordinal) && l.Contains("result=\"dead\"", StringComparison.Ordinal));
        Assert.Contains("# TYPE authservice_outbox_backlog gauge", metrics, StringComparison.Ordinal);
    }

    private async Task<Row> WaitForRowAsync(string email, Func<Row, bool> wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        Row? row = null;
        while (DateTime.UtcNow < deadline)
        {
            row = await app.QueryAsync<Row?>(
                """
                SELECT status, attempts, body, last_error AS lasterror, next_attempt_at <= now() AS due
                FROM outbox_messages WHERE recipient = @email
                """,
                new { email });
            if (row is not null && wanted(row))
            {
                return row;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The outbox row for {email} did not get there: {row}");
    }
}
