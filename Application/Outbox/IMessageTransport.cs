using AuthService.Domain.Outbox;

namespace AuthService.Application.Outbox;

/// <param name="Body">The plaintext: the decrypted text of an e-mail or SMS, the JSON of an event.</param>
/// <param name="SigningSecret">Webhooks: the endpoint's whsec_ secret, decrypted for this attempt.</param>
public sealed record OutboundMessage(
    Guid Id, string Recipient, string? Subject, string Body, Guid? EndpointId, Guid? EventId, int Attempt, string? SigningSecret = null);

/// <param name="Permanent">Retrying cannot help (an address the server refuses): dead at once.</param>
/// <param name="Error">What went wrong, for the admin API and logs: never the message or the address.</param>
public sealed record DeliveryResult(bool Delivered, bool Permanent, int? StatusCode, string? Error)
{
    public static DeliveryResult Ok(int? statusCode = null) => new(true, false, statusCode, null);

    public static DeliveryResult Retry(string error, int? statusCode = null) => new(false, false, statusCode, error);

    public static DeliveryResult GiveUp(string error, int? statusCode = null) => new(false, true, statusCode, error);
}

/// <summary>Sends one message over one channel (SMTP, the SMS webhook, webhook endpoints).</summary>
public interface IMessageTransport
{
    OutboxChannel Channel { get; }

    /// <summary>Reports the outcome; throws only when cancelled.</summary>
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct);
}
