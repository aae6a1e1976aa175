using AuthService.Domain.Outbox;

namespace AuthService.Application.Outbox;

/// <param name="Body">E-mail and SMS: the ciphertext of the text (<see cref="OutboxBody"/>).</param>
public sealed record OutgoingMessage(
    Guid Id, OutboxChannel Channel, string Recipient, string? Subject, string Body, DateTimeOffset CreatedAt);

/// <param name="Json">The whole event as sent: <c>{"id", "type", "timestamp", "data"}</c>.</param>
public sealed record OutgoingEvent(Guid Id, string Type, DateTimeOffset Timestamp, string Json);

/// <summary>
/// Writes what is to leave the process in the current unit of work, so it is sent exactly when
/// the change it reports is committed: a rolled-back change sends nothing, a committed one
/// cannot lose its message.
/// </summary>
public interface IOutbox
{
    Task AddMessageAsync(OutgoingMessage message, CancellationToken ct);

    /// <summary>One delivery row per webhook endpoint subscribed to the event's type (none: nothing).</summary>
    Task AddEventAsync(OutgoingEvent outgoing, CancellationToken ct);
}
