using AuthService.Adapters.Webhooks;
using AuthService.Application.Outbox;
using AuthService.Application.Webhooks;
using AuthService.Integration.Tests.Adapters;

namespace AuthService.Integration.Tests.Webhooks;

/// <summary>The transport checks the address it connects to, so a name that resolves inward is refused too.</summary>
public sealed class WebhookTransportTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task PrivateTargetsOff_LoopbackByNameOrAddress_IsRefusedWithoutAConnection(string host)
    {
        using var receiver = new SpecReceiver(Secret);
        var port = new Uri(receiver.Url).Port;
        var transport = Start(allowPrivate: false);

        var result = await transport.SendAsync(Event($"http://{host}:{port}/hooks/"), default);

        Assert.False(result.Delivered);
        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task PrivateTargetsOn_Delivers_SignedPerTheSpec()
    {
        using var receiver = new SpecReceiver(Secret);
        var transport = Start(allowPrivate: true);

        var result = await transport.SendAsync(Event(receiver.Url), default);

        Assert.True(result.Delivered, result.Error);
        Assert.True(Assert.Single(receiver.Received).Verified);
    }

    private static OutboundMessage Event(string url)
    {
        var id = Guid.CreateVersion7();
        var body = "{\"id\":\"" + id + "\",\"type\":\"user.created\",\"timestamp\":\"2026-12-01T12:00:00.000Z\",\"data\":{\"user_id\":\"" + Guid.CreateVersion7() + "\"}}";
        return new OutboundMessage(Guid.NewGuid(), url, null, body, Guid.NewGuid(), id, 1, Secret);
    }

    private static IMessageTransport Start(bool allowPrivate)
    {
        var sp = AdapterHost.Start(
            (s, _) => s.AddSingleton(new WebhookSettings { AllowPrivateTargets = allowPrivate }).AddWebhooks(),
            new Dictionary<string, string?>());
        return sp.GetServices<IMessageTransport>().Single();
    }
}
