using AuthService.Domain.Audit;

namespace AuthService.Application.Admin;

/// <summary>Query-string values as sent: <paramref name="Action"/> such as <c>login.success</c>.</summary>
public sealed record AuditLogQuery(string? UserId, string? Action, string? Page, string? PageSize) : IPageRequest
{
    /// <summary>The search a valid query asks for.</summary>
    internal AuditQuery ToSearch()
    {
        var (page, size) = PageRequestValidator.Of(this);
        return new AuditQuery(
            string.IsNullOrEmpty(UserId) ? null : Guid.Parse(UserId), string.IsNullOrWhiteSpace(Action) ? null : Action, page, size);
    }
}

/// <summary>One audit row as operators read it.</summary>
public sealed record AuditEntry(
    Guid Id, DateTimeOffset At, Guid? ActorId, Guid? UserId, string Action, string? Ip, string? UserAgent,
    string? RequestId, IReadOnlyDictionary<string, object?>? Data)
{
    internal static AuditEntry From(AuditEvent e) => new(e.Id, e.At, e.ActorId, e.UserId, e.Action, e.Ip, e.UserAgent, e.RequestId, e.Data);
}

public interface ISearchAuditLog
{
    Task<Result<PagedList<AuditEntry>>> ExecuteAsync(AuditLogQuery query, CancellationToken ct);
}

internal sealed class AuditLogQueryValidator : AbstractValidator<AuditLogQuery>
{
    public AuditLogQueryValidator()
    {
        RuleFor(q => q.UserId).Uuid();
        Include(new PageRequestValidator());
        RuleFor(q => q.Action).MaximumLength(64).WithMessage("must be at most 64 characters");
    }
}

internal sealed class SearchAuditLog(IValidator<AuditLogQuery> validator, IAuditQueries audit) : ISearchAuditLog
{
    public Task<Result<PagedList<AuditEntry>>> ExecuteAsync(AuditLogQuery query, CancellationToken ct) =>
        validator.ThenAsync(query, valid => SearchAsync(valid, ct), ct);

    private async Task<Result<PagedList<AuditEntry>>> SearchAsync(AuditLogQuery query, CancellationToken ct) =>
        (await audit.SearchAsync(query.ToSearch(), ct)).Map(AuditEntry.From);
}
