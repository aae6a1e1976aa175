using AuthService.Domain.Audit;

namespace AuthService.Application.Admin;

public sealed record AuditQuery(Guid? UserId, string? Action, int Page, int PageSize);

/// <summary>Reads the audit log for operators (<see cref="SearchAuditLog"/>).</summary>
public interface IAuditQueries
{
    Task<PagedList<AuditEvent>> SearchAsync(AuditQuery query, CancellationToken ct);
}
