using System.Net.Http.Headers;
using System.Text;
using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;

namespace AuthService.Adapters.Webhooks;

/// <summary>
/// Delivers an event to one endpoint: a signed POST of the event's JSON, the same bytes and the
/// same <c>webhook-id</c> (the event id) on every attempt, a fresh timestamp and signature each
/// time. Any 2xx is delivered; anything else, a timeout (10 s) or a refused target is retried.
/// Redirects are not followed: a 3xx is a failure like any other non-2xx.
/// </summary>
internal sealed class WebhookTransport(IHttpClientFactory httpClients, TimeProvider clock) : IMessageTransport
{
    public const string HttpClientName = "webhooks";

    public OutboxChannel Channel => OutboxChannel.Webhook;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        if (message.SigningSecret is not { } secret || message.EventId is not { } eventId)
        {
            return DeliveryResult.GiveUp("no event id or secret");
        }

        var id = eventId.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes(message.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Recipient) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(StandardWebhooks.IdHeader, id);
        request.Headers.Add(StandardWebhooks.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhooks.SignatureHeader, StandardWebhooks.Sign(secret, id, timestamp, body));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? DeliveryResult.Ok(status) : DeliveryResult.Retry($"endpoint answered {status}", status);
        }
        catch (HttpRequestException e) when (e.InnerException is TargetRefusedException refused)
        {
            return DeliveryResult.Retry(refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return DeliveryResult.Retry(e is TaskCanceledException ? "timed out after 10 s" : "connection failed");
        }
    }
}
