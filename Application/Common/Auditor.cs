using AuthService.Application.Events;
using AuthService.Domain.Audit;

namespace AuthService.Application.Common;

/// <summary>
/// Builds audit rows with an id and the time, and writes them in the current unit of work; an
/// action that is also a webhook event (<see cref="AuthEventTypes.ForAudit"/>) records the event
/// in the same transaction.
/// </summary>
internal sealed class Auditor(IAuditLog log, EventRecorder events, IIdGenerator ids, TimeProvider clock)
{
    public async Task RecordAsync(
        string action,
        Guid? userId,
        ClientInfo client,
        CancellationToken ct,
        IReadOnlyDictionary<string, object?>? data = null,
        Guid? actorId = null)
    {
        var at = clock.GetUtcNow();
        await log.RecordAsync(
            AuditEvent.Record(ids.NewId(), at, action, userId, actorId, (client.Ip, client.UserAgent, client.RequestId), data),
            ct);
        if (userId is { } user && AuthEventTypes.ForAudit(action, data) is { } type)
        {
            await events.RecordAsync(type, user, at, data, ct);
        }
    }
}
