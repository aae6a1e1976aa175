using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Smtp;

internal sealed class SmsOptions
{
    public const string Section = "SMS";

    /// <summary>Receives <c>POST {"to": "+62...", "message": "..."}</c>; unset means SMS is not configured.</summary>
    [ConfigurationKeyName("WEBHOOK_URL")]
    public string? WebhookUrl { get; set; }
}
