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

    /// <summary>Done: the body (which may hold a code) is deleted.</summary>
    Task MarkSentAsync(Guid id, int? statusCode, DateTimeOffset now, CancellationToken ct);

    /// <summary>Tries again at <paramref name="retryAt"/>; null: dead (kept for the admin API until pruned).</summary>
    Task MarkFailedAsync(Guid id, DateTimeOffset? retryAt, string error, int? statusCode, DateTimeOffset now, CancellationToken ct);

    /// <summary>Returns when a unit of work of this process committed a row, or after <paramref name="max"/>.</summary>
    Task WaitForWorkAsync(TimeSpan max, CancellationToken ct);

    Task<IReadOnlyList<OutboxCounts>> CountAsync(CancellationToken ct);
}
