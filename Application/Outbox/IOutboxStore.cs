using AuthService.Domain.Outbox;

namespace AuthService.Application.Outbox;

public sealed record ClaimedMessage(
    Guid Id,
    OutboxChannel Channel,
    string Recipient,
    string? Subject,
    string? Body,
    Guid? EndpointId,
    Guid? EventId,
    int Attempts,
    DateTimeOffset CreatedAt);

public sealed record OutboxCounts(string Channel, string Status, long Count, DateTimeOffset? Oldest);

/// <summary>The dispatcher's side of the outbox: claim due rows, record how each attempt went.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Takes up to <paramref name="max"/> due rows that no other dispatcher holds (FOR UPDATE SKIP
    /// LOCKED), counts the attempt and makes them due again only after <paramref name="lease"/>.
    /// </summary>
    Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>
    /// Stores the outcome of one attempt (<see cref="OutboxMessage.Delivered"/> or
    /// <see cref="OutboxMessage.Failed"/>): status, next attempt, and the body dropped unless
    /// <see cref="OutboxMessage.KeepsBody"/>. False when the row was no longer pending.
    /// </summary>
    Task<bool> RecordAsync(OutboxMessage message, int? statusCode, string? error, CancellationToken ct);

    /// <summary>Returns when a unit of work of this process committed a row, or after <paramref name="max"/>.</summary>
    Task WaitForWorkAsync(TimeSpan max, CancellationToken ct);

    Task<IReadOnlyList<OutboxCounts>> CountAsync(CancellationToken ct);
}
