namespace AuthService.Integration.Tests.Webhooks;

/// <summary>The service with one endpoint from configuration, a receiver written from the spec.</summary>
public sealed class ConfiguredWebhookApp : AuthServiceApp
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public SpecReceiver Receiver { get; } = new(Secret);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["WEBHOOKS:ENDPOINTS:PLATFORM:URL"] = Receiver.Url,
        ["WEBHOOKS:ENDPOINTS:PLATFORM:SECRET"] = Secret,
        ["WEBHOOKS:ENDPOINTS:PLATFORM:EVENTS"] = "user.created, user.verified, session.created, session.revoked",
    };

    protected override ValueTask AfterDisposeAsync()
    {
        Receiver.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>As in production: deliveries to loopback and private addresses are refused.</summary>
public sealed class PublicTargetsOnlyApp : AuthServiceApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["WEBHOOKS:ALLOW_PRIVATE_TARGETS"] = "false",
    };
}
