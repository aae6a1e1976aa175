using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Smtp;

/// <summary>SMS through a webhook the operator points at their SMS gateway.</summary>
internal sealed class SmsSender(IHttpClientFactory httpClients, IOptions<SmsOptions> options)
{
    public const string HttpClientName = "sms-webhook";

    private readonly Uri? _webhook = string.IsNullOrWhiteSpace(options.Value.WebhookUrl) ? null : new Uri(options.Value.WebhookUrl);

    public bool IsConfigured => _webhook is not null;

    public async Task SendAsync(Notification notification, CancellationToken ct)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(_webhook, new SmsPayload(notification.To, notification.Body), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new SmsWebhookException(response.StatusCode);
        }
    }

    private sealed record SmsPayload(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("message")] string Message);
}

internal sealed class SmsWebhookException(HttpStatusCode status) : Exception($"The SMS webhook answered {(int)status}.")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>A 4xx other than 408/429 will not get better by retrying.</summary>
    public bool IsPermanent => (int)Status is >= 400 and < 500 and not 408 and not 429;
}
