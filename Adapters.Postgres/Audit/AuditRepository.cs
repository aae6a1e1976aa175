using System.Text.Json;
using AuthService.Application.Admin;
using AuthService.Application.Common;
using AuthService.Domain.Audit;

namespace AuthService.Adapters.Postgres.Audit;

/// <summary>Audit rows are written in the request's transaction: an action that rolls back leaves no trace.</summary>
internal sealed class AuditRepository(UnitOfWork uow) : IAuditLog, IAuditQueries
{
    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO audit_events (id, at, action, user_id, actor_id, ip, user_agent, request_id, data)
            VALUES (@Id, @At, @Action, @UserId, @ActorId, @Ip, @UserAgent, @RequestId, CAST(@Data AS jsonb))
            """;
        var args = new
        {
            auditEvent.Id,
            auditEvent.At,
            auditEvent.Action,
            auditEvent.UserId,
            auditEvent.ActorId,
            auditEvent.Ip,
            auditEvent.UserAgent,
            auditEvent.RequestId,
            Data = auditEvent.Data is null ? null : JsonSerializer.Serialize(auditEvent.Data),
        };
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, args, db.Transaction, cancellationToken: ct));
    }

    public async Task<PagedList<AuditEvent>> SearchAsync(AuditQuery query, CancellationToken ct)
    {
        // Unprepared statements are planned with the actual values, so "@x IS NULL OR ..." costs
        // nothing and the (user_id, at) / (action, at) indexes still serve the filtered searches.
        const string CountSql = """
            SELECT count(*) FROM audit_events
            WHERE (@userId IS NULL OR user_id = @userId) AND (@action IS NULL OR action = @action)
            """;
        const string PageSql = """
            SELECT id, at, action, user_id, actor_id, ip, user_agent, request_id, data::text AS data
            FROM audit_events
            WHERE (@userId IS NULL OR user_id = @userId) AND (@action IS NULL OR action = @action)
            ORDER BY at DESC, id DESC
            LIMIT @limit OFFSET @offset
            """;
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var args = new { userId = query.UserId, action = query.Action, limit = pageSize, offset = (long)(page - 1) * pageSize };

        var db = await uow.EnlistAsync(ct);
        var total = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, args, db.Transaction, cancellationToken: ct));
        var rows = await db.Connection.QueryAsync<AuditRow>(new CommandDefinition(PageSql, args, db.Transaction, cancellationToken: ct));
        return new PagedList<AuditEvent>([.. rows.Select(r => r.ToAuditEvent())], page, pageSize, total);
    }

    private sealed class AuditRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string Action { get; init; } = "";
        public Guid? UserId { get; init; }
        public Guid? ActorId { get; init; }
        public string? Ip { get; init; }
        public string? UserAgent { get; init; }
        public string? RequestId { get; init; }
        public string? Data { get; init; }

        public AuditEvent ToAuditEvent() => new(
            Id,
            At,
            Action,
            UserId,
            ActorId,
            Ip,
            UserAgent,
            RequestId,
            Data is null ? null : JsonSerializer.Deserialize<Dictionary<string, object?>>(Data));
    }
}
