using AuthService.Domain.Audit;

namespace AuthService.Application.Abstractions;

public sealed record AuditQuery(Guid? UserId, string? Action, int Page, int PageSize);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public interface IAuditQueries
{
    Task<PagedList<AuditEvent>> SearchAsync(AuditQuery query, CancellationToken ct);
}
