using System.Globalization;
using Xunit.Abstractions;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>
/// The service as a process of its own: killed (SIGKILL) after answering 201 while the mail server
/// had not accepted the message, and stopped (SIGTERM) with requests in flight.
/// </summary>
public sealed class ProcessLifecycleTests(ProcessDatabase db, ITestOutputHelper output) : IClassFixture<ProcessDatabase>
{
    private static int MaildevPort => int.Parse(TestServices.SmtpPort, CultureInfo.InvariantCulture);

    [Fact]
    public async Task KilledAfter201_BeforeTheMailServerAccepted_MessageArrivesAfterRestart()
    {
        var email = ApiClient.NewEmail();
        using (var blackhole = new BlackholeSmtp())
        {
            await using var first = await HostProcess.StartAsync(db.ConnectionString, db.KeysDir, blackhole.Port);
            using var http = first.Public();
            using var response = await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiClient.Password });
            Assert.Equal(201, (int)response.StatusCode);

            // The dispatcher is talking to a mail server that has not accepted anything: kill it now.
            await blackhole.Connected.WaitAsync(TimeSpan.FromSeconds(30));
            await first.KillAsync();
        }

        Assert.Equal("pending", await db.QueryAsync<string>("SELECT status FROM outbox_messages WHERE recipient = @email", new { email }));

        // The dead process's claim would lapse after its lease: let that time pass.
        await db.QueryAsync<int>("UPDATE outbox_messages SET next_attempt_at = now() WHERE recipient = @email RETURNING 1", new { email });
        await using var second = await HostProcess.StartAsync(db.ConnectionString, db.KeysDir, MaildevPort);
        var mail = new MailCatcher(TestServices.MaildevUrl);
        Assert.Matches(@"^\d{6}$", await mail.WaitForCodeAsync(email, timeout: TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await mail.CountAsync(email));
    }

    [Fact]
    public async Task Sigterm_LetsRequestsInFlightFinish_AndExitsWithZero()
    {
        await using var host = await HostProcess.StartAsync(db.ConnectionString, db.KeysDir, MaildevPort, ("HOST__SHUTDOWN_SECONDS", "20"));
        var emails = Enumerable.Range(0, 6).Select(_ => ApiClient.NewEmail()).ToList();
        var requests = emails.Select(async email =>
        {
            using var http = host.Public();
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiClient.Password });
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return -1;
            }
        }).ToList();

        // Registrations hash a password (tens of milliseconds each, queued on two cores): in flight now.
        await Task.Delay(300);
        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(30));
        var statuses = await Task.WhenAll(requests);
        output.WriteLine($"statuses after SIGTERM: {string.Join(", ", statuses)}; exit code {exitCode}");

        Assert.Equal(0, exitCode);
        Assert.All(statuses, s => Assert.Equal(201, s));
        foreach (var email in emails)
        {
            Assert.Equal(1, await db.QueryAsync<int>("SELECT count(*)::int FROM outbox_messages WHERE recipient = @email", new { email }));
        }
    }
}
