using AuthService.Adapters.Smtp;
using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;

namespace AuthService.Integration.Tests.Adapters.Smtp;

/// <summary>The outbox's e-mail (MailKit, against the real maildev) and SMS (webhook) transports.</summary>
public sealed class TransportTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly List<ServiceProvider> _started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var sp in _started)
        {
            await sp.DisposeAsync();
        }
    }

    [Fact]
    public async Task Email_Sent_ArrivesInTheMailbox()
    {
        var email = Transport(Start(), OutboxChannel.Email);
        var to = $"adapter-{Guid.NewGuid():N}@example.com";

        var result = await email.SendAsync(Message(to, "Your code ✓", "Your code is 493817."), default);

        Assert.True(result.Delivered, result.Error);
        var message = await WaitForMailAsync(to);
        Assert.Equal("Your code ✓", message.GetProperty("subject").GetString());
        Assert.Contains("Your code is 493817.", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-reply@authservice.local", message.GetProperty("from")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Email_ManyAtOnce_AllArrive_OverReusedConnections()
    {
        var email = Transport(Start(), OutboxChannel.Email);
        var batch = Guid.NewGuid().ToString("N")[..8];
        var recipients = Enumerable.Range(0, 25).Select(i => $"many-{batch}-{i}@example.com").ToArray();

        var results = await Task.WhenAll(recipients.Select(to => email.SendAsync(Message(to, "Code", "Your code is 111111."), default)));

        Assert.All(results, r => Assert.True(r.Delivered, r.Error));
        foreach (var to in recipients)
        {
            await WaitForMailAsync(to);
        }
    }

    [Fact]
    public async Task Email_ServerDown_IsARetry_NotAnError()
    {
        var email = Transport(Start(("SMTP:PORT", LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture))), OutboxChannel.Email);

        var result = await email.SendAsync(Message("down@example.com", "Code", "Your code is 222222."), default);

        Assert.False(result.Delivered);
        Assert.False(result.Permanent);
        Assert.DoesNotContain("222222", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_IsPostedToTheWebhookAsJson()
    {
        using var webhook = new SmsWebhook();
        var sms = Transport(Start(("SMS:WEBHOOK_URL", webhook.Url)), OutboxChannel.Sms);

        var result = await sms.SendAsync(Message("+6281234567890", null, "Your code is 204816."), default);

        Assert.True(result.Delivered, result.Error);
        Assert.True(webhook.Received.TryPeek(out var body));
        Assert.Equal("+6281234567890", body.GetProperty("to").GetString());
        Assert.Equal("Your code is 204816.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Sms_WebhookAnswers503_IsARetryCarryingTheStatus()
    {
        using var webhook = new SmsWebhook(failFirst: 1);
        var sms = Transport(Start(("SMS:WEBHOOK_URL", webhook.Url)), OutboxChannel.Sms);

        var first = await sms.SendAsync(Message("+6281234567891", null, "Your code is 777001."), default);
        var second = await sms.SendAsync(Message("+6281234567891", null, "Your code is 777001."), default);

        Assert.Equal((false, false, 503), (first.Delivered, first.Permanent, first.StatusCode));
        Assert.True(second.Delivered);
    }

    [Fact]
    public void Sms_WithoutWebhook_HasNoTransport_SoItsRowsWait()
    {
        var sp = Start();
        Assert.DoesNotContain(sp.GetServices<IMessageTransport>(), t => t.Channel == OutboxChannel.Sms);
    }

    [Fact]
    public void Start_WithBadFromAddress_FailsNamingTheVariable()
    {
        var message = AdapterHost.StartFailure(
            (s, c) => s.AddSmtp(c), new Dictionary<string, string?> { ["SMTP:FROM"] = "not an address" });

        Assert.Contains("SMTP__FROM", message, StringComparison.Ordinal);
    }

    private static OutboundMessage Message(string to, string? subject, string body) =>
        new(Guid.CreateVersion7(), to, subject, body, null, null, 1);

    private static IMessageTransport Transport(ServiceProvider sp, OutboxChannel channel) =>
        sp.GetServices<IMessageTransport>().Single(t => t.Channel == channel);

    private ServiceProvider Start(params (string Key, string Value)[] extra)
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

        var sp = AdapterHost.Start((s, c) => s.AddSmtp(c), settings);
        _started.Add(sp);
        return sp;
    }

    private static async Task<JsonElement> WaitForMailAsync(string to)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var messages = await Http.GetFromJsonAsync<JsonElement>(new Uri(TestServices.MaildevUrl.TrimEnd('/') + "/email"));
            var match = messages.EnumerateArray()
                .FirstOrDefault(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == to));
            if (match.ValueKind != JsonValueKind.Undefined)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message arrived for {to}.");
    }
}
