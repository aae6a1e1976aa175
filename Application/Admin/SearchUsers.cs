using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Users;
using FluentValidation;

namespace AuthService.Application.Admin;

/// <summary>Query-string values as sent: <paramref name="Query"/> matches a part of email, phone, username or name.</summary>
public sealed record SearchUsersQuery(string? Query, string? Status, string? Page, string? PageSize) : IPageRequest;

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
    public async Task<Result<PagedList<AdminUserView>>> ExecuteAsync(SearchUsersQuery query, CancellationToken ct)
    {
        if (await validator.CheckAsync(query, ct) is { } invalid)
        {
            return invalid;
        }

        var (page, size) = PageRequestValidator.Of(query);
        var search = new UserSearch(
            string.IsNullOrWhiteSpace(query.Query) ? null : query.Query.Trim(),
            string.IsNullOrEmpty(query.Status) ? null : ParseStatus(query.Status),
            page,
            size);
        return (await directory.SearchUsersAsync(search, ct)).Map(AdminUserView.From);
    }

    /// <summary>A status name in any case; a number is not one.</summary>
    public static UserStatus? ParseStatus(string status) =>
        Enum.TryParse<UserStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : null;
}
