using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

/// <summary>Query-string values as sent: <paramref name="Query"/> matches a part of email, phone, username or name.</summary>
public sealed record SearchUsersQuery(string? Query, string? Status, string? Page, string? PageSize) : IPageRequest
{
    /// <summary>The search a valid query asks for.</summary>
    internal UserSearch ToSearch()
    {
        var (page, size) = PageRequestValidator.Of(this);
        return new UserSearch(
            string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(), string.IsNullOrEmpty(Status) ? null : SearchUsers.ParseStatus(Status), page, size);
    }
}

public interface ISearchUsers
{
    Task<Result<PagedList<AdminUserView>>> ExecuteAsync(SearchUsersQuery query, CancellationToken ct);
}

internal sealed class SearchUsersQueryValidator : AbstractValidator<SearchUsersQuery>
{
    public SearchUsersQueryValidator()
    {
        Include(new PageRequestValidator());
        RuleFor(q => q.Query).MaximumLength(254).WithMessage("must be at most 254 characters");
        RuleFor(q => q.Status).Must(s => string.IsNullOrEmpty(s) || SearchUsers.ParseStatus(s) is not null)
            .WithMessage("must be active, disabled or deleted");
    }
}

internal sealed class SearchUsers(IValidator<SearchUsersQuery> validator, IAdminDirectory directory) : ISearchUsers
{
    public Task<Result<PagedList<AdminUserView>>> ExecuteAsync(SearchUsersQuery query, CancellationToken ct) =>
        validator.ThenAsync(query, valid => SearchAsync(valid, ct), ct);

    private async Task<Result<PagedList<AdminUserView>>> SearchAsync(SearchUsersQuery query, CancellationToken ct) =>
        (await directory.SearchUsersAsync(query.ToSearch(), ct)).Map(AdminUserView.From);

    /// <summary>A status name in any case; a number is not one.</summary>
    public static UserStatus? ParseStatus(string status) =>
        Enum.TryParse<UserStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : null;
}
