using System.Collections.Concurrent;
using System.Diagnostics;
using AuthService.Integration.Tests.Api;
using Xunit.Abstractions;

namespace AuthService.Integration.Tests.Faults;

/// <summary>
/// PostgreSQL killed under a registration load, as a user would see it: every answer is a 201 or a
/// 503 with Retry-After (never a 500), every 201 has its user row and its code arrives, and the
/// service serves again on its own once PostgreSQL is back.
/// </summary>
public sealed class PostgresFaultTests(OwnPostgresApp app, ITestOutputHelper output) : IClassFixture<OwnPostgresApp>
{
    private const int Workers = 6;

    private sealed record Outcome(string Email, int Status, string? UserId, bool RetryAfter, long AtMs);

    [Fact]
    public async Task PostgresKilledUnderLoad_Answers201Or503_AndLosesNothingAcknowledged()
    {
        var api = app.Api();
        var email = await api.RegisterVerifiedAsync();
        var token = CoreFlowTests.Token(await api.LoginAsync(email));

        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => RegisterUntilAsync(outcomes, clock, stop.Token))).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(2));
        await app.Postgres.KillAsync();
        var killedAt = clock.ElapsedMilliseconds;

        // While it is down: sign-in and an authenticated read are 503s in the envelope too.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var login = await api.PostAsync("/api/v1/auth/login", new { email, password = ApiClient.Password });
        await Expect.ErrorAsync(login, 503, "SERVICE_UNAVAILABLE");
        Assert.NotNull(login.Headers.RetryAfter);
        await Expect.ErrorAsync(await api.GetAsync("/api/v1/users/me", token), 503, "SERVICE_UNAVAILABLE");
        await Task.Delay(TimeSpan.FromSeconds(2));

        await app.Postgres.StartAgainAsync();
        var backAt = clock.ElapsedMilliseconds;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!outcomes.Any(o => o.Status == 201 && o.AtMs > backAt) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = outcomes.ToList();
        var created = all.Where(o => o.Status == 201).ToList();
        var firstAfter = all.Where(o => o.Status == 201 && o.AtMs > backAt).Select(o => o.AtMs).DefaultIfEmpty(-1).Min();
        output.WriteLine(
            $"requests {all.Count}, 201 {created.Count}, 503 {all.Count(o => o.Status == 503)}, " +
            $"500 {all.Count(o => o.Status == 500)}, other {all.Count(o => o.Status is not (201 or 503 or 500))}; " +
            $"down {backAt - killedAt} ms; first 201 {firstAfter - backAt} ms after PostgreSQL accepted connections again");

        Assert.Empty(all.Where(o => o.Status is not (201 or 503)).Select(o => $"{o.Status} at {o.AtMs} ms"));
        Assert.All(all.Where(o => o.Status == 503), o => Assert.True(o.RetryAfter, "a 503 without Retry-After"));
        Assert.Contains(all, o => o.Status == 503 && o.AtMs > killedAt && o.AtMs < backAt);
        Assert.True(firstAfter > 0, "no registration succeeded after PostgreSQL came back");

        var ids = created.Select(o => Guid.Parse(o.UserId!)).ToArray();
        Assert.Equal(ids.Length, await app.QueryAsync<int>("SELECT count(*)::int FROM users WHERE id = ANY(@ids)", new { ids }));
        await WaitForMessagesAsync(api.Mail, created.Select(o => o.Email).ToList());
    }

    private async Task RegisterUntilAsync(ConcurrentQueue<Outcome> outcomes, Stopwatch clock, CancellationToken stop)
    {
        using var http = app.Public();
        while (!stop.IsCancellationRequested)
        {
            var email = ApiClient.NewEmail();
            using var response = await http.PostAsJsonAsync(
                "/api/v1/auth/register", new { email, password = ApiClient.Password, name = "Load" }, CancellationToken.None);
            string? userId = null;
            if ((int)response.StatusCode == 201)
            {
                var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(CancellationToken.None);
                userId = body.GetProperty("user_id").GetString();
            }

            outcomes.Enqueue(new Outcome(email, (int)response.StatusCode, userId, response.Headers.RetryAfter is not null, clock.ElapsedMilliseconds));
            if ((int)response.StatusCode == 503)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private async Task WaitForMessagesAsync(MailCatcher mail, List<string> expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var missing = expected;
        while (DateTime.UtcNow < deadline)
        {
            var received = await mail.CountsByRecipientAsync();
            missing = expected.Where(e => !received.ContainsKey(e)).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            await Task.Delay(200);
        }

        output.WriteLine($"messages delivered {expected.Count - missing.Count} of {expected.Count}");
        Assert.Empty(missing);
    }
}
