using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;

namespace AuthService.Adapters.Postgres.Outbox;

/// <summary>
/// The dispatcher's side. Each call is one statement on a pooled connection of its own (autocommit),
/// so no transaction stays open while a message is on its way to the mail server.
/// </summary>
internal sealed class OutboxStore(NpgsqlDataSource dataSource, OutboxSignal signal) : IOutboxStore
{
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        // SKIP LOCKED: dispatchers in other instances take other rows instead of waiting; moving
        // next_attempt_at a lease ahead keeps the row theirs after this statement commits.
        const string Sql = """
            UPDATE outbox_messages m
            SET attempts = m.attempts + 1, next_attempt_at = @leaseUntil
            FROM (
                SELECT id FROM outbox_messages
                WHERE status = 'pending' AND next_attempt_at <= @now
                ORDER BY next_attempt_at
                LIMIT @max
                FOR UPDATE SKIP LOCKED
            ) due
            WHERE m.id = due.id
            RETURNING m.id, m.channel, m.recipient, m.subject, m.body, m.endpoint_id, m.event_id, m.attempts, m.created_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ClaimRow>(
            new CommandDefinition(Sql, new { max, now, leaseUntil = now + lease }, cancellationToken: ct));
        return [.. rows.Select(r => new ClaimedMessage(
            r.Id, Channels.Parse(r.Channel), r.Recipient, r.Subject, r.Body, r.EndpointId, r.EventId, r.Attempts, r.CreatedAt))];
    }

    public async Task<bool> RecordAsync(OutboxMessage message, int? statusCode, string? error, CancellationToken ct)
    {
        // mirrors OutboxMessage.Delivered/Failed: only a pending row changes (a dispatcher whose lease
        // ran out may report after another one finished the row). The body goes unless KeepsBody:
        // a sent one's may carry a code and is not kept a moment longer than its delivery needed.
        const string Sql = """
            UPDATE outbox_messages
            SET status = @status, next_attempt_at = COALESCE(@nextAttemptAt, next_attempt_at), finished_at = @finishedAt,
                last_error = @error, last_status_code = @statusCode, body = CASE WHEN @keepsBody THEN body END
            WHERE id = @id AND status = 'pending'
            """;
        var args = new
        {
            id = message.Id,
            status = message.Status.ToString().ToLowerInvariant(),
            nextAttemptAt = message.NextAttemptAt,
            finishedAt = message.FinishedAt,
            keepsBody = message.KeepsBody,
            error,
            statusCode,
        };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, args, cancellationToken: ct)) == 1;
    }

    public async Task WaitForWorkAsync(TimeSpan max, CancellationToken ct) => await signal.WaitAsync(max, ct);

    public async Task<IReadOnlyList<OutboxCounts>> CountAsync(CancellationToken ct)
    {
        const string Sql = """
            SELECT channel, status, count(*) AS count,
                   min(created_at) FILTER (WHERE status = 'pending') AS oldest
            FROM outbox_messages
            GROUP BY channel, status
            ORDER BY channel, status
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(Sql, cancellationToken: ct));
        return [.. rows.Select(r => new OutboxCounts(r.Channel, r.Status, r.Count, r.Oldest))];
    }

    private sealed class ClaimRow
    {
        public Guid Id { get; init; }
        public string Channel { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string? Subject { get; init; }
        public string? Body { get; init; }
        public Guid? EndpointId { get; init; }
        public Guid? EventId { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class CountRow
    {
        public string Channel { get; init; } = "";
        public string Status { get; init; } = "";
        public long Count { get; init; }
        public DateTimeOffset? Oldest { get; init; }
    }
}
