namespace AuthService.Domain.Audit;

/// <summary>
/// One row of the audit log: written once and never changed (the table refuses UPDATE and DELETE);
/// <see cref="ActorId"/> is who did it, <see cref="UserId"/> whom it concerns.
/// </summary>
public sealed record AuditEvent(
    Guid Id,
    DateTimeOffset At,
    string Action,
    Guid? UserId,
    Guid? ActorId,
    string? Ip,
    string? UserAgent,
    string? RequestId,
    IReadOnlyDictionary<string, object?>? Data)
{
    /// <summary>What happened to <paramref name="userId"/>, done by <paramref name="actorId"/> or, when that is null, by the user themself.</summary>
    public static AuditEvent Record(
        Guid id, DateTimeOffset at, string action, Guid? userId, Guid? actorId, (string? Ip, string? UserAgent, string? RequestId) client,
        IReadOnlyDictionary<string, object?>? data) =>
        new(id, at, action, userId, actorId ?? userId, client.Ip, client.UserAgent, client.RequestId, data);
}
