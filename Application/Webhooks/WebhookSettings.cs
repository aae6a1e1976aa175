namespace AuthService.Application.Webhooks;

public sealed record ConfiguredWebhook(string Name, string Url, string Secret, IReadOnlyList<string> Events);

/// <summary>WEBHOOKS__ALLOW_PRIVATE_TARGETS and WEBHOOKS__ENDPOINTS__&lt;NAME&gt;__URL/SECRET/EVENTS, checked at start.</summary>
public sealed class WebhookSettings
{
    public bool AllowPrivateTargets { get; init; }

    public IReadOnlyList<ConfiguredWebhook> Endpoints { get; init; } = [];
}
