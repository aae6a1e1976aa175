namespace AuthService.Domain.Audit;

public sealed record AuditEvent(
    Guid Id,
    DateTimeOffset At,
    string Action,
    Guid? UserId,
    Guid? ActorId,
    string? Ip,
    string? UserAgent,
    string? RequestId,
    IReadOnlyDictionary<string, object?>? Data);
