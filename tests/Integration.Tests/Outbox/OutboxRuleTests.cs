using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;
using AuthService.Integration.Tests.Postgres;
using Dapper;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>
/// OutboxMessage decides each attempt's outcome; OutboxStore.RecordAsync stores it with one
/// conditional statement that applies the same "only a pending row changes" rule and the same
/// body rule. Each case runs through both.
/// </summary>
public sealed class OutboxRuleTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Now = TestData.Now;

    public enum Outcome
    {
        Delivered,
        Retry,
        GiveUp,
    }

    /// <summary>Channel, status before, hours since it was written, the outcome; whether it changed, its status and whether it keeps its body.</summary>
    public static TheoryData<OutboxChannel, OutboxStatus, int, Outcome, bool, OutboxStatus, bool> Cases => new()
    {
        { OutboxChannel.Email, OutboxStatus.Pending, 0, Outcome.Delivered, true, OutboxStatus.Sent, false },
        { OutboxChannel.Webhook, OutboxStatus.Pending, 0, Outcome.Delivered, true, OutboxStatus.Sent, false },
        { OutboxChannel.Email, OutboxStatus.Pending, 0, Outcome.Retry, true, OutboxStatus.Pending, true },
        { OutboxChannel.Sms, OutboxStatus.Pending, 25, Outcome.Retry, true, OutboxStatus.Dead, false },
        { OutboxChannel.Email, OutboxStatus.Pending, 0, Outcome.GiveUp, true, OutboxStatus.Dead, false },
        { OutboxChannel.Webhook, OutboxStatus.Pending, 0, Outcome.GiveUp, true, OutboxStatus.Dead, true },
        { OutboxChannel.Webhook, OutboxStatus.Pending, 25, Outcome.Retry, true, OutboxStatus.Dead, true },
        { OutboxChannel.Email, OutboxStatus.Sent, 0, Outcome.Retry, false, OutboxStatus.Sent, false },
        { OutboxChannel.Email, OutboxStatus.Dead, 0, Outcome.Delivered, false, OutboxStatus.Dead, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outcome_EntityAndStatement_AgreeOnEveryCase(
        OutboxChannel channel, OutboxStatus before, int hoursOld, Outcome outcome, bool changes, OutboxStatus after, bool keepsBody)
    {
        var message = new OutboxMessage(Guid.CreateVersion7(), channel, 1, Now.AddHours(-hoursOld));
        _ = before switch
        {
            OutboxStatus.Sent => message.Delivered(Now.AddMinutes(-1)),
            OutboxStatus.Dead => message.Failed(permanent: true, Now.AddMinutes(-1), 0),
            _ => true,
        };
        await InsertAsync(message);

        var byEntity = outcome == Outcome.Delivered ? message.Delivered(Now) : message.Failed(outcome == Outcome.GiveUp, Now, 0.5);
        var byStatement = await fixture.Services.GetRequiredService<IOutboxStore>().RecordAsync(message, 200, null, CancellationToken.None);

        Assert.Equal(changes, byEntity);
        Assert.Equal(changes, byStatement);
        Assert.Equal(after, message.Status);
        Assert.Equal(keepsBody, message.KeepsBody);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        var stored = await connection.QuerySingleAsync<(string Status, string? Body)>(
            "SELECT status, body FROM outbox_messages WHERE id = @Id", new { message.Id });
        Assert.Equal(after.ToString().ToLowerInvariant(), stored.Status);
        Assert.Equal(keepsBody, stored.Body is not null);
    }

    private async Task InsertAsync(OutboxMessage message)
    {
        // The row as the message's state describes it; a webhook row needs its endpoint and event.
        Guid? endpointId = message.Channel == OutboxChannel.Webhook ? Guid.CreateVersion7() : null;
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.ExecuteAsync(
            """
            INSERT INTO webhook_endpoints (id, url, secret, events, created_at)
            SELECT @endpointId, 'https://hooks.example.test/', 'sealed', '{*}', @CreatedAt WHERE @endpointId IS NOT NULL;
            INSERT INTO outbox_messages (id, channel, recipient, body, endpoint_id, event_id, status, next_attempt_at, created_at, finished_at, attempts)
            VALUES (@Id, @channel, 'someone@example.test', CASE WHEN @KeepsBody THEN 'the body' END, @endpointId, @eventId, @status, @CreatedAt, @CreatedAt, @FinishedAt, 1)
            """,
            new
            {
                message.Id,
                channel = message.Channel.ToString().ToLowerInvariant(),
                status = message.Status.ToString().ToLowerInvariant(),
                endpointId,
                eventId = endpointId is null ? (Guid?)null : Guid.CreateVersion7(),
                message.CreatedAt,
                message.FinishedAt,
                message.KeepsBody,
            });
    }
}
