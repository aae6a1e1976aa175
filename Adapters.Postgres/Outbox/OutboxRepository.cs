using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;

namespace AuthService.Adapters.Postgres.Outbox;

/// <summary>The writing side: rows join the request's transaction (<see cref="UnitOfWork"/>).</summary>
internal sealed class OutboxRepository(UnitOfWork uow) : IOutbox
{
    public async Task AddMessageAsync(OutgoingMessage message, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO outbox_messages (id, channel, recipient, subject, body, next_attempt_at, created_at)
            VALUES (@Id, @Channel, @Recipient, @Subject, @Body, @CreatedAt, @CreatedAt)
            """;
        var args = new { message.Id, Channel = Channels.Name(message.Channel), message.Recipient, message.Subject, message.Body, message.CreatedAt };
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, args, db.Transaction, cancellationToken: ct));
        uow.OutboxWritten();
    }

    public async Task AddEventAsync(OutgoingEvent outgoing, CancellationToken ct)
    {
        // One delivery per live endpoint subscribed to the type (or to every type), in one statement.
        // The delivery row's id is internal; what receivers see is the event id.
        const string Sql = """
            INSERT INTO outbox_messages (id, channel, recipient, body, endpoint_id, event_id, event_type, next_attempt_at, created_at)
            SELECT gen_random_uuid(), 'webhook', e.url, @Json, e.id, @Id, @Type, @Timestamp, @Timestamp
            FROM webhook_endpoints e
            WHERE e.deleted_at IS NULL AND (@Type = ANY (e.events) OR '*' = ANY (e.events))
            """;
        var db = await uow.EnlistAsync(ct);
        var rows = await db.Connection.ExecuteAsync(new CommandDefinition(Sql, outgoing, db.Transaction, cancellationToken: ct));
        if (rows > 0)
        {
            uow.OutboxWritten();
        }
    }
}

internal static class Channels
{
    public static string Name(OutboxChannel channel) => channel switch
    {
        OutboxChannel.Email => "email",
        OutboxChannel.Sms => "sms",
        _ => "webhook",
    };

    public static OutboxChannel Parse(string name) => name switch
    {
        "email" => OutboxChannel.Email,
        "sms" => OutboxChannel.Sms,
        _ => OutboxChannel.Webhook,
    };
}
