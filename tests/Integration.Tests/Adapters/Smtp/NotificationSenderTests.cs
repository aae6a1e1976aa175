using System.Net.Http.Json;
using System.Text.Json;
using AuthService.Adapters.Smtp;
using AuthService.Application.Abstractions;
using AuthService.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthService.Integration.Tests.Adapters.Smtp;

public sealed class NotificationSenderTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var sp in _started)
        {
            foreach (var service in sp.GetServices<IHostedService>())
            {
                await service.StopAsync(default);
            }

            await sp.DisposeAsync();
        }
    }

    [Fact]
    public async Task Email_Enqueued_ArrivesInTheMailbox()
    {
        var sender = await StartAsync();
        var to = $"adapter-{Guid.NewGuid():N}@example.com";

        await sender.EnqueueAsync(new Notification(NotificationChannel.Email, to, "Your code ✓", "Your code is 493817."), default);

        var message = await WaitForMailAsync(to);
        Assert.Equal("Your code ✓", message.GetProperty("subject").GetString());
        Assert.Contains("Your code is 493817.", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-reply@authservice.local", message.GetProperty("from")[0].GetProperty("address").GetString());
        AssertNeverLogged("493817", to);
    }

    [Fact]
    public async Task Email_ManyAtOnce_AllArrive()
    {
        var sender = await StartAsync();
        var batch = Guid.NewGuid().ToString("N")[..8];
        var recipients = Enumerable.Range(0, 25).Select(i => $"many-{batch}-{i}@example.com").ToArray();

        await Task.WhenAll(recipients.Select(to =>
            sender.EnqueueAsync(new Notification(NotificationChannel.Email, to, "Code", "Your code is 111111."), default).AsTask()));

        foreach (var to in recipients)
        {
            await WaitForMailAsync(to);
        }
    }

    [Fact]
    public async Task Sms_Enqueued_IsPostedToTheWebhookAsJson()
    {
        using var webhook = new SmsWebhook();
        var sender = await StartAsync(("SMS:WEBHOOK_URL", webhook.Url));

        await sender.EnqueueAsync(new Notification(NotificationChannel.Sms, "+6281234567890", "ignored", "Your code is 204816."), default);

        var body = await WaitForAsync(() => Task.FromResult((webhook.Received.TryPeek(out var b), b)));
        Assert.Equal("+6281234567890", body.GetProperty("to").GetString());
        Assert.Equal("Your code is 204816.", body.GetProperty("message").GetString());
        AssertNeverLogged("204816", "+6281234567890");
    }

    [Fact]
    public async Task Sms_WebhookFailsAtFirst_IsRetried()
    {
        using var webhook = new SmsWebhook(failFirst: 2);
        var sender = await StartAsync(("SMS:WEBHOOK_URL", webhook.Url));

        await sender.EnqueueAsync(new Notification(NotificationChannel.Sms, "+6281234567891", "ignored", "Your code is 777001."), default);

        await WaitForAsync(() => Task.FromResult((webhook.Received.TryPeek(out var b), b)), TimeSpan.FromSeconds(10));
        Assert.Equal(3, webhook.Requests);
        AssertNeverLogged("777001", "+6281234567891");
    }

    [Fact]
    public async Task Sms_WithoutWebhook_IsDroppedWithAWarningThatHoldsNoSecret()
    {
        var sender = await StartAsync();

        await sender.EnqueueAsync(new Notification(NotificationChannel.Sms, "+6281234567892", "ignored", "Your code is 350911."), default);

        await WaitForAsync(() => Task.FromResult((_logs.Lines.Any(l => l.Contains("SMS__WEBHOOK_URL", StringComparison.Ordinal)), true)));
        AssertNeverLogged("350911", "+6281234567892");
    }

    [Fact]
    public async Task Enqueue_QueueFull_ThrowsCapacityExceededInsteadOfDropping()
    {
        var queue = new NotificationQueue();
        var message = new Notification(NotificationChannel.Email, "a@example.com", "s", "b");
        for (var i = 0; i < NotificationQueue.Capacity; i++)
        {
            await queue.EnqueueAsync(message, default);
        }

        await Assert.ThrowsAsync<CapacityExceededException>(() => queue.EnqueueAsync(message, default).AsTask());
        Assert.Equal(NotificationQueue.Capacity, queue.Reader.Count);
    }

    [Fact]
    public void Start_WithBadFromAddress_FailsNamingTheVariable()
    {
        var message = AdapterHost.StartFailure(
            (s, c) => s.AddSmtp(c), new Dictionary<string, string?> { ["SMTP:FROM"] = "not an address" });

        Assert.Contains("SMTP__FROM", message, StringComparison.Ordinal);
    }

    private async Task<INotificationSender> StartAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SMTP:HOST"] = TestServices.SmtpHost,
            ["SMTP:PORT"] = TestServices.SmtpPort,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var sp = AdapterHost.Start((s, c) => s.AddLogging(b => b.AddProvider(_logs)).AddSmtp(c), settings);
        _started.Add(sp);
        foreach (var service in sp.GetServices<IHostedService>())
        {
            await service.StartAsync(default);
        }

        return sp.GetRequiredService<INotificationSender>();
    }

    private static Task<JsonElement> WaitForMailAsync(string to) => WaitForAsync(async () =>
    {
        var messages = await Http.GetFromJsonAsync<JsonElement>(new Uri(TestServices.MaildevUrl.TrimEnd('/') + "/email"));
        var match = messages.EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == to))
            .ToArray();
        return (match.Length > 0, match.FirstOrDefault());
    });

    private static async Task<T> WaitForAsync<T>(Func<Task<(bool Found, T Value)>> probe, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTimeOffset.UtcNow < deadline)
        {
            var (found, value) = await probe();
            if (found)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected message did not arrive in time.");
    }

    private void AssertNeverLogged(params string[] secrets)
    {
        foreach (var line in _logs.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }
}
