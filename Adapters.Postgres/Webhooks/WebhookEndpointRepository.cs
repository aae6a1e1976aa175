using AuthService.Application.Webhooks;

namespace AuthService.Adapters.Postgres.Webhooks;

internal sealed class WebhookEndpointRepository(UnitOfWork uow) : IWebhookEndpointRepository
{
    private const string Columns = "id, name, url, events, description, secret, created_at";

    public async Task AddAsync(WebhookEndpoint endpoint, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO webhook_endpoints (id, name, url, secret, events, description, created_at)
            VALUES (@Id, @Name, @Url, @SealedSecret, @Events, @Description, @CreatedAt)
            """;
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, Args(endpoint), db.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken ct)
    {
        const string Sql = $"SELECT {Columns} FROM webhook_endpoints WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC";
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<Row>(new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEndpoint())];
    }

    public async Task<IReadOnlyDictionary<Guid, WebhookEndpoint>> FindLiveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        const string Sql = $"SELECT {Columns} FROM webhook_endpoints WHERE id = ANY (@ids) AND deleted_at IS NULL";
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<Row>(new CommandDefinition(Sql, new { ids = ids.ToArray() }, db.Transaction, cancellationToken: ct));
        return rows.Select(r => r.ToEndpoint()).ToDictionary(e => e.Id);
    }

    public async Task<bool> DeleteAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE webhook_endpoints SET deleted_at = @now WHERE id = @id AND deleted_at IS NULL";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { id, now }, db.Transaction, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyDictionary<string, Guid>> ConfiguredIdsAsync(CancellationToken ct)
    {
        const string Sql = "SELECT name, id FROM webhook_endpoints WHERE name IS NOT NULL";
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<(string Name, Guid Id)>(new CommandDefinition(Sql, transaction: db.Transaction, cancellationToken: ct));
        return rows.ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);
    }

    public async Task SyncConfiguredAsync(IReadOnlyList<WebhookEndpoint> configured, DateTimeOffset now, CancellationToken ct)
    {
        const string UpsertSql = """
            INSERT INTO webhook_endpoints (id, name, url, secret, events, description, created_at)
            VALUES (@Id, @Name, @Url, @SealedSecret, @Events, @Description, @CreatedAt)
            ON CONFLICT (name) DO UPDATE
            SET url = excluded.url, secret = excluded.secret, events = excluded.events, deleted_at = NULL
            """;
        const string RetireSql = """
            UPDATE webhook_endpoints SET deleted_at = @now
            WHERE name IS NOT NULL AND deleted_at IS NULL AND NOT (name = ANY (@names))
            """;
        var db = await uow.EnlistAsync(ct);
        foreach (var endpoint in configured)
        {
            await db.Connection.ExecuteAsync(new CommandDefinition(UpsertSql, Args(endpoint), db.Transaction, cancellationToken: ct));
        }

        var names = configured.Select(e => e.Name!).ToArray();
        await db.Connection.ExecuteAsync(new CommandDefinition(RetireSql, new { now, names }, db.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int limit, CancellationToken ct)
    {
        const string Sql = """
            SELECT event_id, event_type, attempts, status, last_status_code,
                   CASE WHEN status = 'pending' THEN next_attempt_at END AS next_attempt_at,
                   CASE WHEN status = 'sent' THEN finished_at END AS delivered_at
            FROM outbox_messages
            WHERE endpoint_id = @endpointId
            ORDER BY created_at DESC, event_id DESC
            LIMIT @limit
            """;
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<DeliveryRow>(new CommandDefinition(Sql, new { endpointId, limit }, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => new WebhookDelivery(r.EventId, r.EventType, r.Attempts, r.Status, r.LastStatusCode, r.NextAttemptAt, r.DeliveredAt))];
    }

    private static object Args(WebhookEndpoint e) =>
        new { e.Id, e.Name, e.Url, e.SealedSecret, Events = e.Events.ToArray(), e.Description, e.CreatedAt };

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string? Name { get; init; }
        public string Url { get; init; } = "";
        public string[] Events { get; init; } = [];
        public string? Description { get; init; }
        public string Secret { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public WebhookEndpoint ToEndpoint() => new(Id, Name, Url, Events, Description, Secret, CreatedAt);
    }

    private sealed class DeliveryRow
    {
        public Guid EventId { get; init; }
        public string EventType { get; init; } = "";
        public int Attempts { get; init; }
        public string Status { get; init; } = "";
        public int? LastStatusCode { get; init; }
        public DateTimeOffset? NextAttemptAt { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
    }
}
