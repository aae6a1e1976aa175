using AuthService.Application.Abstractions;
using AuthService.Domain.Audit;

namespace AuthService.Application.Common;

/// <summary>Builds audit rows with an id and the time, and writes them in the current unit of work.</summary>
internal sealed class Auditor(IAuditLog log, IIdGenerator ids, TimeProvider clock)
{
    public Task RecordAsync(
        string action,
        Guid? userId,
        ClientInfo client,
        CancellationToken ct,
        IReadOnlyDictionary<string, object?>? data = null,
        Guid? actorId = null) =>
        log.RecordAsync(
            new AuditEvent(
                ids.NewId(), clock.GetUtcNow(), action, userId, actorId ?? userId,
                client.Ip, client.UserAgent, client.RequestId, data),
            ct);
}
