using AuthService.Domain.Audit;

namespace AuthService.Application.Abstractions;

/// <summary>Writes audit rows inside the current unit of work.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken ct);
}
