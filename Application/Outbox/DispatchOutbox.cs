using AuthService.Application.Webhooks;
using AuthService.Domain.Outbox;
using Microsoft.Extensions.Logging;

namespace AuthService.Application.Outbox;

public interface IDispatchOutbox
{
    /// <summary>Rows claimed per round; a full batch means more may be due.</summary>
    public const int BatchSize = 64;

    /// <summary>Claims one batch of due rows and delivers it; returns how many rows it claimed.</summary>
    Task<int> ExecuteAsync(CancellationToken ct);
}

/// <summary>
/// One round of the outbox: claim due rows (no other dispatcher holds them), send them a few at a
/// time, record each outcome. A crash between sending and recording repeats the send once the
/// claim's lease is over (at least once), never skips it. Logs name the channel and the row id,
/// never the text or the address.
/// </summary>
internal sealed class DispatchOutbox(
    IOutboxStore store,
    IEnumerable<IMessageTransport> transports,
    IWebhookEndpointRepository webhooks,
    ISecretCipher cipher,
    TimeProvider clock,
    ILogger<DispatchOutbox> logger) : IDispatchOutbox
{
    public const int Parallelism = 8;

    /// <summary>Longer than any one attempt may take (SMTP and webhooks time out at 10 s).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly Dictionary<OutboxChannel, IMessageTransport> _transports = transports.ToDictionary(t => t.Channel);

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var batch = await store.ClaimAsync(IDispatchOutbox.BatchSize, clock.GetUtcNow(), Lease, ct);
        var endpointIds = batch.Where(m => m.EndpointId is not null).Select(m => m.EndpointId!.Value).Distinct().ToList();
        var endpoints = endpointIds.Count == 0 ? new Dictionary<Guid, WebhookEndpoint>() : await webhooks.FindLiveAsync(endpointIds, ct);
        await Parallel.ForEachAsync(
            batch,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            (message, token) => DeliverAsync(message, endpoints, token));
        return batch.Count;
    }

    private async ValueTask DeliverAsync(ClaimedMessage message, IReadOnlyDictionary<Guid, WebhookEndpoint> endpoints, CancellationToken ct)
    {
        var result = await AttemptAsync(message, endpoints, ct);
        var outcome = new OutboxMessage(message.Id, message.Channel, message.Attempts, message.CreatedAt);
        _ = result.Delivered
            ? outcome.Delivered(clock.GetUtcNow())
            : outcome.Failed(result.Permanent, clock.GetUtcNow(), Random.Shared.NextDouble());
        try
        {
            await store.RecordAsync(outcome, result.StatusCode, result.Delivered ? null : result.Error ?? "failed", ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // PostgreSQL went away after the send: the row is claimed again when its lease is over
            // and sent once more (at least once), which beats losing it.
            logger.LogWarning("Recording the outcome of {Channel} message {Id} failed ({Failure})", message.Channel, message.Id, e.GetType().Name);
            return;
        }

        OutboxMetrics.Delivered(message.Channel.ToString().ToLowerInvariant(), outcome.Status switch
        {
            OutboxStatus.Sent => "sent",
            OutboxStatus.Dead => "dead",
            _ => "retry",
        });
        if (result.Delivered)
        {
            return;
        }

        if (outcome.Status == OutboxStatus.Dead)
        {
            logger.LogError(
                "{Channel} message {Id} is dead after {Attempts} attempt(s): {Error}",
                message.Channel, message.Id, message.Attempts, result.Error);
        }
        else
        {
            logger.LogWarning(
                "{Channel} message {Id} failed ({Error}); attempt {Attempts}, next at {RetryAt:o}",
                message.Channel, message.Id, result.Error, message.Attempts, outcome.NextAttemptAt);
        }
    }

    private async Task<DeliveryResult> AttemptAsync(
        ClaimedMessage message, IReadOnlyDictionary<Guid, WebhookEndpoint> endpoints, CancellationToken ct)
    {
        if (!_transports.TryGetValue(message.Channel, out var transport))
        {
            return DeliveryResult.Retry($"no {message.Channel} transport is configured");
        }

        if (message.Body is null)
        {
            return DeliveryResult.GiveUp("the row has no body");
        }

        string? secret = null;
        if (message.Channel == OutboxChannel.Webhook)
        {
            if (message.EndpointId is not { } endpointId || !endpoints.TryGetValue(endpointId, out var endpoint))
            {
                return DeliveryResult.GiveUp("the endpoint was deleted");
            }

            secret = WebhookSecrets.Open(cipher, endpointId, endpoint.SealedSecret);
            if (secret is null)
            {
                return DeliveryResult.GiveUp("the endpoint's secret does not decrypt");
            }
        }

        var body = message.Channel == OutboxChannel.Webhook ? message.Body : OutboxBody.Open(cipher, message.Id, message.Body);
        if (body is null)
        {
            // Altered, moved to another row, or sealed with a key this server no longer holds.
            return DeliveryResult.GiveUp("the body does not decrypt");
        }

        try
        {
            return await transport.SendAsync(
                new OutboundMessage(message.Id, message.Recipient, message.Subject, body, message.EndpointId, message.EventId, message.Attempts, secret),
                ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A transport reports failures as results; whatever else escapes is retried like one.
            return DeliveryResult.Retry(e.GetType().Name);
        }
    }
}
