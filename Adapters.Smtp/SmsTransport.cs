using System.Net.Http.Json;
using System.Text.Json.Serialization;
using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Smtp;

/// <summary>SMS through a webhook the operator points at their SMS gateway: <c>POST {"to", "message"}</c>.</summary>
internal sealed class SmsTransport(IHttpClientFactory httpClients, IOptions<SmsOptions> options) : IMessageTransport
{
    public const string HttpClientName = "sms-webhook";

    private readonly Uri _webhook = new(options.Value.WebhookUrl!);

    public OutboxChannel Channel => OutboxChannel.Sms;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(_webhook, new SmsPayload(message.Recipient, message.Body), ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? DeliveryResult.Ok(status)

                // A 4xx other than 408/429 will not get better by retrying.
                : status is >= 400 and < 500 and not 408 and not 429 ? DeliveryResult.GiveUp($"webhook status {status}", status)
                : DeliveryResult.Retry($"webhook status {status}", status);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return DeliveryResult.Retry(e is TaskCanceledException ? "webhook timed out" : e.GetType().Name);
        }
    }

    private sealed record SmsPayload(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("message")] string Message);
}
