using AuthService.Application.Outbox;

namespace AuthService.Adapters.Http.Contracts;

public sealed record OutboxCountResponse(string Channel, string Status, long Count, DateTimeOffset? OldestPendingAt)
{
    public static OutboxCountResponse From(OutboxCounts c) => new(c.Channel, c.Status, c.Count, c.Oldest);
}

public sealed record OutboxStatusResponse(IReadOnlyList<OutboxCountResponse> Items);
