using AuthService.Application.Outbox;
using Dapper;
using Npgsql;

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

    public async Task MarkSentAsync(Guid id, int? statusCode, DateTimeOffset now, CancellationToken ct)
    {
        // The body may carry a code: it is not kept a moment longer than its delivery needed.
        const string Sql = """
            UPDATE outbox_messages
            SET status = 'sent', body = NULL, finished_at = @now, last_status_code = @statusCode, last_error = NULL
            WHERE id = @id AND status = 'pending'
            """;
        await ExecuteAsync(Sql, new { id, statusCode, now }, ct);
    }

    public async Task MarkFailedAsync(Guid id, DateTimeOffset? retryAt, string error, int? statusCode, DateTimeOffset now, CancellationToken ct)
    {
        const string RetrySql = """
            UPDATE outbox_messages
            SET next_attempt_at = @retryAt, last_error = @error, last_status_code = @statusCode
            WHERE id = @id AND status = 'pending'
            """;

        // A dead e-mail or SMS loses its body (a code that can no longer be delivered is of no use);
        // a dead event keeps its JSON, which holds no secret.
        const string DeadSql = """
            UPDATE outbox_messages
            SET status = 'dead', finished_at = @now, last_error = @error, last_status_code = @statusCode,
                body = CASE WHEN channel = 'webhook' THEN body END
            WHERE id = @id AND status = 'pending'
            """;
        await ExecuteAsync(retryAt is null ? DeadSql : RetrySql, new { id, retryAt, error, statusCode, now }, ct);
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

    private async Task ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
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
